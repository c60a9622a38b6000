// The concept API (/api/concepts, /api/schemes, /api/works) through HandleApi:
// answers, 400 / 404 / 406, JSON-LD read back as RDF with kg's JSON-LD
// reader, ETag / 304 and the cache, and the OpenAPI list, over ontology/.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <functional>

#include "api/api.h"
#include "api/operations.h"
#include "parse/jsonld.h"
#include "parse/rdf_input.h"

namespace kg::api {
namespace {

const std::string kBegrip = "https://w3id.org/utrecht-leert/begrip/";
const std::string kWerk = "https://w3id.org/utrecht-leert/werk/";
const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";

class ConceptApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new Store();
    ASSERT_TRUE(LoadPaths(*store_, {std::string(KG_SOURCE_DIR) + "/ontology"}).ok());
    state_ = new ApiState();
  }
  static void TearDownTestSuite() {
    delete state_;
    delete store_;
  }
  Result<Response> Get(const std::string& target, Headers headers = {}) {
    Request r;
    r.method = "GET";
    r.target = target;
    r.headers = std::move(headers);
    return HandleApi(r, *store_, *state_, ApiOptions{10, "http://kg.test"});
  }
  rapidjson::Document Json(const std::string& target, Headers headers = {}) {
    auto r = Get(target, std::move(headers));
    rapidjson::Document d;
    EXPECT_TRUE(r.ok()) << target << ": " << r.error().ToString();
    if (!r.ok()) return d;
    EXPECT_EQ(r->status, 200) << target;
    d.Parse(r->body.c_str());
    EXPECT_FALSE(d.HasParseError()) << target;
    return d;
  }
  static Store* store_;
  static ApiState* state_;
};
Store* ConceptApi::store_ = nullptr;
ApiState* ConceptApi::state_ = nullptr;

bool HasTriple(const Graph& g, const std::string& s, const std::string& p, const Term& o) {
  return std::any_of(g.begin(), g.end(), [&](const Triple& t) {
    return t.subject.value == s && t.predicate.value == p && t.object == o;
  });
}

TEST_F(ConceptApi, SearchFindsAccentedLabels) {
  auto d = Json("/api/concepts?q=coordinatie&lang=en");
  ASSERT_TRUE(d.IsObject());
  const auto& results = d["results"];
  ASSERT_TRUE(results.IsArray());
  ASSERT_GE(results.Size(), 1u);
  EXPECT_STREQ(results[0]["id"].GetString(), "coordinatie");
  EXPECT_STREQ(results[0]["prefLabel"]["en"].GetString(), "coordination");
  EXPECT_FALSE(results[0]["prefLabelFallback"].GetBool());
  EXPECT_STREQ(results[0]["matchedLabel"].GetString(), "coördinatie");
  EXPECT_STREQ(results[0]["matchKind"].GetString(), "exact");
  EXPECT_STREQ(d["lang"].GetString(), "en");
  EXPECT_LE(Json("/api/concepts?q=e&limit=3")["results"].Size(), 3u);
}

TEST_F(ConceptApi, ConceptHasEverySection) {
  auto d = Json("/api/concepts/grens");
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(std::string(d["iri"].GetString()), kBegrip + "grens");
  EXPECT_STREQ(d["prefLabel"]["nl"][0].GetString(), "grens");
  EXPECT_TRUE(d["definition"]["en"].IsArray());
  ASSERT_EQ(d["derivedFrom"].Size(), 2u);
  const auto& p = d["derivedFrom"][0];
  EXPECT_STREQ(p["section"].GetString(), "[Kader boundary crossing]");
  EXPECT_EQ(p["paragraph"].GetInt(), 1);
  EXPECT_TRUE(p["target"]["selector"]["exact"].IsString());
  EXPECT_STREQ(p["footnotes"][0]["number"].GetString(), "17");
  ASSERT_EQ(d["citesAsAuthority"].Size(), 1u);
  EXPECT_EQ(d["citesAsAuthority"][0]["authors"].Size(), 4u);
  EXPECT_TRUE(d["sharedWorks"][0]["concepts"].IsArray());
  auto c = Json("/api/concepts/coordinatie");
  EXPECT_EQ(c["examples"].Size(), 1u);
  EXPECT_TRUE(c["relations"].IsArray());
  EXPECT_TRUE(c["attributes"].IsArray());
}

TEST_F(ConceptApi, NeighboursAndHierarchy) {
  auto b = Json("/api/concepts/coordinatie/broader");
  ASSERT_EQ(b["broader"].Size(), 1u);
  EXPECT_STREQ(b["broader"][0]["id"].GetString(), "leermechanisme");
  auto n = Json("/api/concepts/leermechanisme/narrower");
  EXPECT_GE(n["narrower"].Size(), 4u);
  auto r = Json("/api/concepts/grens/related");
  EXPECT_TRUE(r["related"].IsArray());
  auto h = Json("/api/concepts/pedagogische-sociale-relaties/hierarchy");
  ASSERT_GE(h["paths"].Size(), 1u);
  const auto& path = h["paths"][0];
  EXPECT_STREQ(path[path.Size() - 1]["id"].GetString(), "pedagogische-sociale-relaties");
}

TEST_F(ConceptApi, SchemesAndWorks) {
  auto s = Json("/api/schemes");
  ASSERT_EQ(s["schemes"].Size(), 6u);
  for (const auto& scheme : s["schemes"].GetArray())
    EXPECT_GT(scheme["topConcepts"].Size(), 0u) << scheme["iri"].GetString();
  auto one_scheme = Json("/api/schemes/boundary-crossing");
  std::uint64_t listed = 0;
  for (const auto& x : s["schemes"].GetArray())
    if (std::string(x["id"].GetString()) == "boundary-crossing") listed = x["conceptCount"].GetUint64();
  EXPECT_GT(listed, 0u);
  EXPECT_EQ(one_scheme["conceptCount"].GetUint64(), listed);
  ASSERT_TRUE(one_scheme["tree"].IsArray());
  std::size_t nodes = 0;
  std::function<void(const rapidjson::Value&)> walk = [&](const rapidjson::Value& n) {
    ++nodes;
    if (n.HasMember("narrower"))
      for (const auto& c : n["narrower"].GetArray()) walk(c);
  };
  for (const auto& n : one_scheme["tree"].GetArray()) walk(n);
  EXPECT_GE(nodes, one_scheme["conceptCount"].GetUint64());
  auto w = Json("/api/works");
  EXPECT_EQ(w["works"].Size(), 17u);
  auto one = Json("/api/works/akkerman-bakker-2011");
  EXPECT_STREQ(one["volume"].GetString(), "50");
  EXPECT_GT(one["citingConcepts"].Size(), 0u);
  EXPECT_EQ(one["citingFootnotes"].Size(), 3u);
}

TEST_F(ConceptApi, ErrorsAre404And400And406) {
  struct Case { std::string target; Error::Code code; };
  for (const auto& c : std::vector<Case>{
           {"/api/concepts/bestaat-niet", Error::Code::kNotFound},
           {"/api/concepts/grens/parents", Error::Code::kNotFound},
           {"/api/works/grens", Error::Code::kNotFound},
           {"/api/schemes/grens", Error::Code::kNotFound},
           {"/api/schemes/a%20b", Error::Code::kBadRequest},
           {"/api/works/bestaat-niet", Error::Code::kNotFound},
           {"/api/concepts/bestaat-niet/broader", Error::Code::kNotFound},
           {"/api/concepts", Error::Code::kBadRequest},
           {"/api/concepts?q=", Error::Code::kBadRequest},
           {"/api/concepts?q=%20%20", Error::Code::kBadRequest},
           {"/api/concepts?q=a&q=b", Error::Code::kBadRequest},
           {"/api/concepts?q=a&lang=n%22l", Error::Code::kBadRequest},
           {"/api/concepts?q=a&limit=0", Error::Code::kBadRequest},
           {"/api/concepts?q=a&limit=ten", Error::Code::kBadRequest},
           {"/api/concepts?q=a&colour=red", Error::Code::kBadRequest},
           {"/api/concepts/gr%20ens", Error::Code::kBadRequest},
           {"/api/concepts/..%2F..%2Fetc", Error::Code::kBadRequest},
           {"/api/concepts/grens?lang=nl", Error::Code::kBadRequest},
           {"/api/works/%3Cx%3E", Error::Code::kBadRequest},
       }) {
    auto r = Get(c.target);
    ASSERT_FALSE(r.ok()) << c.target;
    EXPECT_EQ(r.error().code, c.code) << c.target << ": " << r.error().ToString();
    EXPECT_FALSE(r.error().message.empty());
  }
  auto r = Get("/api/concepts/grens", {{"Accept", "text/csv"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Error::Code::kNotAcceptable);
}

TEST_F(ConceptApi, JsonLdReadsBackAsTheGraphsTriples) {
  auto r = Get("/api/concepts/grens", {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->headers["Content-Type"], "application/ld+json");
  EXPECT_EQ(r->headers["Vary"], "Accept");
  auto g = ReadJsonLd(r->body, "");
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  const std::string grens = kBegrip + "grens";
  EXPECT_TRUE(HasTriple(*g, grens, kSkos + "prefLabel", Term::Literal("grens", "nl")));
  EXPECT_TRUE(HasTriple(*g, grens, kSkos + "prefLabel", Term::Literal("boundary", "en")));
  EXPECT_TRUE(HasTriple(*g, grens, kSkos + "inScheme",
                        Term::Iri("https://w3id.org/utrecht-leert/schema/boundary-crossing")));
  const std::string passage =
      "https://w3id.org/utrecht-leert/passage/kader-boundary-crossing-1-grens";
  EXPECT_TRUE(HasTriple(*g, grens, "http://www.w3.org/ns/prov#wasDerivedFrom", Term::Iri(passage)));
  EXPECT_TRUE(HasTriple(*g, passage, "https://w3id.org/utrecht-leert/def#paragraph",
                        Term::Literal("1", "", "http://www.w3.org/2001/XMLSchema#integer")));
  EXPECT_TRUE(HasTriple(*g, grens, "http://purl.org/spar/cito/citesAsAuthority",
                        Term::Iri(kWerk + "beausaert-bakker-zitter-de-bruijn-2016")));
  // Every triple the answer states about the concept itself is in the store.
  for (const auto& t : *g)
    if (t.subject.value == grens) {
      Graph m = store_->Match(t.subject, t.predicate, t.object);
      EXPECT_FALSE(m.empty()) << t.predicate.value << " " << t.object.value;
    }
  // The quote, through the blank target and selector, as in passages.ttl.
  Graph exact;
  for (const auto& t : *g)
    if (t.predicate.value == "http://www.w3.org/ns/oa#exact") exact.push_back(t);
  EXPECT_EQ(exact.size(), 2u);

  auto w = Get("/api/works/akkerman-bakker-2011", {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(w.ok());
  auto wg = ReadJsonLd(w->body, "");
  ASSERT_TRUE(wg.ok()) << wg.error().ToString();
  EXPECT_TRUE(HasTriple(*wg, kWerk + "akkerman-bakker-2011", "http://purl.org/dc/terms/issued",
                        Term::Literal("2011", "", "http://www.w3.org/2001/XMLSchema#gYear")));
  bool reverse = HasTriple(*wg, kBegrip + "grens", "http://purl.org/spar/cito/citesAsAuthority",
                           Term::Iri(kWerk + "akkerman-bakker-2011"));
  Graph m = store_->Match(Term::Iri(kBegrip + "grens"),
                          Term::Iri("http://purl.org/spar/cito/citesAsAuthority"),
                          Term::Iri(kWerk + "akkerman-bakker-2011"));
  EXPECT_EQ(reverse, !m.empty());  // citingConcepts is the reverse of citesAsAuthority
  auto search = Get("/api/concepts?q=grens", {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(search.ok());
  auto sg = ReadJsonLd(search->body, "");
  ASSERT_TRUE(sg.ok()) << sg.error().ToString();
  EXPECT_TRUE(HasTriple(*sg, kBegrip + "grens", kSkos + "prefLabel", Term::Literal("grens", "nl")));
}

TEST_F(ConceptApi, EtagAnd304AndCache) {
  auto first = Get("/api/concepts/grens");
  ASSERT_TRUE(first.ok());
  std::string etag = first->headers["ETag"];
  ASSERT_FALSE(etag.empty());
  std::uint64_t hits = state_->cache.hits();
  auto again = Get("/api/concepts/grens");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(state_->cache.hits(), hits + 1);
  auto not_modified = Get("/api/concepts/grens", {{"If-None-Match", etag}});
  ASSERT_TRUE(not_modified.ok());
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());
  auto jsonld = Get("/api/concepts/grens", {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(jsonld.ok());
  EXPECT_NE(jsonld->headers["ETag"], etag);  // another representation, another tag
}

TEST_F(ConceptApi, EveryOperationIsInTheOpenApiList) {
  auto ops = ApiOperations(QueryCatalog{});
  for (const char* path :
       {"/api/concepts", "/api/concepts/{id}", "/api/concepts/{id}/broader",
        "/api/concepts/{id}/narrower", "/api/concepts/{id}/related",
        "/api/concepts/{id}/hierarchy", "/api/schemes", "/api/schemes/{id}", "/api/works",
        "/api/works/{id}"}) {
    auto it = std::find_if(ops.begin(), ops.end(),
                           [&](const Operation& o) { return o.path == path; });
    ASSERT_NE(it, ops.end()) << path;
    EXPECT_FALSE(it->schema.empty()) << path;
  }
  rapidjson::Document d;
  d.Parse(OpenApiJson(ops, "").c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_TRUE(d["components"]["schemas"].HasMember("Concept"));
}

}  // namespace
}  // namespace kg::api

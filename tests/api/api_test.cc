// service/api/: decorators, parameter typing and injection, plain writers,
// ETag/304 and cache invalidation, over the real ontology/ and queries/.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "api/api.h"
#include "api/param_binding.h"
#include "api/plain_results.h"
#include "api/query_catalog.h"
#include "api/response_cache.h"
#include "parse/rdf_input.h"

namespace kg::api {
namespace {

const char* kBegrip = "https://w3id.org/utrecht-leert/begrip/";

TEST(Decorators, ParsesHeader) {
  auto q = ParseNamedQuery("t", "#+ summary: S\n#+ tags: a, b\n#+ pagination: 5\n"
                                "#+ param: x\n#+   type: enum\n#+   values: p, q\n#+   default: p\n"
                                "SELECT * WHERE { ?s ?p ?x }");
  ASSERT_TRUE(q.ok()) << q.error().ToString();
  EXPECT_EQ(q->summary, "S");
  EXPECT_EQ(q->tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(q->pagination, 5);
  ASSERT_EQ(q->params.size(), 1u);
  EXPECT_EQ(q->params[0].type, ParamType::kEnum);
  EXPECT_EQ(q->params[0].default_value, "p");
}

TEST(Decorators, RefusesBadHeadersWithLine) {
  struct Case { const char* text; int line; };
  for (auto c : {Case{"#+ summary: s\n#+ colour: red\nSELECT * {}", 2},
                 Case{"#+ param: x\n#+   type: float\nSELECT ?x {}", 2},
                 Case{"#+ param: x\n#+   type: enum\nSELECT ?x {}", 1},
                 Case{"#+ param: x\n#+   type: integer\n#+   default: ten\nSELECT ?x {}", 1},
                 Case{"#+ param: y\n#+   type: string\nSELECT ?x {}", 1},
                 Case{"#+ pagination: -1\nSELECT ?x {}", 1},
                 Case{"#+   type: iri\nSELECT ?x {}", 1}}) {
    auto q = ParseNamedQuery("t", c.text);
    ASSERT_FALSE(q.ok()) << c.text;
    EXPECT_EQ(q.error().line, c.line) << c.text << " -> " << q.error().ToString();
  }
}

TEST(Catalog, SyntaxErrorNamesFileLineColumn) {
  auto q = CheckNamedQuery("bad", "queries/bad.rq", "#+ summary: s\nSELECT ?x WHERE { ?x }");
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.error().message.find("queries/bad.rq"), std::string::npos);
  EXPECT_EQ(q.error().line, 2);
  EXPECT_GT(q.error().column, 0);
}

TEST(Catalog, LoadsTheRepositoryQueries) {
  auto c = LoadQueryCatalog(std::string(KG_SOURCE_DIR) + "/queries");
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_TRUE(c->count("competency/01-collaboration-forms"));
  EXPECT_TRUE(c->count("api/concept"));
}

QueryParam P(ParamType t, std::vector<std::string> values = {}) {
  QueryParam p{"x", t};
  p.values = std::move(values);
  return p;
}

TEST(ParamTyping, EveryType) {
  EXPECT_TRUE(ParamTerm(P(ParamType::kIri), "https://w3id.org/x")->is_iri());
  for (auto bad : {"relative/x", "http://a b", "http://x>", "x", ":x", "http://x\"}"})
    EXPECT_FALSE(ParamTerm(P(ParamType::kIri), bad).ok()) << bad;
  auto ls = ParamTerm(P(ParamType::kLangString), "grens@NL");
  ASSERT_TRUE(ls.ok());
  EXPECT_EQ(ls->language, "nl");
  EXPECT_FALSE(ParamTerm(P(ParamType::kLangString), "grens").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kLangString), "grens@n l").ok());
  EXPECT_EQ(ParamTerm(P(ParamType::kInteger), "+042")->value, "42");
  EXPECT_FALSE(ParamTerm(P(ParamType::kInteger), "4 2").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kInteger), "99999999999999999999").ok());
  EXPECT_TRUE(ParamTerm(P(ParamType::kDate), "2024-02-29").ok());
  EXPECT_TRUE(ParamTerm(P(ParamType::kDate), "2024-02-28+01:00").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kDate), "2023-02-29").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kDate), "2023-1-2").ok());
  EXPECT_TRUE(ParamTerm(P(ParamType::kEnum, {"nl", "en"}), "en").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kEnum, {"nl", "en"}), "de").ok());
  EXPECT_FALSE(ParamTerm(P(ParamType::kString), std::string("\xff")).ok());
}

class ApiOnOntology : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new Store();
    ASSERT_TRUE(LoadPaths(*store_, {std::string(KG_SOURCE_DIR) + "/ontology"}).ok());
    state_ = new ApiState();
    state_->catalog = LoadQueryCatalog(std::string(KG_SOURCE_DIR) + "/queries").value();
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
  static Store* store_;
  static ApiState* state_;
};
Store* ApiOnOntology::store_ = nullptr;
ApiState* ApiOnOntology::state_ = nullptr;

TEST_F(ApiOnOntology, NamedQueryPlainJson) {
  auto r = Get("/api/queries/api/concept?lang=nl&concept=" + PercentEncode(std::string(kBegrip) + "grens"));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->headers["Content-Type"], "application/json");
  rapidjson::Document d;
  d.Parse(r->body.c_str());
  ASSERT_TRUE(d.IsArray());
  bool found = false;
  for (const auto& row : d.GetArray())
    if (row["value"].IsObject() && std::string(row["value"]["value"].GetString()) == "grens")
      found = std::string(row["value"]["lang"].GetString()) == "nl";
  EXPECT_TRUE(found) << r->body;
}

TEST_F(ApiOnOntology, InjectionThroughEveryTypeIsInert) {
  std::size_t before = store_->Size();
  const std::string evil = "x\" } ; DROP ALL ; { \"";
  for (const std::string& target :
       {"/api/queries/api/search-labels?prefix=" + PercentEncode(evil),
        "/api/queries/api/passages-by-label?label=" + PercentEncode(evil + "@nl")}) {
    auto r = Get(target);
    ASSERT_TRUE(r.ok()) << target << " " << r.error().ToString();
    EXPECT_EQ(r->body, "[]") << target;
  }
  for (const std::string& target :
       {"/api/queries/api/concept?concept=" + PercentEncode("http://x> } DROP ALL { <y"),
        "/api/queries/api/concept?concept=" + PercentEncode(std::string(kBegrip) + "grens") +
            "&lang=" + PercentEncode("nl\") } DROP ALL {"),
        "/api/queries/api/works-issued-since?year=" + PercentEncode("1) } DROP ALL {"),
        "/api/queries/api/works-issued-since?since=" + PercentEncode("2020-01-01\"^^x")}) {
    auto r = Get(target);
    ASSERT_FALSE(r.ok()) << target;
    EXPECT_EQ(r.error().code, Error::Code::kBadRequest);
    EXPECT_NE(r.error().message.find("parameter '"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(store_->Size(), before);
}

TEST_F(ApiOnOntology, MissingAndUnknownParameters) {
  auto r = Get("/api/queries/api/concept");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'concept' is required"), std::string::npos);
  r = Get("/api/queries/api/concept?concept=urn:x&nope=1");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nope"), std::string::npos);
}

TEST_F(ApiOnOntology, PaginationLinks) {
  auto r = Get("/api/queries/api/search-labels?prefix=gr&per_page=2&page=2");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const std::string& link = r->headers["Link"];
  EXPECT_NE(link.find("page=3&per_page=2>; rel=\"next\""), std::string::npos) << link;
  EXPECT_NE(link.find("page=1&per_page=2>; rel=\"prev\""), std::string::npos) << link;
  EXPECT_NE(link.find("rel=\"first\""), std::string::npos);
}

TEST_F(ApiOnOntology, HtmlAndSparqlFormats) {
  auto r = Get("/api/queries/api/search-labels?prefix=gr", {{"Accept", "text/html"}});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("<table>"), std::string::npos);
  r = Get("/api/queries/api/search-labels?prefix=gr",
          {{"Accept", "application/sparql-results+json"}});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("\"bindings\""), std::string::npos);
}

TEST_F(ApiOnOntology, ETagAnd304AndInvalidationOnWrite) {
  const std::string target = "/api/queries/api/search-labels?prefix=zz";
  auto first = Get(target);
  ASSERT_TRUE(first.ok());
  std::string etag = first->headers["ETag"];
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first->body, "[]");
  auto again = Get(target, {{"If-None-Match", etag}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto hits = state_->cache.hits();
  ASSERT_TRUE(Get(target).ok());
  EXPECT_EQ(state_->cache.hits(), hits + 1);
  // A write: new version, new ETag, fresh answer.
  Term c = Term::Iri("urn:test:zz");
  ASSERT_TRUE(store_->Add(GraphName("urn:test"),
                          {{c, Term::Iri(kRdfType), Term::Iri("http://www.w3.org/2004/02/skos/core#Concept")},
                           {c, Term::Iri("http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Term::Literal("zzz", "nl")}}).ok());
  auto after = Get(target, {{"If-None-Match", etag}});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, 200);
  EXPECT_NE(after->headers["ETag"], etag);
  EXPECT_NE(after->body.find("zzz"), std::string::npos);
  store_->Drop(GraphName("urn:test"));
}

TEST_F(ApiOnOntology, ListAndOpenApi) {
  auto r = Get("/api/queries");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("\"api/concept\""), std::string::npos);
  r = Get("/api/openapi.json");
  ASSERT_TRUE(r.ok());
  rapidjson::Document d;
  d.Parse(r->body.c_str());
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["openapi"].GetString(), "3.1.0");
  EXPECT_TRUE(d["paths"].HasMember("/api/queries/api/concept"));
  r = Get("/api/");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("/api/queries/api/concept"), std::string::npos);
  EXPECT_FALSE(Get("/api/queries/nope").ok());
}

TEST(Cache, LruAndVersion) {
  ResponseCache cache(2);
  Response a;
  a.body = "a";
  cache.Put("a", a, 1);
  cache.Put("b", a, 1);
  ASSERT_TRUE(cache.Get("a", 1));
  cache.Put("c", a, 1);  // evicts b, the least recently used
  EXPECT_FALSE(cache.Get("b", 1));
  EXPECT_TRUE(cache.Get("a", 1));
  EXPECT_FALSE(cache.Get("a", 2));  // a new store version empties the cache
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_TRUE(IfNoneMatchHits("\"x\", W/\"v1-0\"", "\"v1-0\""));
  EXPECT_TRUE(IfNoneMatchHits("*", "\"v1-0\""));
  EXPECT_FALSE(IfNoneMatchHits("\"v2-0\"", "\"v1-0\""));
}

TEST(PlainResults, JsonAndEscapedHtml) {
  ResultSet rs{{"a", "b"}, {}};
  rs.rows.push_back({Term::Literal("42", "", "http://www.w3.org/2001/XMLSchema#integer"),
                     Term::Literal("<b>&", "en")});
  rs.rows.push_back({Term::Iri("javascript:alert(1)"), std::nullopt});
  QueryResult qr{rs};
  EXPECT_EQ(WritePlainJson(qr),
            "[{\"a\":42,\"b\":{\"value\":\"<b>&\",\"lang\":\"en\"}},{\"a\":\"javascript:alert(1)\"}]");
  std::string html = WriteHtmlTable(qr, "<t>");
  EXPECT_EQ(html.find("<b>&"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(WritePlainJson(QueryResult{true}), "true");
}

}  // namespace
}  // namespace kg::api

// Tests for /rdf-graphs (handlers/graph_store_handler.cc) through kg::Handle.
#include "core/message.h"
#include "handler_fixture.h"

namespace kg {
namespace {

const std::string kGraph = "http://example.org/g1";
const std::string kTarget = "/rdf-graphs?graph=" + PercentEncode(kGraph);
const std::string kTurtle =
    "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b ;\n  ex:q \"x\" .\n";

class GraphStoreTest : public testing::HandlerTest {
 protected:
  Headers Auth(const std::string& content_type = "text/turtle") {
    return {{"Authorization", "Bearer s3cret"}, {"Content-Type", content_type}};
  }
  void EnableWrites() { config_.write_token = "s3cret"; }
};

TEST_F(GraphStoreTest, GetDefaultGraph) {
  ASSERT_TRUE(store_.Replace(std::nullopt, {{Term::Iri("http://a"), Term::Iri("http://p"),
                                             Term::Iri("http://b")}})
                  .ok());
  Response r = Call("GET", "/rdf-graphs?default", {{"Accept", "application/n-triples"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Vary"], "Accept");
  EXPECT_EQ(r.body, "<http://a> <http://p> <http://b> .\n");
}

TEST_F(GraphStoreTest, GetUnknownGraphIs404) {
  EXPECT_EQ(Call("GET", kTarget).status, 404);
}

TEST_F(GraphStoreTest, WriteWithoutTokenConfiguredIs403) {
  Response r = Call("PUT", kTarget, Auth(), kTurtle);
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(store_.Exists(kGraph));
  EXPECT_EQ(Call("DELETE", "/rdf-graphs?default").status, 403);
}

TEST_F(GraphStoreTest, WrongOrMissingTokenIs401) {
  EnableWrites();
  for (const char* auth : {"", "Bearer wrong", "Bearer s3cre", "Bearer s3cret2", "s3cret",
                           "Basic czNjcmV0"}) {
    Headers h{{"Content-Type", "text/turtle"}};
    if (*auth) h["Authorization"] = auth;
    Response r = Call("PUT", kTarget, h, kTurtle);
    EXPECT_EQ(r.status, 401) << auth;
    EXPECT_EQ(r.headers["WWW-Authenticate"], "Bearer realm=\"kg\"") << auth;
  }
  EXPECT_FALSE(store_.Exists(kGraph));
}

TEST_F(GraphStoreTest, PutCreatesThenReplacesAndGetNegotiates) {
  EnableWrites();
  EXPECT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 201);
  EXPECT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 204);
  EXPECT_EQ(store_.Size(kGraph), 2u);

  Response nt = Call("GET", kTarget, {{"Accept", "application/n-triples"}});
  EXPECT_EQ(nt.status, 200);
  EXPECT_EQ(nt.headers["Content-Type"], "application/n-triples");
  EXPECT_EQ(nt.body,
            "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
            "<http://example.org/a> <http://example.org/q> \"x\" .\n");

  Response ttl = Call("GET", kTarget, {{"Accept", "text/turtle"}});
  EXPECT_EQ(ttl.status, 200);
  EXPECT_EQ(ttl.headers["Content-Type"], "text/turtle; charset=utf-8");
  EXPECT_NE(ttl.body.find("<http://example.org/a>"), std::string::npos) << ttl.body;

  Response jsonld = Call("GET", kTarget, {{"Accept", "application/ld+json"}});
  EXPECT_EQ(jsonld.status, 200);
  EXPECT_EQ(jsonld.headers["Content-Type"], "application/ld+json");
  auto d = Json(jsonld.body);
  ASSERT_TRUE(d.HasMember("@graph")) << jsonld.body;
  EXPECT_EQ(d["@graph"].Size(), 1u);
}

TEST_F(GraphStoreTest, PutReplacesContent) {
  EnableWrites();
  ASSERT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 201);
  ASSERT_EQ(Call("PUT", kTarget, Auth("application/n-triples"),
                 "<http://x> <http://y> <http://z> .\n").status,
            204);
  EXPECT_EQ(Call("GET", kTarget, {{"Accept", "application/n-triples"}}).body,
            "<http://x> <http://y> <http://z> .\n");
}

TEST_F(GraphStoreTest, BrokenTurtleIs400WithLineAndGraphUnchanged) {
  EnableWrites();
  ASSERT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 201);
  const std::string before = Call("GET", kTarget, {{"Accept", "application/n-triples"}}).body;
  const auto version = store_.Version();
  Response r = Call("PUT", kTarget, Auth(),
                    "@prefix ex: <http://example.org/> .\nex:c ex:p ex:d .\nex:e ex:p .\n");
  EXPECT_EQ(r.status, 400);
  auto d = Json(r.body);
  ASSERT_TRUE(d.HasMember("line")) << r.body;
  EXPECT_EQ(d["line"].GetInt(), 3);
  EXPECT_EQ(Call("GET", kTarget, {{"Accept", "application/n-triples"}}).body, before);
  EXPECT_EQ(store_.Version(), version);
}

TEST_F(GraphStoreTest, PostMerges) {
  EnableWrites();
  EXPECT_EQ(Call("POST", kTarget, Auth(), kTurtle).status, 201);
  EXPECT_EQ(Call("POST", kTarget, Auth("application/n-triples"),
                 "<http://example.org/a> <http://example.org/p> <http://example.org/c> .\n")
                .status,
            204);
  EXPECT_EQ(store_.Size(kGraph), 3u);
}

TEST_F(GraphStoreTest, PostToDefaultGraph) {
  EnableWrites();
  EXPECT_EQ(Call("POST", "/rdf-graphs?default", Auth(), kTurtle).status, 204);
  EXPECT_EQ(store_.Size(std::nullopt), 2u);
}

TEST_F(GraphStoreTest, RelativeIrisResolveAgainstGraphName) {
  EnableWrites();
  ASSERT_EQ(Call("PUT", kTarget, Auth(), "<#me> <p> <o> .").status, 201);
  auto g = store_.Get(kGraph);
  ASSERT_TRUE(g.has_value());
  ASSERT_EQ(g->size(), 1u);
  EXPECT_EQ((*g)[0].subject, Term::Iri("http://example.org/g1#me"));
}

TEST_F(GraphStoreTest, DeleteThen404) {
  EnableWrites();
  ASSERT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 201);
  EXPECT_EQ(Call("DELETE", kTarget, Auth()).status, 204);
  EXPECT_EQ(Call("GET", kTarget).status, 404);
  EXPECT_EQ(Call("DELETE", kTarget, Auth()).status, 404);
}

TEST_F(GraphStoreTest, BadGraphTargets) {
  EnableWrites();
  EXPECT_EQ(Call("GET", "/rdf-graphs?default&graph=" + PercentEncode(kGraph)).status, 400);
  EXPECT_EQ(Call("GET", "/rdf-graphs?graph=relative/name").status, 400);
  EXPECT_EQ(Call("GET", "/rdf-graphs?graph=" + PercentEncode("http://a b")).status, 400);
  EXPECT_EQ(Call("GET", "/rdf-graphs").status, 400);
  EXPECT_EQ(Call("GET", "/rdf-graphs?graph=http%3A%2F%2Fa&graph=http%3A%2F%2Fb").status, 400);
  EXPECT_EQ(Call("PUT", "/rdf-graphs?graph=relative", Auth(), kTurtle).status, 400);
}

TEST_F(GraphStoreTest, UnknownContentTypeIs415) {
  EnableWrites();
  Response r = Call("PUT", kTarget, Auth("text/csv"), "a,b");
  EXPECT_EQ(r.status, 415);
  auto d = Json(r.body);
  EXPECT_NE(std::string(d["detail"].GetString()).find("text/turtle"), std::string::npos);
  EXPECT_FALSE(store_.Exists(kGraph));
}

TEST_F(GraphStoreTest, GetNotAcceptable) {
  ASSERT_TRUE(store_.Replace(kGraph, {}).ok());
  Response r = Call("GET", kTarget, {{"Accept", "text/csv"}});
  EXPECT_EQ(r.status, 406);
}

TEST_F(GraphStoreTest, HeadSetsHeadOnly) {
  ASSERT_TRUE(store_.Replace(kGraph, {}).ok());
  Response r = Call("HEAD", kTarget);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.head_only);
  EXPECT_EQ(r.headers["Content-Type"], "text/turtle; charset=utf-8");
}

TEST_F(GraphStoreTest, WritesUpdateTriplesGauge) {
  EnableWrites();
  ASSERT_EQ(Call("PUT", kTarget, Auth(), kTurtle).status, 201);
  EXPECT_NE(Call("GET", "/metrics").body.find("kg_triples_loaded 2\n"), std::string::npos);
  ASSERT_EQ(Call("DELETE", kTarget, Auth()).status, 204);
  EXPECT_NE(Call("GET", "/metrics").body.find("kg_triples_loaded 0\n"), std::string::npos);
}

}  // namespace
}  // namespace kg

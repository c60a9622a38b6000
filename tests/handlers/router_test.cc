// Tests for handlers/router.h: routing, 404/405, OPTIONS, CORS, HEAD.
#include "handlers/router.h"

#include "handler_fixture.h"

namespace kg {
namespace {

using RouterTest = testing::HandlerTest;

TEST_F(RouterTest, UnknownPathIs404ProblemJson) {
  Response r = Call("GET", "/nope?x=1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers["Content-Type"], "application/problem+json");
  auto d = Json(r.body);
  EXPECT_EQ(d["status"].GetInt(), 404);
  EXPECT_STREQ(d["detail"].GetString(), "no resource at /nope");
  EXPECT_EQ(r.headers.count("Access-Control-Allow-Origin"), 0u);
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  Response r = Call("DELETE", "/sparql");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["Allow"], "GET, HEAD, POST, OPTIONS");
  Response h = Call("POST", "/healthz");
  EXPECT_EQ(h.status, 405);
  EXPECT_EQ(h.headers["Allow"], "GET, HEAD, OPTIONS");
  Response g = Call("PATCH", "/rdf-graphs?default");
  EXPECT_EQ(g.status, 405);
  EXPECT_EQ(g.headers["Allow"], "GET, HEAD, PUT, POST, DELETE, OPTIONS");
}

TEST_F(RouterTest, OptionsPreflight) {
  Response r = Call("OPTIONS", "/sparql", {{"Origin", "http://app.example"},
                                            {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.headers["Allow"], "GET, HEAD, POST, OPTIONS");
  EXPECT_EQ(r.headers["Access-Control-Allow-Methods"], "GET, HEAD, POST, OPTIONS");
  EXPECT_EQ(r.headers["Access-Control-Allow-Headers"],
            "Accept, Content-Type, Authorization, X-Request-Id");
  EXPECT_EQ(r.headers["Access-Control-Allow-Origin"], "*");
  EXPECT_EQ(r.headers["Access-Control-Max-Age"], "86400");
}

TEST_F(RouterTest, MetricsIsNotCrossOrigin) {
  Response r = Call("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.count("Access-Control-Allow-Origin"), 0u);
  Response s = Call("GET", "/healthz");
  EXPECT_EQ(s.headers["Access-Control-Allow-Origin"], "*");
  EXPECT_EQ(s.headers["Access-Control-Expose-Headers"],
            "Content-Type, Content-Length, Vary, X-Request-Id, ETag, Link, X-Total-Count, Server-Timing");
}

TEST_F(RouterTest, HeadSetsHeadOnlyAndKeepsBody) {
  Response r = Call("HEAD", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.head_only);
  EXPECT_FALSE(r.body.empty());  // the body is kept for Content-Length
  EXPECT_FALSE(Call("GET", "/healthz").head_only);
  EXPECT_TRUE(Call("HEAD", "/nope").head_only);
}

TEST_F(RouterTest, Index) {
  Response r = Call("GET", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Content-Type"], "text/plain; charset=utf-8");
  EXPECT_NE(r.body.find("triples: 0\n"), std::string::npos);
}

TEST(RouteNameTest, Names) {
  EXPECT_EQ(RouteName("/sparql"), "/sparql");
  EXPECT_EQ(RouteName("/rdf-graphs"), "/rdf-graphs");
  EXPECT_EQ(RouteName("/"), "/");
  EXPECT_EQ(RouteName("/sparql/x"), "other");
  EXPECT_EQ(RouteName(""), "other");
}

}  // namespace
}  // namespace kg

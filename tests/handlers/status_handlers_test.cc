// Tests for /healthz and /metrics (handlers/status_handlers.cc).
#include "handler_fixture.h"

namespace kg {
namespace {

using StatusHandlersTest = testing::HandlerTest;

TEST_F(StatusHandlersTest, HealthzReportsTriplesAndGraphs) {
  ASSERT_TRUE(store_.Replace(std::string("http://g/1"),
                             {{Term::Iri("http://a"), Term::Iri("http://p"), Term::Literal("1")},
                              {Term::Iri("http://a"), Term::Iri("http://p"), Term::Literal("2")}})
                  .ok());
  Response r = Call("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Content-Type"], "application/json");
  EXPECT_EQ(r.headers["Cache-Control"], "no-store");
  EXPECT_EQ(r.body, "{\"status\":\"ok\",\"triples\":2,\"graphs\":1}\n");
}

TEST_F(StatusHandlersTest, MetricsRendersRecordedRequests) {
  metrics_.RecordRequest("/sparql", 200, 0.01);
  metrics_.RecordRequest("/rdf-graphs", 404, 0.01);
  Response r = Call("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Content-Type"], "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find("kg_http_requests_total{route=\"/sparql\",status=\"200\"} 1\n"),
            std::string::npos) << r.body;
  EXPECT_NE(r.body.find("kg_http_requests_total{route=\"/rdf-graphs\",status=\"404\"} 1\n"),
            std::string::npos);
}

TEST_F(StatusHandlersTest, FailedQueryCountsAsQueryError) {
  Call("GET", "/sparql?query=SELEKT");
  Response r = Call("GET", "/metrics");
  EXPECT_NE(r.body.find("kg_query_errors_total 1\n"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace kg

// Tests for handlers/metrics.h: Prometheus text rendering.
#include "handlers/metrics.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

bool Contains(const std::string& s, const std::string& line) {
  return s.find(line) != std::string::npos;
}

TEST(MetricsTest, CountersHistogramAndGauges) {
  Metrics m;
  m.RecordRequest("/sparql", 200, 0.002);
  m.RecordRequest("/sparql", 200, 0.3);
  m.RecordRequest("/sparql", 400, 20);
  m.RecordQueryError();
  m.SetTriplesLoaded(1234);
  std::string out = m.Render();
  EXPECT_TRUE(Contains(out, "kg_http_requests_total{route=\"/sparql\",status=\"200\"} 2\n")) << out;
  EXPECT_TRUE(Contains(out, "kg_http_requests_total{route=\"/sparql\",status=\"400\"} 1\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_bucket{le=\"0.001\"} 0\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_bucket{le=\"0.0025\"} 1\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_bucket{le=\"0.5\"} 2\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_bucket{le=\"10\"} 2\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_sum 20.302000\n"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_count 3\n"));
  EXPECT_TRUE(Contains(out, "kg_query_errors_total 1\n"));
  EXPECT_TRUE(Contains(out, "kg_triples_loaded 1234\n"));
  EXPECT_TRUE(Contains(out, "# TYPE kg_http_requests_total counter\n"));
}

TEST(MetricsTest, Empty) {
  std::string out = Metrics().Render();
  EXPECT_FALSE(Contains(out, "kg_http_requests_total{"));
  EXPECT_TRUE(Contains(out, "kg_http_request_duration_seconds_count 0\n"));
  EXPECT_TRUE(Contains(out, "kg_query_errors_total 0\n"));
}

}  // namespace
}  // namespace kg

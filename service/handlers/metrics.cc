#include "handlers/metrics.h"

#include <cstdio>

namespace kg {

Metrics::Metrics()
    : bounds_{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
      bucket_counts_(bounds_.size(), 0) {}

void Metrics::RecordRequest(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  for (std::size_t i = 0; i < bounds_.size(); ++i)
    if (seconds <= bounds_[i]) {
      ++bucket_counts_[i];
      break;
    }
  latency_sum_ += seconds;
  ++latency_count_;
}

void Metrics::RecordQueryError() {
  std::lock_guard<std::mutex> lock(mu_);
  ++query_errors_;
}

void Metrics::SetTriplesLoaded(std::uint64_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  triples_ = n;
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  char buf[256];
  out += "# HELP kg_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE kg_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    std::snprintf(buf, sizeof buf, "kg_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                  key.first.c_str(), key.second, static_cast<unsigned long long>(n));
    out += buf;
  }
  out += "# HELP kg_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE kg_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    cumulative += bucket_counts_[i];
    std::snprintf(buf, sizeof buf, "kg_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  bounds_[i], static_cast<unsigned long long>(cumulative));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "kg_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "kg_http_request_duration_seconds_sum %.6f\n"
                "kg_http_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(latency_count_), latency_sum_,
                static_cast<unsigned long long>(latency_count_));
  out += buf;
  out += "# HELP kg_query_errors_total SPARQL queries that failed (syntax, unsupported, evaluation).\n";
  out += "# TYPE kg_query_errors_total counter\n";
  out += "kg_query_errors_total " + std::to_string(query_errors_) + "\n";
  out += "# HELP kg_triples_loaded Distinct triples in the store (union of all graphs).\n";
  out += "# TYPE kg_triples_loaded gauge\n";
  out += "kg_triples_loaded " + std::to_string(triples_) + "\n";
  return out;
}

}  // namespace kg

// Request counters and latency histogram, exposed in the Prometheus text
// exposition format. Thread-safe: recorded from I/O threads, read by the
// /metrics handler.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kg {

class Metrics {
 public:
  Metrics();
  void RecordRequest(const std::string& route, int status, double seconds);
  void RecordQueryError();
  void SetTriplesLoaded(std::uint64_t n);
  // Prometheus text format 0.0.4.
  std::string Render() const;

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::vector<double> bounds_;               // histogram upper bounds (seconds)
  std::vector<std::uint64_t> bucket_counts_; // cumulative at render time
  double latency_sum_ = 0;
  std::uint64_t latency_count_ = 0;
  std::uint64_t query_errors_ = 0;
  std::uint64_t triples_ = 0;
};

}  // namespace kg

#include "http/request_conversion.h"

#include <atomic>
#include <cstdio>

namespace kg {

std::string NextRequestId() {
  static std::atomic<unsigned long long> counter{0};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx", ++counter);
  return buf;
}

Request ToRequest(BeastRequest&& msg) {
  Request r;
  r.method = std::string(msg.method_string());
  r.target = std::string(msg.target());
  for (const auto& field : msg) {
    std::string name(field.name_string());
    auto it = r.headers.find(name);
    if (it == r.headers.end()) r.headers.emplace(name, std::string(field.value()));
    else it->second += ", " + std::string(field.value());
  }
  r.body = std::move(msg.body());
  r.request_id = r.header("X-Request-Id");
  if (r.request_id.empty() || r.request_id.size() > 64) r.request_id = NextRequestId();
  return r;
}

}  // namespace kg

#include "api/response_cache.h"

#include <algorithm>
#include <cstdio>

namespace kg::api {

std::string CacheKey(const Request& request) {
  Params params = request.query_params();
  std::stable_sort(params.begin(), params.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string key(request.path());
  for (const auto& [k, v] : params) {
    key += '\n';
    key += k;
    key += '=';
    key += v;
  }
  return key + "\nAccept: " + request.header("Accept");
}

std::string MakeETag(std::uint64_t store_version, std::string_view key) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"v%llu-%016llx\"",
                static_cast<unsigned long long>(store_version),
                static_cast<unsigned long long>(h));
  return buf;
}

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  auto strip = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (t.substr(0, 2) == "W/") t.remove_prefix(2);
    return t;
  };
  etag = strip(etag);
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = strip(header.substr(0, comma));
    if (item == "*" || (!item.empty() && item == etag)) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

ResponseCache::ResponseCache(std::size_t capacity, std::size_t max_bytes)
    : capacity_(capacity), max_bytes_(max_bytes) {}

void ResponseCache::Sync(std::uint64_t version) {
  if (version == version_) return;
  lru_.clear();
  map_.clear();
  bytes_ = 0;
  version_ = version;
}

std::optional<Response> ResponseCache::Get(const std::string& key, std::uint64_t version) {
  Sync(version);
  auto it = map_.find(key);
  if (it == map_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void ResponseCache::Put(const std::string& key, const Response& response,
                        std::uint64_t version) {
  Sync(version);
  if (capacity_ == 0 || response.body.size() > max_bytes_ / 4) return;
  if (auto it = map_.find(key); it != map_.end()) {
    bytes_ -= it->second->second.body.size();
    lru_.erase(it->second);
    map_.erase(it);
  }
  lru_.emplace_front(key, response);
  map_[key] = lru_.begin();
  bytes_ += response.body.size();
  while (map_.size() > capacity_ || bytes_ > max_bytes_) {
    auto& last = lru_.back();
    bytes_ -= last.second.body.size();
    map_.erase(last.first);
    lru_.pop_back();
  }
}

}  // namespace kg::api

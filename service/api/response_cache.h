// ETags and an in-memory answer cache for /api/, both tied to the store's
// version (Store::Version() increases on every write), so a write makes every
// earlier ETag stale and empties the cache.
//
// Thread-safety: a ResponseCache is used on the store thread only (like the
// Store); the free functions are pure.
#pragma once

#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/message.h"

namespace kg::api {

// The cache key of a request: its path, its query parameters sorted (so
// ?a=1&b=2 and ?b=2&a=1 are one entry) and the Accept header, which decides
// the format.
std::string CacheKey(const Request& request);

// A strong ETag, "\"v<version>-<16 hex digits of FNV-1a of key>\"".
std::string MakeETag(std::uint64_t store_version, std::string_view key);

// If-None-Match (RFC 9110 §13.1.2): "*" or a list containing `etag`
// (weak comparison: a W/ prefix is ignored).
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

// Least-recently-used map key -> Response, at most `capacity` entries and
// `max_bytes` of bodies; an answer bigger than max_bytes/4 is not kept.
// Every call passes the store's current version; a different version than
// the one the entries were stored under clears the cache first.
class ResponseCache {
 public:
  explicit ResponseCache(std::size_t capacity = 512, std::size_t max_bytes = 64 << 20);
  std::optional<Response> Get(const std::string& key, std::uint64_t version);
  void Put(const std::string& key, const Response& response, std::uint64_t version);
  std::size_t size() const { return map_.size(); }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }

 private:
  void Sync(std::uint64_t version);
  using Entry = std::pair<std::string, Response>;
  std::size_t capacity_, max_bytes_, bytes_ = 0;
  std::uint64_t version_ = 0, hits_ = 0, misses_ = 0;
  std::list<Entry> lru_;  // front = most recently used
  std::unordered_map<std::string, std::list<Entry>::iterator> map_;
};

}  // namespace kg::api

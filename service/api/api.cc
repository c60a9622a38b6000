#include "api/api.h"

#include "api/concept_api.h"
#include "api/named_query_handler.h"
#include "api/operations.h"

namespace kg::api {
namespace {

Response Json(std::string body, const char* type = "application/json") {
  Response r;
  r.headers["Content-Type"] = type;
  r.body = std::move(body);
  return r;
}

Result<Response> Dispatch(const Request& request, const Store& store, ApiState& state,
                          const ApiOptions& options) {
  std::string_view path = request.path();
  if (path == "/api" || path == "/api/") {
    Response r = Json(OpenApiHtml(ApiOperations(state.catalog)), "text/html; charset=utf-8");
    return r;
  }
  if (path == "/api/openapi.json")
    return Json(OpenApiJson(ApiOperations(state.catalog), options.public_base));
  if (path == "/api/queries" || path == "/api/queries/") return Json(QueryListJson(state.catalog));
  constexpr std::string_view kQueries = "/api/queries/";
  if (path.substr(0, kQueries.size()) == kQueries) {
    std::string name(path.substr(kQueries.size()));
    auto it = state.catalog.find(name);
    if (it == state.catalog.end()) return Error::NotFound("no named query '" + name + "'");
    return RunNamedQuery(request, it->second, store, options.query_timeout_seconds,
                         options.public_base);
  }
  if (IsConceptApiPath(path)) return HandleConceptApi(request, store, options.vocabulary);
  return Error::NotFound("no resource at " + std::string(path));
}

}  // namespace

Result<Response> HandleApi(const Request& request, const Store& store, ApiState& state,
                           const ApiOptions& options) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  std::string key = CacheKey(request);
  std::uint64_t version = store.Version();
  std::string etag = MakeETag(version, key);
  std::optional<Response> cached = state.cache.Get(key, version);
  if (!cached) {
    auto fresh = Dispatch(request, store, state, options);
    if (!fresh.ok()) return fresh.error();
    fresh->headers["ETag"] = etag;
    fresh->headers["Cache-Control"] = "no-cache";
    state.cache.Put(key, *fresh, version);
    cached = std::move(fresh.value());
  }
  if (IfNoneMatchHits(request.header("If-None-Match"), etag)) {
    Response not_modified;
    not_modified.status = 304;
    not_modified.headers["ETag"] = etag;
    not_modified.headers["Cache-Control"] = "no-cache";
    if (auto it = cached->headers.find("Vary"); it != cached->headers.end())
      not_modified.headers["Vary"] = it->second;
    return not_modified;
  }
  return std::move(*cached);
}

}  // namespace kg::api

// GET /api/...: named queries, their list, the OpenAPI document and page,
// behind one ETag + cache layer.
//
// HandleApi is a pure function of (Request, Store, ApiState) -> Response or
// Error; it runs on the store thread (ApiState's cache is not thread-safe).
#pragma once

#include <string>

#include "api/query_catalog.h"
#include "api/response_cache.h"
#include "core/message.h"
#include "core/status.h"
#include "store/store.h"
#include "vocabulary/vocabulary.h"

namespace kg::api {

// What the API keeps between requests.
struct ApiState {
  QueryCatalog catalog;
  ResponseCache cache;
};

struct ApiOptions {
  double query_timeout_seconds = 10;
  std::string public_base;  // "http://host:port" for OpenAPI servers and Link headers
  vocabulary::Config vocabulary;  // where the concept API finds concepts and works
};

// Dispatches /api, /api/, /api/openapi.json, /api/queries,
// /api/queries/{name} and the concept API (concept_api.h: /api/concepts,
// /api/schemes, /api/works).
// Only GET and HEAD (405 otherwise). Every 200 answer carries
// ETag = MakeETag(store.Version(), CacheKey(request)) and Cache-Control
// no-cache; an If-None-Match that matches gives 304 with no body. Answers are
// kept in state.cache until the store's version changes.
// Errors: NotFound (unknown path / query / concept), BadRequest (a parameter,
// naming it), NotAcceptable, Timeout, and the engine's errors.
Result<Response> HandleApi(const Request& request, const Store& store, ApiState& state,
                           const ApiOptions& options);

}  // namespace kg::api

// /api/...: hands the request to service/api/ with the store and the API state.
#include "api/api.h"
#include "handlers/handlers.h"

namespace kg {

Result<Response> HandleApiRoute(const Request& request, ServiceContext& ctx) {
  api::ApiOptions options{ctx.config.query_timeout_seconds, PublicBase(request, ctx.config),
                          ctx.config.vocabulary};
  if (ctx.api) return api::HandleApi(request, ctx.store, *ctx.api, options);
  api::ApiState none;  // no named queries, and a cache that lives for this request only
  return api::HandleApi(request, ctx.store, none, options);
}

}  // namespace kg

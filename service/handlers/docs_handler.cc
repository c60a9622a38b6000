// /docs/: the generated documentation (docs/serve.h), built from the store.
#include "docs/serve.h"
#include "handlers/handlers.h"

namespace kg {

Result<Response> HandleDocs(const Request& request, ServiceContext& ctx) {
  if (!ctx.docs) return Error::NotFound("this server serves no documentation");
  return docs::ServeDocs(request, ctx.store, *ctx.docs);
}

}  // namespace kg

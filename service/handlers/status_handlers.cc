// /healthz, /metrics and / : operational endpoints.
#include "handlers/handlers.h"
#include "serialize/negotiate.h"

namespace kg {

Result<Response> HandleHealth(const Request& request, ServiceContext& ctx) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  Response r;
  r.headers["Content-Type"] = "application/json";
  r.headers["Cache-Control"] = "no-store";
  r.body = "{\"status\":\"ok\",\"triples\":" + std::to_string(ctx.store.Size()) +
           ",\"graphs\":" + std::to_string(ctx.store.GraphNames().size()) + "}\n";
  return r;
}

Result<Response> HandleMetrics(const Request& request, ServiceContext& ctx) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  Response r;
  r.headers["Content-Type"] = "text/plain; version=0.0.4; charset=utf-8";
  r.headers["Cache-Control"] = "no-store";
  r.body = ctx.metrics.Render();
  return r;
}

Result<Response> HandleIndex(const Request& request, ServiceContext& ctx) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  // Browsers (Accept names text/html) get the home page; curl and scripts
  // keep the plain-text overview.
  auto format = Negotiate(request.header("Accept"), {Format::kText, Format::kHtml});
  if (format.ok() && format.value() == Format::kHtml) return HandleUiRoute(request, ctx);
  Response r;
  r.headers["Content-Type"] = "text/plain; charset=utf-8";
  r.body =
      "kg - the Utrecht Leert knowledge graph\n\n"
      "  /sparql      SPARQL 1.1 Protocol (GET without a query: Service Description)\n"
      "  /rdf-graphs  SPARQL 1.1 Graph Store HTTP Protocol (?default, ?graph=IRI)\n"
      "  /healthz     liveness and store size\n"
      "  /metrics     Prometheus metrics\n"
      "  /begrip/ID   a concept (HTML in a browser; Turtle, JSON-LD, RDF/XML, N-Triples by Accept)\n"
      "  /            in a browser: the browsing pages (search, hierarchy, index, sources)\n\n"
      "triples: " + std::to_string(ctx.store.Size()) + "\n";
  return r;
}

}  // namespace kg

#include "handlers/router.h"

#include <array>
#include <exception>

#include "handlers/error_response.h"
#include "handlers/handlers.h"

namespace kg {
namespace {

struct Route {
  std::string_view path;
  std::string_view methods;  // for Allow and CORS
  bool cors;                 // readable cross-origin
  bool prefix;               // also matches every path below path + "/"
  Result<Response> (*handler)(const Request&, ServiceContext&);
};

// Routing as one table (Oxigraph's cli does the same): path -> handler.
constexpr std::array<Route, 17> kRoutes{{
    {"/sparql", "GET, HEAD, POST, OPTIONS", true, false, HandleSparql},
    {"/update", "POST, OPTIONS", true, false, HandleUpdate},
    {"/rdf-graphs", "GET, HEAD, PUT, POST, DELETE, OPTIONS", true, false, HandleGraphStore},
    {"/healthz", "GET, HEAD, OPTIONS", true, false, HandleHealth},
    {"/metrics", "GET, HEAD, OPTIONS", false, false, HandleMetrics},
    {"/api", "GET, HEAD, OPTIONS", true, true, HandleApiRoute},
    {"/docs", "GET, HEAD, OPTIONS", false, true, HandleDocs},
    {"/", "GET, HEAD, OPTIONS", true, false, HandleIndex},
    // Browsing pages and linked data (service/ui/ui.h).
    {"/begrip", "GET, HEAD, OPTIONS", true, true, HandleUiRoute},
    {"/werk", "GET, HEAD, OPTIONS", true, true, HandleUiRoute},
    {"/schema", "GET, HEAD, OPTIONS", true, true, HandleUiRoute},
    {"/assets", "GET, HEAD, OPTIONS", false, true, HandleUiRoute},
    {"/search", "GET, HEAD, OPTIONS", false, false, HandleUiRoute},
    {"/hierarchy", "GET, HEAD, OPTIONS", false, false, HandleUiRoute},
    {"/index", "GET, HEAD, OPTIONS", false, false, HandleUiRoute},
    {"/sources", "GET, HEAD, OPTIONS", false, false, HandleUiRoute},
    {"/query", "GET, HEAD, OPTIONS", false, false, HandleUiRoute},
}};

const Route* FindRoute(std::string_view path) {
  for (const auto& r : kRoutes)
    if (r.path == path ||
        (r.prefix && path.size() > r.path.size() && path.substr(0, r.path.size()) == r.path &&
         path[r.path.size()] == '/'))
      return &r;
  return nullptr;
}

void AddCors(Response& r, const Route& route) {
  r.headers["Access-Control-Allow-Origin"] = "*";
  r.headers["Access-Control-Expose-Headers"] =
      "Content-Type, Content-Length, Vary, X-Request-Id, ETag, Link, X-Total-Count, Server-Timing";
}

}  // namespace

std::string RouteName(std::string_view path) {
  const Route* r = FindRoute(path);
  return r ? std::string(r->path) : "other";
}

bool IsWrite(const Request& request) {
  const std::string& m = request.method;
  std::string_view path = request.path();
  if (path == "/rdf-graphs") return m == "PUT" || m == "POST" || m == "DELETE";
  if (path == "/update") return m == "POST";
  if (path == "/sparql" && m == "POST") {
    auto parsed = ParseSparqlRequest(request);
    return parsed.ok() && parsed->kind == SparqlRequest::Kind::kUpdate;
  }
  return false;
}

Response Handle(const Request& request, ServiceContext& context) {
  const Route* route = FindRoute(request.path());
  Response response;
  try {
    if (!route) {
      response = ErrorResponse(Error::NotFound("no resource at " + std::string(request.path())),
                               request);
    } else if (request.method == "OPTIONS") {
      // CORS preflight (Fetch standard) and plain OPTIONS alike.
      response.status = 204;
      response.headers["Allow"] = std::string(route->methods);
      response.headers["Access-Control-Allow-Methods"] = std::string(route->methods);
      response.headers["Access-Control-Allow-Headers"] =
          "Accept, Content-Type, Authorization, X-Request-Id";
      response.headers["Access-Control-Max-Age"] = "86400";
    } else {
      auto result = route->handler(request, context);
      response = result.ok() ? std::move(result.value()) : ErrorResponse(result.error(), request);
    }
  } catch (const std::exception& e) {
    response = ErrorResponse(Error::Internal(std::string("unexpected failure: ") + e.what()),
                             request);
  }
  if (route && route->cors) AddCors(response, *route);
  if (request.method == "HEAD") response.head_only = true;
  return response;
}

}  // namespace kg

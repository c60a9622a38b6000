// /rdf-graphs: the SPARQL 1.1 Graph Store HTTP Protocol
// (https://www.w3.org/TR/sparql11-http-rdf-update/), indirect graph
// identification with ?default or ?graph=IRI (§4.2).
#include <cctype>

#include "handlers/handlers.h"
#include "parse/rdf_input.h"
#include "serialize/negotiate.h"
#include "serialize/serialize.h"

namespace kg {
namespace {

bool IsAbsoluteIri(const std::string& s) {
  auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' ||
                         c == '.'));
    if (!ok) return false;
  }
  return s.find_first_of(" <>\"{}|\\^`") == std::string::npos;
}

Result<GraphName> TargetGraph(const Request& request) {
  Params params = request.query_params();
  auto graphs = ParamValues(params, "graph");
  bool is_default = false;
  for (const auto& [k, v] : params) is_default |= (k == "default");
  if (is_default && !graphs.empty())
    return Error::BadRequest("give either ?default or ?graph=IRI, not both");
  if (is_default) return GraphName{};
  if (graphs.size() != 1)
    return Error::BadRequest("name the graph with ?default or one ?graph=IRI");
  if (!IsAbsoluteIri(graphs.front()))
    return Error::BadRequest("?graph must be an absolute IRI: '" + graphs.front() + "'");
  return GraphName{graphs.front()};
}

Response NoContent(int status) {
  Response r;
  r.status = status;
  return r;
}

}  // namespace

Result<Response> HandleGraphStore(const Request& request, ServiceContext& ctx) {
  const std::string& m = request.method;
  if (m != "GET" && m != "HEAD" && m != "PUT" && m != "POST" && m != "DELETE")
    return Error::MethodNotAllowed("GET, HEAD, PUT, POST, DELETE, OPTIONS");
  auto graph = TargetGraph(request);
  if (!graph.ok()) return graph.error();
  std::string label = graph->has_value() ? "graph <" + **graph + ">" : "the default graph";

  if (m == "GET" || m == "HEAD") {
    auto format = Negotiate(request.header("Accept"), GraphFormats(), "");
    if (!format.ok()) return format.error();
    auto triples = ctx.store.Get(*graph);
    if (!triples) return Error::NotFound("no " + label);
    auto body = WriteGraph(*format, *triples, ctx.store.Prefixes());
    if (!body.ok()) return body.error();
    Response r;
    r.headers["Content-Type"] = ContentType(*format);
    r.headers["Vary"] = "Accept";
    r.body = std::move(body.value());
    return r;
  }

  if (auto st = AuthorizeWrite(request, ctx.config); !st.ok()) return st.error();
  if (m == "DELETE") {
    if (!ApplyAndRecord(ctx.store, ctx.journal, {StoreChange::Kind::kDrop, *graph, {}}).ok())
      return Error::NotFound("no " + label);
    ctx.metrics.SetTriplesLoaded(ctx.store.Size());
    return NoContent(204);
  }

  // PUT / POST: parse everything first; the store changes only on success.
  std::string base = graph->value_or(PublicBase(request, ctx.config) + "/rdf-graphs");
  auto parsed = ParseRdfBody(request.body, request.header("Content-Type"), base);
  if (!parsed.ok()) return parsed.error();
  bool existed = graph->has_value() ? ctx.store.Exists(*graph) : true;
  Status st = ApplyAndRecord(
      ctx.store, ctx.journal,
      {m == "PUT" ? StoreChange::Kind::kReplace : StoreChange::Kind::kAdd, *graph,
       std::move(parsed->triples)});
  if (!st.ok()) return st.error();
  ctx.metrics.SetTriplesLoaded(ctx.store.Size());
  return NoContent(existed ? 204 : 201);
}

Status AuthorizeWrite(const Request& request, const ServiceConfig& config) {
  if (config.write_token.empty())
    return Error::Forbidden("this server is read-only (start it with --write-token to allow writes)");
  const std::string auth = request.header("Authorization");
  const std::string expected = "Bearer " + config.write_token;
  // Compare in constant time so the token cannot be guessed byte by byte.
  unsigned diff = auth.size() ^ expected.size();
  for (std::size_t i = 0; i < expected.size(); ++i)
    diff |= static_cast<unsigned char>(i < auth.size() ? auth[i] : 0) ^
            static_cast<unsigned char>(expected[i]);
  if (diff != 0) return Error::Unauthorized("a valid 'Authorization: Bearer <token>' is required");
  return Status::Ok();
}

}  // namespace kg

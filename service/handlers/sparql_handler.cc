// /sparql: the SPARQL 1.1 Protocol.
#include <chrono>
#include <cstdio>

#include "evaluator/engine.h"
#include "handlers/handlers.h"
#include "serialize/negotiate.h"
#include "serialize/serialize.h"
#include "sparql/protocol.h"
#include "sparql/service_description.h"

namespace kg {

std::string PublicBase(const Request& request, const ServiceConfig& config) {
  if (!config.public_base.empty()) return config.public_base;
  std::string host = request.header("Host");
  return "http://" + (host.empty() ? std::string("127.0.0.1") : host);
}

double QueryTimeout(const SparqlRequest& request, const ServiceConfig& config) {
  double limit = config.query_timeout_seconds;
  if (request.timeout_seconds && *request.timeout_seconds < limit) limit = *request.timeout_seconds;
  return limit;
}

sparql::QueryLimits QueryLimitsFor(const SparqlRequest& request, const ServiceConfig& config) {
  sparql::QueryLimits limits;
  limits.deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(QueryTimeout(request, config)));
  limits.max_results = config.max_results;
  return limits;
}

Error ExplainTimeout(Error error, const SparqlRequest& request, const ServiceConfig& config) {
  if (error.code != Error::Code::kTimeout) return error;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", QueryTimeout(request, config));
  error.message = "the query was stopped at its time limit of " + std::string(limit) +
                  " s (the request's 'timeout' parameter, at most the server's --query-timeout)";
  return error;
}

namespace {

Response Ok(Format format, std::string body) {
  Response r;
  r.headers["Content-Type"] = ContentType(format);
  r.headers["Vary"] = "Accept";
  r.body = std::move(body);
  return r;
}

Result<Response> Describe(const Request& request, const SparqlRequest& sr, ServiceContext& ctx) {
  auto format = Negotiate(request.header("Accept"), GraphFormats(), sr.format);
  if (!format.ok()) return format.error();
  ServiceInfo info{PublicBase(request, ctx.config) + "/sparql",
                   ctx.store.options().union_default_graph, ctx.store.Size(),
                   ctx.store.GraphNames(), !ctx.config.write_token.empty()};
  auto body = WriteGraph(*format, ServiceDescription(info), ServiceDescriptionPrefixes());
  if (!body.ok()) return body.error();
  return Ok(*format, std::move(body.value()));
}

// The W3C Server Timing header (browsers' developer tools show it): how
// long the query took to parse and evaluate and its answer to write, in ms,
// so a client can tell the server's time from the network's.
std::string ServerTiming(std::chrono::steady_clock::time_point started,
                         std::chrono::steady_clock::time_point evaluated,
                         std::chrono::steady_clock::time_point written) {
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  char text[96];
  std::snprintf(text, sizeof text, "query;dur=%.3f, serialize;dur=%.3f", ms(evaluated - started),
                ms(written - evaluated));
  return text;
}

}  // namespace

Result<Response> HandleSparql(const Request& request, ServiceContext& ctx) {
  auto parsed = ParseSparqlRequest(request);
  if (!parsed.ok()) return parsed.error();
  if (parsed->kind == SparqlRequest::Kind::kServiceDescription)
    return Describe(request, *parsed, ctx);
  if (parsed->kind == SparqlRequest::Kind::kUpdate) return RunUpdate(request, *parsed, ctx);

  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  Result<QueryResult> result = Error::Internal("no engine");
  if (ctx.config.engine == "kg") {
    result = sparql::ExecuteQuery(ctx.store, parsed->query, parsed->dataset, {},
                                  QueryLimitsFor(*parsed, ctx.config));
  } else {
    result = sparql::ExecuteOnRasqal(ctx.store, parsed->query, parsed->dataset);
  }
  if (!result.ok()) {
    ctx.metrics.RecordQueryError();
    return ExplainTimeout(result.error(), *parsed, ctx.config);
  }
  const auto& offers = result->is_graph() ? GraphFormats() : ResultFormats();
  auto format = Negotiate(request.header("Accept"), offers, parsed->format);
  if (!format.ok()) return format.error();
  const Clock::time_point evaluated = Clock::now();
  auto body = WriteQueryResult(*format, *result, ctx.store.Prefixes());
  if (!body.ok()) return body.error();
  Response response = Ok(*format, std::move(body.value()));
  response.headers["Server-Timing"] = ServerTiming(started, evaluated, Clock::now());
  response.headers["Timing-Allow-Origin"] = "*";  // as CORS: any page may read it
  return response;
}

}  // namespace kg

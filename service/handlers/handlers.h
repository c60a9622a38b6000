// One function per endpoint. Each takes the request and the context and
// returns a Response or an Error (which router.cc maps to HTTP through
// error_response.cc). Pure; call on the store thread.
#pragma once

#include "core/message.h"
#include "core/status.h"
#include "evaluator/engine.h"
#include "handlers/context.h"
#include "sparql/protocol.h"

namespace kg {

Result<Response> HandleSparql(const Request& request, ServiceContext& context);      // /sparql
Result<Response> HandleUpdate(const Request& request, ServiceContext& context);      // /update
Result<Response> HandleGraphStore(const Request& request, ServiceContext& context);  // /rdf-graphs
Result<Response> HandleHealth(const Request& request, ServiceContext& context);      // /healthz
Result<Response> HandleMetrics(const Request& request, ServiceContext& context);     // /metrics
Result<Response> HandleIndex(const Request& request, ServiceContext& context);       // /
Result<Response> HandleApiRoute(const Request& request, ServiceContext& context);    // /api/...
// Browsing pages, assets and the concept/work/scheme IRIs (service/ui/ui.h).
Result<Response> HandleUiRoute(const Request& request, ServiceContext& context);
Result<Response> HandleDocs(const Request& request, ServiceContext& context);        // /docs/...

// SPARQL 1.1 Update of an already parsed protocol request (kind kUpdate);
// /sparql and /update share it. 204 on success.
Result<Response> RunUpdate(const Request& request, const SparqlRequest& update,
                           ServiceContext& context);

// The write check of the Graph Store Protocol and SPARQL Update: 403 on a
// read-only server, 401 without the right bearer token.
Status AuthorizeWrite(const Request& request, const ServiceConfig& config);

// The time limit of a query or update: the request's `timeout` when lower
// than --query-timeout, else --query-timeout; and the evaluator limits (that
// deadline from now, --max-results).
double QueryTimeout(const SparqlRequest& request, const ServiceConfig& config);
sparql::QueryLimits QueryLimitsFor(const SparqlRequest& request, const ServiceConfig& config);
// An Error::Timeout with a message naming the limit that stopped it; other
// errors unchanged.
Error ExplainTimeout(Error error, const SparqlRequest& request, const ServiceConfig& config);

// The absolute base ("http://host:port") clients reached us at.
std::string PublicBase(const Request& request, const ServiceConfig& config);

}  // namespace kg

// One function per endpoint. Each takes the request and the context and
// returns a Response or an Error (which router.cc maps to HTTP through
// error_response.cc). Pure; call on the store thread.
#pragma once

#include "core/message.h"
#include "core/status.h"
#include "handlers/context.h"

namespace kg {

Result<Response> HandleSparql(const Request& request, ServiceContext& context);      // /sparql
Result<Response> HandleGraphStore(const Request& request, ServiceContext& context);  // /rdf-graphs
Result<Response> HandleHealth(const Request& request, ServiceContext& context);      // /healthz
Result<Response> HandleMetrics(const Request& request, ServiceContext& context);     // /metrics
Result<Response> HandleIndex(const Request& request, ServiceContext& context);       // /

// The absolute base ("http://host:port") clients reached us at.
std::string PublicBase(const Request& request, const ServiceConfig& config);

}  // namespace kg

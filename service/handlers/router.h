// The route table and the entry point of all request handling.
//
// Handle() is a pure function of (Request, ServiceContext) -> Response: no
// sockets, no threads. It never throws; a bug surfaces as a 500 with a
// message, never as a crashed process. Call it on the store thread.
#pragma once

#include <string>

#include "core/message.h"
#include "handlers/context.h"

namespace kg {

Response Handle(const Request& request, ServiceContext& context);

// The route name of a path for metrics and logs ("/sparql", "other", ...).
std::string RouteName(std::string_view path);

}  // namespace kg

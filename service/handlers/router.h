// The route table and the entry point of all request handling.
//
// Handle() is a pure function of (Request, ServiceContext) -> Response: no
// sockets, no threads. It never throws; a bug surfaces as a 500 with a
// message, never as a crashed process. Call it on the thread that owns
// context (one worker thread per Store replica).
#pragma once

#include <string>

#include "core/message.h"
#include "handlers/context.h"

namespace kg {

Response Handle(const Request& request, ServiceContext& context);

// Whether handling `request` may change the store: Graph Store PUT / POST /
// DELETE, POST /update, and a POST /sparql that carries an update. Such
// requests run one at a time, and what they change is replayed on every
// replica (http/worker_pool.h). Pure.
bool IsWrite(const Request& request);

// The route name of a path for metrics and logs ("/sparql", "other", ...).
std::string RouteName(std::string_view path);

}  // namespace kg

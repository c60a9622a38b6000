// The one mapping from Error to HTTP: status code, headers and body.
#pragma once

#include "core/message.h"
#include "core/status.h"

namespace kg {

int HttpStatus(Error::Code code);
// Body as application/problem+json (RFC 9457) with "line"/"column" when the
// error has a position, or text/plain when the client prefers text.
Response ErrorResponse(const Error& error, const Request& request);

}  // namespace kg

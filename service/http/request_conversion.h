// Beast message -> kg::Request, the one conversion the server and the HTTP
// fuzz target (tests/fuzz/http_fuzz.cc) share, so that what is fuzzed is what
// is served. Pure apart from the process-wide request-id counter; thread-safe.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "core/message.h"

namespace kg {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// A fresh request id ("%08llx" of a process-wide counter).
std::string NextRequestId();

// Moves the body out of `msg`. Repeated header fields are joined with ", "
// (RFC 9110 §5.3). The request id is the client's X-Request-Id when it is
// 1..64 characters, else NextRequestId().
Request ToRequest(BeastRequest&& msg);

}  // namespace kg

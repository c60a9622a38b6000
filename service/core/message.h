// HTTP requests and responses as plain values, so that handlers are pure
// functions (Request -> Response) testable without sockets. The Beast layer
// (http/) converts to and from these.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

// Case-insensitive header map (RFC 9110 field names).
struct HeaderLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::map<std::string, std::string, HeaderLess>;

// Decoded key/value pairs in order (repeated keys kept).
using Params = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", ...
  std::string target;  // raw request-target, e.g. "/sparql?query=..."
  Headers headers;
  std::string body;
  std::string request_id;

  std::string_view path() const;  // target before '?'
  Params query_params() const;    // decoded query string
  std::string header(const std::string& name) const;  // "" when absent
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  bool head_only = false;  // HEAD: send headers (with Content-Length), no body
};

// application/x-www-form-urlencoded / query-string decoding ('+' is space,
// %XX escapes). Malformed escapes are kept literally.
Params ParseUrlEncoded(std::string_view text);
std::string PercentDecode(std::string_view text, bool plus_is_space);
std::string PercentEncode(std::string_view text);

// All values of one parameter, in order.
std::vector<std::string> ParamValues(const Params& params, std::string_view name);

}  // namespace kg

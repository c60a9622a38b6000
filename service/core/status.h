// The one error type of kg. Every expected failure (bad query, bad body,
// unknown graph, ...) travels as an Error inside a Result<T>; exceptions are
// reserved for bugs and for the Asio edge. The mapping from Error::Code to an
// HTTP status lives in exactly one place: handlers/error_response.cc.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kg {

struct Error {
  enum class Code {
    kBadRequest,         // malformed protocol request (missing/duplicate params)
    kSyntax,             // query or RDF body does not parse; line/column set when known
    kUnsupported,        // valid SPARQL the engine cannot run (names the feature)
    kNotFound,           // unknown path or graph
    kMethodNotAllowed,   // allow lists the methods that would work
    kNotAcceptable,      // no offered media type fits Accept; allow lists offers
    kUnsupportedMedia,   // Content-Type we cannot read
    kPayloadTooLarge,
    kUnauthorized,       // write without (or with a wrong) bearer token
    kForbidden,          // write to a read-only server
    kTimeout,
    kResultTooLarge,     // the answer has more solutions than the server's limit
    kUnavailable,        // server busy (queue or connection cap): 503 + Retry-After
    kIo,                 // file could not be read
    kInternal,           // a bug or a library failure we could not attribute
  };

  Code code = Code::kInternal;
  std::string message;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
  std::string allow;  // for kMethodNotAllowed / kNotAcceptable: what would work

  // Named factories, leveldb style.
  static Error BadRequest(std::string m) { return {Code::kBadRequest, std::move(m)}; }
  static Error Syntax(std::string m, int line = 0, int col = 0) {
    return {Code::kSyntax, std::move(m), line, col};
  }
  static Error Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Error NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Error MethodNotAllowed(std::string allow) {
    Error e{Code::kMethodNotAllowed, "method not allowed; allowed: " + allow};
    e.allow = std::move(allow);
    return e;
  }
  static Error NotAcceptable(std::string offers) {
    Error e{Code::kNotAcceptable, "no acceptable media type; available: " + offers};
    e.allow = std::move(offers);
    return e;
  }
  static Error UnsupportedMedia(std::string m) { return {Code::kUnsupportedMedia, std::move(m)}; }
  static Error PayloadTooLarge(std::string m) { return {Code::kPayloadTooLarge, std::move(m)}; }
  static Error Unauthorized(std::string m) { return {Code::kUnauthorized, std::move(m)}; }
  static Error Forbidden(std::string m) { return {Code::kForbidden, std::move(m)}; }
  static Error Timeout(std::string m) { return {Code::kTimeout, std::move(m)}; }
  static Error ResultTooLarge(std::string m) { return {Code::kResultTooLarge, std::move(m)}; }
  static Error Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Error Io(std::string m) { return {Code::kIo, std::move(m)}; }
  static Error Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  // "message (line L, column C)" when a position is known.
  std::string ToString() const {
    if (line <= 0) return message;
    std::string s = message + " (line " + std::to_string(line);
    if (column > 0) s += ", column " + std::to_string(column);
    return s + ")";
  }
};

// Value or Error. Deliberately small: ok(), value(), error(), operator*/->.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT(implicit)
  Result(Error error) : v_(std::move(error)) {}      // NOLINT(implicit)
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or Error.
class Status {
 public:
  Status() = default;
  Status(Error e) : e_(std::move(e)) {}  // NOLINT(implicit)
  static Status Ok() { return {}; }
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *e_; }

 private:
  std::optional<Error> e_;
};

}  // namespace kg

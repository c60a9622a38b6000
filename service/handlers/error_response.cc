#include "handlers/error_response.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "serialize/negotiate.h"

namespace kg {

int HttpStatus(Error::Code code) {
  switch (code) {
    case Error::Code::kBadRequest: return 400;
    case Error::Code::kSyntax: return 400;
    case Error::Code::kUnsupported: return 400;
    case Error::Code::kNotFound: return 404;
    case Error::Code::kMethodNotAllowed: return 405;
    case Error::Code::kNotAcceptable: return 406;
    case Error::Code::kUnsupportedMedia: return 415;
    case Error::Code::kPayloadTooLarge: return 413;
    case Error::Code::kUnauthorized: return 401;
    case Error::Code::kForbidden: return 403;
    case Error::Code::kTimeout: return 503;
    // The client can fix it (LIMIT / paging), so a 4xx, never a cut answer.
    case Error::Code::kResultTooLarge: return 400;
    case Error::Code::kUnavailable: return 503;
    case Error::Code::kIo: return 500;
    case Error::Code::kInternal: return 500;
  }
  return 500;
}

namespace {

const char* Title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
  }
}

const char* CodeName(Error::Code code) {
  switch (code) {
    case Error::Code::kBadRequest: return "bad-request";
    case Error::Code::kSyntax: return "syntax-error";
    case Error::Code::kUnsupported: return "unsupported-feature";
    case Error::Code::kNotFound: return "not-found";
    case Error::Code::kMethodNotAllowed: return "method-not-allowed";
    case Error::Code::kNotAcceptable: return "not-acceptable";
    case Error::Code::kUnsupportedMedia: return "unsupported-media-type";
    case Error::Code::kPayloadTooLarge: return "payload-too-large";
    case Error::Code::kUnauthorized: return "unauthorized";
    case Error::Code::kForbidden: return "forbidden";
    case Error::Code::kTimeout: return "timeout";
    case Error::Code::kResultTooLarge: return "result-too-large";
    case Error::Code::kUnavailable: return "unavailable";
    case Error::Code::kIo: return "io-error";
    case Error::Code::kInternal: return "internal-error";
  }
  return "internal-error";
}

}  // namespace

Response ErrorResponse(const Error& error, const Request& request) {
  Response r;
  r.status = HttpStatus(error.code);
  if (error.code == Error::Code::kMethodNotAllowed) r.headers["Allow"] = error.allow;
  if (error.code == Error::Code::kUnavailable) r.headers["Retry-After"] = "1";
  if (error.code == Error::Code::kUnauthorized)
    r.headers["WWW-Authenticate"] = "Bearer realm=\"kg\"";
  auto format = Negotiate(request.header("Accept"), {Format::kJson, Format::kText});
  if (format.ok() && *format == Format::kText) {
    r.headers["Content-Type"] = ContentType(Format::kText);
    r.body = std::to_string(r.status) + " " + Title(r.status) + ": " + error.ToString() + "\n";
    return r;
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("type");
  w.String((std::string("https://w3id.org/utrecht-leert/kg/errors#") + CodeName(error.code)).c_str());
  w.Key("title");
  w.String(Title(r.status));
  w.Key("status");
  w.Int(r.status);
  w.Key("detail");
  w.String(error.ToString().c_str());
  if (error.line > 0) {
    w.Key("line");
    w.Int(error.line);
    if (error.column > 0) {
      w.Key("column");
      w.Int(error.column);
    }
  }
  if (!error.allow.empty() && error.code == Error::Code::kNotAcceptable) {
    w.Key("available");
    w.String(error.allow.c_str());
  }
  w.EndObject();
  r.headers["Content-Type"] = "application/problem+json";
  r.body.assign(buf.GetString(), buf.GetSize());
  r.body += '\n';
  return r;
}

}  // namespace kg

// Tests for handlers/error_response.h: the Error -> HTTP mapping.
#include "handlers/error_response.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace kg {
namespace {

TEST(HttpStatusTest, EveryCode) {
  EXPECT_EQ(HttpStatus(Error::Code::kBadRequest), 400);
  EXPECT_EQ(HttpStatus(Error::Code::kSyntax), 400);
  EXPECT_EQ(HttpStatus(Error::Code::kUnsupported), 400);
  EXPECT_EQ(HttpStatus(Error::Code::kNotFound), 404);
  EXPECT_EQ(HttpStatus(Error::Code::kMethodNotAllowed), 405);
  EXPECT_EQ(HttpStatus(Error::Code::kNotAcceptable), 406);
  EXPECT_EQ(HttpStatus(Error::Code::kUnsupportedMedia), 415);
  EXPECT_EQ(HttpStatus(Error::Code::kPayloadTooLarge), 413);
  EXPECT_EQ(HttpStatus(Error::Code::kUnauthorized), 401);
  EXPECT_EQ(HttpStatus(Error::Code::kForbidden), 403);
  EXPECT_EQ(HttpStatus(Error::Code::kTimeout), 503);
  EXPECT_EQ(HttpStatus(Error::Code::kIo), 500);
  EXPECT_EQ(HttpStatus(Error::Code::kInternal), 500);
}

TEST(ErrorResponseTest, ProblemJsonWithPosition) {
  Request req;
  Response r = ErrorResponse(Error::Syntax("bad \"token\"", 3, 7), req);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.headers["Content-Type"], "application/problem+json");
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.body;
  EXPECT_STREQ(d["type"].GetString(), "https://w3id.org/utrecht-leert/kg/errors#syntax-error");
  EXPECT_STREQ(d["title"].GetString(), "Bad Request");
  EXPECT_EQ(d["status"].GetInt(), 400);
  EXPECT_STREQ(d["detail"].GetString(), "bad \"token\" (line 3, column 7)");
  EXPECT_EQ(d["line"].GetInt(), 3);
  EXPECT_EQ(d["column"].GetInt(), 7);
}

TEST(ErrorResponseTest, NoPositionNoLineKey) {
  Response r = ErrorResponse(Error::NotFound("gone"), Request{});
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  EXPECT_FALSE(d.HasMember("line"));
  EXPECT_FALSE(d.HasMember("column"));
}

TEST(ErrorResponseTest, TextWhenClientPrefersText) {
  Request req;
  req.headers["Accept"] = "text/plain";
  Response r = ErrorResponse(Error::Syntax("oops", 2), req);
  EXPECT_EQ(r.headers["Content-Type"], "text/plain; charset=utf-8");
  EXPECT_EQ(r.body, "400 Bad Request: oops (line 2)\n");
}

TEST(ErrorResponseTest, HeadersForSpecialCodes) {
  Response m = ErrorResponse(Error::MethodNotAllowed("GET, HEAD"), Request{});
  EXPECT_EQ(m.headers["Allow"], "GET, HEAD");
  Response u = ErrorResponse(Error::Unauthorized("token"), Request{});
  EXPECT_EQ(u.status, 401);
  EXPECT_EQ(u.headers["WWW-Authenticate"], "Bearer realm=\"kg\"");
  Response n = ErrorResponse(Error::NotAcceptable("text/csv, text/turtle"), Request{});
  rapidjson::Document d;
  d.Parse(n.body.c_str());
  EXPECT_STREQ(d["available"].GetString(), "text/csv, text/turtle");
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

TEST(ErrorResponseLimitsTest, UnavailableIs503WithRetryAfter) {
  Request req;
  Response r = ErrorResponse(Error::Unavailable("busy"), req);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.headers["Retry-After"], "1");
  EXPECT_EQ(HttpStatus(Error::Code::kUnavailable), 503);
}

}  // namespace
}  // namespace kg

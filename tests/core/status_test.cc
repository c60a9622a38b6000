// Tests for core/status.h: Error factories, ToString, Result<T>, Status.
#include "core/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace kg {
namespace {

TEST(ErrorTest, ToStringWithoutPositionIsMessage) {
  EXPECT_EQ(Error::BadRequest("bad").ToString(), "bad");
  EXPECT_EQ(Error::Syntax("oops").ToString(), "oops");
}

TEST(ErrorTest, ToStringWithLineOnly) {
  EXPECT_EQ(Error::Syntax("unexpected token", 3).ToString(), "unexpected token (line 3)");
}

TEST(ErrorTest, ToStringWithLineAndColumn) {
  EXPECT_EQ(Error::Syntax("unexpected token", 3, 14).ToString(),
            "unexpected token (line 3, column 14)");
}

TEST(ErrorTest, ColumnWithoutLineIsNotPrinted) {
  Error e = Error::Syntax("x", 0, 5);
  EXPECT_EQ(e.ToString(), "x");
}

TEST(ErrorTest, FactoriesSetCodes) {
  EXPECT_EQ(Error::BadRequest("").code, Error::Code::kBadRequest);
  EXPECT_EQ(Error::Syntax("").code, Error::Code::kSyntax);
  EXPECT_EQ(Error::Unsupported("").code, Error::Code::kUnsupported);
  EXPECT_EQ(Error::NotFound("").code, Error::Code::kNotFound);
  EXPECT_EQ(Error::MethodNotAllowed("GET").code, Error::Code::kMethodNotAllowed);
  EXPECT_EQ(Error::NotAcceptable("text/csv").code, Error::Code::kNotAcceptable);
  EXPECT_EQ(Error::UnsupportedMedia("").code, Error::Code::kUnsupportedMedia);
  EXPECT_EQ(Error::PayloadTooLarge("").code, Error::Code::kPayloadTooLarge);
  EXPECT_EQ(Error::Unauthorized("").code, Error::Code::kUnauthorized);
  EXPECT_EQ(Error::Forbidden("").code, Error::Code::kForbidden);
  EXPECT_EQ(Error::Timeout("").code, Error::Code::kTimeout);
  EXPECT_EQ(Error::Io("").code, Error::Code::kIo);
  EXPECT_EQ(Error::Internal("").code, Error::Code::kInternal);
}

TEST(ErrorTest, MethodNotAllowedAndNotAcceptableCarryAllow) {
  Error m = Error::MethodNotAllowed("GET, HEAD");
  EXPECT_EQ(m.allow, "GET, HEAD");
  EXPECT_EQ(m.message, "method not allowed; allowed: GET, HEAD");
  Error n = Error::NotAcceptable("text/csv, text/turtle");
  EXPECT_EQ(n.allow, "text/csv, text/turtle");
  EXPECT_EQ(n.message, "no acceptable media type; available: text/csv, text/turtle");
  EXPECT_TRUE(Error::BadRequest("x").allow.empty());
}

TEST(ErrorTest, DefaultErrorIsInternal) {
  Error e;
  EXPECT_EQ(e.code, Error::Code::kInternal);
  EXPECT_EQ(e.line, 0);
  EXPECT_EQ(e.column, 0);
}

TEST(ResultTest, HoldsValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
  EXPECT_EQ(*r, 42);
}

TEST(ResultTest, HoldsError) {
  Result<int> r = Error::NotFound("nope");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, Error::Code::kNotFound);
  EXPECT_EQ(r.error().message, "nope");
}

TEST(ResultTest, ArrowAndMoveOut) {
  Result<std::string> r = std::string("hello");
  EXPECT_EQ(r->size(), 5u);
  std::string moved = std::move(r).value();
  EXPECT_EQ(moved, "hello");
}

TEST(ResultTest, MoveOnlyValue) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_TRUE(static_cast<bool>(Status::Ok()));
}

TEST(StatusTest, FromError) {
  Status s = Error::Syntax("bad", 2, 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Error::Code::kSyntax);
  EXPECT_EQ(s.error().ToString(), "bad (line 2, column 1)");
}

}  // namespace
}  // namespace kg

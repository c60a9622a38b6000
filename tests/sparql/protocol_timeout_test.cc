// The `timeout` parameter of the SPARQL protocol (seconds, positive).
#include <gtest/gtest.h>

#include "sparql/protocol.h"

namespace kg {
namespace {

Result<SparqlRequest> Parse(const std::string& method, const std::string& target,
                            const std::string& content_type = {}, const std::string& body = {}) {
  Request r;
  r.method = method;
  r.target = target;
  if (!content_type.empty()) r.headers["Content-Type"] = content_type;
  r.body = body;
  return ParseSparqlRequest(r);
}

TEST(ProtocolTimeoutTest, AbsentMeansTheServerLimit) {
  auto p = Parse("GET", "/sparql?query=ASK%7B%7D");
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->timeout_seconds.has_value());
}

TEST(ProtocolTimeoutTest, SecondsInGetFormAndUrlOfAPost) {
  auto get = Parse("GET", "/sparql?query=ASK%7B%7D&timeout=2.5");
  ASSERT_TRUE(get.ok());
  EXPECT_DOUBLE_EQ(*get->timeout_seconds, 2.5);
  auto form = Parse("POST", "/sparql", "application/x-www-form-urlencoded",
                    "query=ASK%7B%7D&timeout=0.25");
  ASSERT_TRUE(form.ok());
  EXPECT_DOUBLE_EQ(*form->timeout_seconds, 0.25);
  auto form_url = Parse("POST", "/sparql?timeout=3", "application/x-www-form-urlencoded",
                        "query=ASK%7B%7D");
  ASSERT_TRUE(form_url.ok());
  EXPECT_DOUBLE_EQ(*form_url->timeout_seconds, 3);
  auto direct = Parse("POST", "/sparql?timeout=4", "application/sparql-query", "ASK {}");
  ASSERT_TRUE(direct.ok());
  EXPECT_DOUBLE_EQ(*direct->timeout_seconds, 4);
  auto update = Parse("POST", "/sparql?timeout=5", "application/sparql-update", "CLEAR ALL");
  ASSERT_TRUE(update.ok());
  EXPECT_DOUBLE_EQ(*update->timeout_seconds, 5);
}

TEST(ProtocolTimeoutTest, NotAPositiveNumberIs400) {
  for (const char* bad : {"0", "-1", "abc", "1s", "nan", "inf", "", "%201", "1e400"}) {
    auto p = Parse("GET", std::string("/sparql?query=ASK%7B%7D&timeout=") + bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.error().code, Error::Code::kBadRequest) << bad;
    EXPECT_NE(p.error().message.find("timeout"), std::string::npos);
  }
  auto twice = Parse("GET", "/sparql?query=ASK%7B%7D&timeout=1&timeout=2");
  ASSERT_FALSE(twice.ok());
}

}  // namespace
}  // namespace kg

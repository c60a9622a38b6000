// Tests for core/message.h: URL decoding, headers, Request accessors.
#include "core/message.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

TEST(PercentDecodeTest, Escapes) {
  EXPECT_EQ(PercentDecode("a%20b", false), "a b");
  EXPECT_EQ(PercentDecode("%3C%3e", false), "<>");
  EXPECT_EQ(PercentDecode("%41", false), "A");
  EXPECT_EQ(PercentDecode("%C3%A9", false), "\xC3\xA9");
}

TEST(PercentDecodeTest, Plus) {
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a%2Bb", true), "a+b");
}

TEST(PercentDecodeTest, MalformedEscapesKeptLiterally) {
  EXPECT_EQ(PercentDecode("100%", false), "100%");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("%zz", false), "%zz");
  EXPECT_EQ(PercentDecode("%%41", false), "%A");
  EXPECT_EQ(PercentDecode("a%4g", false), "a%4g");
}

TEST(PercentEncodeTest, UnreservedKeptOthersEscaped) {
  EXPECT_EQ(PercentEncode("aZ09-_.~"), "aZ09-_.~");
  EXPECT_EQ(PercentEncode("a b/c?"), "a%20b%2Fc%3F");
  EXPECT_EQ(PercentEncode("\xC3\xA9"), "%C3%A9");
  EXPECT_EQ(PercentDecode(PercentEncode("SELECT * {?s ?p ?o}"), true), "SELECT * {?s ?p ?o}");
}

TEST(ParseUrlEncodedTest, PairsInOrderWithRepeatedKeys) {
  Params p = ParseUrlEncoded("a=1&b=2&a=3");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"a", "1"}));
  EXPECT_EQ(p[1], (std::pair<std::string, std::string>{"b", "2"}));
  EXPECT_EQ(p[2], (std::pair<std::string, std::string>{"a", "3"}));
  EXPECT_EQ(ParamValues(p, "a"), (std::vector<std::string>{"1", "3"}));
  EXPECT_TRUE(ParamValues(p, "c").empty());
}

TEST(ParseUrlEncodedTest, EmptyValuesAndKeysWithoutEquals) {
  Params p = ParseUrlEncoded("default&graph=&x=a=b");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].first, "default");
  EXPECT_EQ(p[0].second, "");
  EXPECT_EQ(p[1].first, "graph");
  EXPECT_EQ(p[1].second, "");
  EXPECT_EQ(p[2].first, "x");
  EXPECT_EQ(p[2].second, "a=b");
}

TEST(ParseUrlEncodedTest, EmptyPairsSkipped) {
  Params p = ParseUrlEncoded("&&a=1&&");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, "a");
  EXPECT_TRUE(ParseUrlEncoded("").empty());
}

TEST(ParseUrlEncodedTest, DecodesKeysAndValues) {
  Params p = ParseUrlEncoded("que%72y=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, "query");
  EXPECT_EQ(p[0].second, "SELECT * {?s ?p ?o}");
}

TEST(HeaderLessTest, CaseInsensitive) {
  HeaderLess less;
  EXPECT_FALSE(less("Content-Type", "content-type"));
  EXPECT_FALSE(less("content-type", "Content-Type"));
  EXPECT_TRUE(less("accept", "Content-Type"));
  Headers h;
  h["Content-Type"] = "text/turtle";
  h["CONTENT-TYPE"] = "application/n-triples";
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h["content-type"], "application/n-triples");
}

TEST(RequestTest, PathAndQueryParams) {
  Request r;
  r.target = "/sparql?query=ASK%7B%7D&format=json";
  EXPECT_EQ(r.path(), "/sparql");
  Params p = r.query_params();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].second, "ASK{}");
  EXPECT_EQ(p[1].first, "format");
}

TEST(RequestTest, NoQueryString) {
  Request r;
  r.target = "/healthz";
  EXPECT_EQ(r.path(), "/healthz");
  EXPECT_TRUE(r.query_params().empty());
  r.target = "/x?";
  EXPECT_EQ(r.path(), "/x");
  EXPECT_TRUE(r.query_params().empty());
}

TEST(RequestTest, HeaderLookupIsCaseInsensitiveAndEmptyWhenAbsent) {
  Request r;
  r.headers["Accept"] = "text/csv";
  EXPECT_EQ(r.header("accept"), "text/csv");
  EXPECT_EQ(r.header("ACCEPT"), "text/csv");
  EXPECT_EQ(r.header("Content-Type"), "");
}

TEST(ResponseTest, Defaults) {
  Response r;
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.head_only);
  EXPECT_TRUE(r.body.empty());
}

}  // namespace
}  // namespace kg

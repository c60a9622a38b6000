#include "ui/language.h"

#include <gtest/gtest.h>

namespace kg::ui {
namespace {

Request Req(std::string target, Headers headers = {}) {
  Request r;
  r.method = "GET";
  r.target = std::move(target);
  r.headers = std::move(headers);
  return r;
}

TEST(Language, DutchByDefault) {
  EXPECT_EQ(ChooseLanguage(Req("/")).lang, Lang::kNl);
  EXPECT_FALSE(ChooseLanguage(Req("/")).set_cookie);
}

TEST(Language, ParameterWinsAndIsRemembered) {
  auto c = ChooseLanguage(Req("/begrip/grens?lang=en", {{"Cookie", "kg_lang=nl"},
                                                        {"Accept-Language", "nl"}}));
  EXPECT_EQ(c.lang, Lang::kEn);
  ASSERT_TRUE(c.set_cookie);
  EXPECT_EQ(c.set_cookie->rfind("kg_lang=en;", 0), 0u);
  EXPECT_NE(c.set_cookie->find("Path=/"), std::string::npos);
}

TEST(Language, CookieBeatsAcceptLanguage) {
  auto c = ChooseLanguage(Req("/", {{"Cookie", "a=b; kg_lang=en; c=d"}, {"Accept-Language", "nl"}}));
  EXPECT_EQ(c.lang, Lang::kEn);
  EXPECT_FALSE(c.set_cookie);
}

TEST(Language, UnknownValuesAreIgnored) {
  EXPECT_EQ(ChooseLanguage(Req("/?lang=fr", {{"Accept-Language", "en"}})).lang, Lang::kEn);
  EXPECT_EQ(ChooseLanguage(Req("/?lang=%3Cscript%3E")).lang, Lang::kNl);
  EXPECT_EQ(ChooseLanguage(Req("/", {{"Cookie", "kg_lang=xx"}})).lang, Lang::kNl);
}

TEST(Language, AcceptLanguageWithQValues) {
  EXPECT_EQ(FromAcceptLanguage("en-GB,en;q=0.9,nl;q=0.8"), Lang::kEn);
  EXPECT_EQ(FromAcceptLanguage("de-DE, nl;q=0.5, en;q=0.4"), Lang::kNl);
  EXPECT_EQ(FromAcceptLanguage("de, en;q=0.3, nl;q=0"), Lang::kEn);
  EXPECT_EQ(FromAcceptLanguage("fr, de"), std::nullopt);
  EXPECT_EQ(FromAcceptLanguage("*;q=0.5, en;q=0.5"), Lang::kEn);
  EXPECT_EQ(FromAcceptLanguage("*"), Lang::kNl);
  EXPECT_EQ(FromAcceptLanguage("en;q=abc, nl"), Lang::kNl);
  EXPECT_EQ(FromAcceptLanguage(""), std::nullopt);
}

}  // namespace
}  // namespace kg::ui

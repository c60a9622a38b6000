#include "ui/html.h"

#include <gtest/gtest.h>

namespace kg::ui {
namespace {

TEST(Html, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(Escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(Escape("coördinatie — ok"), "coördinatie — ok");
  EXPECT_EQ(Escape(""), "");
}

TEST(Html, UrlsKeepOnlySafeSchemes) {
  EXPECT_EQ(EscapeUrl("/begrip/grens?a=1&b=2"), "/begrip/grens?a=1&amp;b=2");
  EXPECT_EQ(EscapeUrl("https://doi.org/10.1/x\"y"), "https://doi.org/10.1/x&quot;y");
  EXPECT_EQ(EscapeUrl("javascript:alert(1)"), "#");
  EXPECT_EQ(EscapeUrl(" JaVa\tScRiPt:alert(1)"), "#");
  EXPECT_EQ(EscapeUrl("data:text/html,<b>"), "#");
  EXPECT_EQ(EscapeUrl("mailto:a@b.nl"), "mailto:a@b.nl");
  EXPECT_EQ(EscapeUrl("#main"), "#main");
  EXPECT_EQ(EscapeUrl("/x?next=javascript:1"), "/x?next=javascript:1");
}

TEST(Html, ScriptJsonCannotCloseTheElement) {
  std::string json = R"({"label":"</script><script>alert(1)</script><!--"})";
  std::string out = EscapeScriptJson(json);
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_NE(out.find("\\u003c/script>"), std::string::npos);
}

}  // namespace
}  // namespace kg::ui

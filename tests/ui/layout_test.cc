#include "ui/layout.h"

#include <gtest/gtest.h>

namespace kg::ui {
namespace {

TEST(Layout, PageHasLanguageNavigationAndEscapedTitle) {
  Page page;
  page.title = "<script>alert(1)</script>";
  page.body_html = "<p>body</p>";
  page.section = Section::kSources;
  page.search_query = "\"><script>";
  page.alternates = {{"/begrip/x?format=turtle", "text/turtle", "Turtle"}};
  page.jsonld = R"({"@id":"x","label":"</script><script>alert(2)</script>"})";
  PageRequest req{Lang::kEn, "/begrip/x", {{"a", "1 2"}, {"lang", "en"}}};
  std::string html = RenderPage(page, req);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; — Utrecht Leert — concepts"),
            std::string::npos);
  EXPECT_NE(html.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/sources\" aria-current=\"page\">Sources</a>"),
            std::string::npos);
  // The language switch keeps the other parameters and names the other language.
  EXPECT_NE(html.find("href=\"/begrip/x?a=1%202&amp;lang=nl\" hreflang=\"nl\" lang=\"nl\""),
            std::string::npos);
  EXPECT_NE(html.find(">Nederlands</a>"), std::string::npos);
  EXPECT_NE(html.find("<link rel=\"alternate\" type=\"text/turtle\" "
                      "href=\"/begrip/x?format=turtle\" title=\"Turtle\">"),
            std::string::npos);
  EXPECT_NE(html.find("<script type=\"application/ld+json\">"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\""), std::string::npos);
  EXPECT_NE(html.find("<p>body</p>"), std::string::npos);
}

TEST(Layout, DutchIsTheDefault) {
  std::string html = RenderPage(Page{}, PageRequest{});
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(html.find(">Bronnen</a>"), std::string::npos);
  EXPECT_NE(html.find(">English</a>"), std::string::npos);
}

TEST(Layout, HtmlResponseHeaders) {
  Response r = HtmlResponse("x");
  EXPECT_EQ(r.headers["Content-Type"], "text/html; charset=utf-8");
  EXPECT_NE(r.headers["Vary"].find("Accept-Language"), std::string::npos);
  EXPECT_NE(r.headers["Content-Security-Policy"].find("default-src 'self'"), std::string::npos);
}

}  // namespace
}  // namespace kg::ui

#include "diagram/diagram.h"

#include <gtest/gtest.h>

namespace kg::diagram {
namespace {

Diagram Small() {
  Diagram d;
  d.id_prefix = "t";
  d.title = "Omgeving van grens";
  d.nodes = {{"grens", "grens", "/begrip/grens", "", NodeStyle::kFocus},
             {"disc", "discontinuïteit", "/begrip/discontinuiteit", "", NodeStyle::kNormal},
             {"bc", "boundary crossing", "", "", NodeStyle::kGroup}};
  d.edges = {{"grens", "disc", "kan leiden tot", EdgeStyle::kSolid},
             {"bc", "grens", "", EdgeStyle::kDashed}};
  return d;
}

TEST(Diagram, RendersEmbeddableSvgWithClickableNodes) {
  auto svg = RenderSvg(Small());
  ASSERT_TRUE(svg.ok()) << svg.error().ToString();
  const std::string& s = svg.value();
  EXPECT_EQ(s.rfind("<svg", 0), 0u) << "no XML declaration or DOCTYPE before <svg>";
  EXPECT_EQ(s.find("<?xml"), std::string::npos);
  EXPECT_NE(s.find("role=\"img\""), std::string::npos);
  EXPECT_NE(s.find("<title id=\"t-title\">Omgeving van grens</title>"), std::string::npos);
  EXPECT_NE(s.find("xlink:href=\"/begrip/grens\""), std::string::npos);
  EXPECT_NE(s.find("xlink:href=\"/begrip/discontinuiteit\""), std::string::npos);
  EXPECT_NE(s.find("discontinuïteit"), std::string::npos) << "UTF-8 labels survive";
  EXPECT_NE(s.find("kan leiden tot"), std::string::npos) << "edge label drawn";
  EXPECT_NE(s.find("id=\"t&#45;n0\""), std::string::npos) << "node ids carry the prefix";
  // Two nodes are links, the group node is not.
  std::size_t links = 0;
  for (auto p = s.find("<a xlink:href"); p != std::string::npos; p = s.find("<a xlink:href", p + 1))
    ++links;
  EXPECT_EQ(links, 2u);
}

TEST(Diagram, HostileLabelsAreEscapedNotMarkup) {
  Diagram d;
  d.title = "</title><script>alert(1)</script>";
  d.nodes = {{"a", "<script>alert(\"x\")</script> & \\N \\G", "/begrip/a?x=1&y=\"2\"", "",
              NodeStyle::kFocus},
             {"b\"];evil[", "b", "", "", NodeStyle::kNormal}};
  d.edges = {{"a", "b\"];evil[", "<b>edge</b>", EdgeStyle::kSolid}};
  auto svg = RenderSvg(d);
  ASSERT_TRUE(svg.ok()) << svg.error().ToString();
  const std::string& s = svg.value();
  EXPECT_EQ(s.find("<script"), std::string::npos);
  EXPECT_EQ(s.find("<b>"), std::string::npos);
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos);
  // Graphviz's own escapes (\N = node name) are not expanded.
  EXPECT_NE(s.find("\\N \\G"), std::string::npos);
  EXPECT_NE(s.find("xlink:title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ⧵N ⧵G\""),
            std::string::npos)
      << "tooltips show backslashes, never the node name";
  EXPECT_NE(s.find("xlink:href=\"/begrip/a?x=1&amp;y=&quot;2&quot;\""), std::string::npos);
}

TEST(Diagram, EntitiesInLabelsAreText) {
  Diagram d;
  d.nodes = {{"a", "&lt;b&gt; &amp; &#60;", "", "", NodeStyle::kNormal}};
  auto svg = RenderSvg(d);
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg.value().find(">&amp;lt;b&amp;gt; &amp;amp; &amp;#60;</text>"), std::string::npos)
      << svg.value();
}

TEST(Diagram, RejectsInconsistentInput) {
  Diagram d = Small();
  d.nodes.push_back(d.nodes.front());
  EXPECT_EQ(RenderSvg(d).error().code, Error::Code::kBadRequest);
  Diagram e = Small();
  e.edges.push_back({"grens", "nowhere", "", EdgeStyle::kSolid});
  EXPECT_EQ(RenderSvg(e).error().code, Error::Code::kBadRequest);
}

TEST(Diagram, EmptyAndLargeDiagramsRender) {
  EXPECT_TRUE(RenderSvg(Diagram{}).ok());
  Diagram big;
  for (int i = 0; i < 80; ++i) {
    big.nodes.push_back({std::to_string(i), "begrip " + std::to_string(i), "/x", "",
                         NodeStyle::kNormal});
    if (i) big.edges.push_back({std::to_string(i / 3), std::to_string(i), "", EdgeStyle::kSolid});
  }
  auto svg = RenderSvg(big);
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg.value().find("begrip 79"), std::string::npos);
}

TEST(Diagram, GraphvizLabelDoublesBackslashesAndKeepsNewlines) {
  EXPECT_EQ(GraphvizLabel("a\\b"), "a\\\\b");
  EXPECT_EQ(GraphvizLabel("a&b"), "a&amp;b");
  EXPECT_EQ(GraphvizLabel("two\nlines"), "two\\nlines");
  EXPECT_EQ(GraphvizLabel("crlf\r\n"), "crlf\\n");
}

}  // namespace
}  // namespace kg::diagram

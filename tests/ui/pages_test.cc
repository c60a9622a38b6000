#include "ui/pages.h"

#include <gtest/gtest.h>

#include "ui/neighbourhood.h"

namespace kg::ui {
namespace {

using vocabulary::Config;
using vocabulary::ConceptView;
using vocabulary::Ref;

const std::string kBase = "https://w3id.org/utrecht-leert/";
const std::string kEvil = "<script>alert(1)</script>";

std::size_t Count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

Ref Concept(const std::string& id, std::string nl, std::string en = {}) {
  Ref r{kBase + "begrip/" + id, id, {}};
  if (!nl.empty()) r.labels["nl"] = {nl};
  if (!en.empty()) r.labels["en"] = {en};
  return r;
}

ConceptView Hostile() {
  ConceptView c;
  c.iri = kBase + "begrip/x";
  c.id = "x";
  c.pref_labels["nl"] = {kEvil + "grens"};
  c.pref_labels["en"] = {"<img src=x onerror=alert(2)>"};
  c.alt_labels["nl"] = {"\"><svg onload=alert(3)>"};
  c.definitions["nl"] = {"def </script><script>alert(4)</script>"};
  c.definitions["en"] = {"English definition"};
  vocabulary::Passage p;
  p.iri = kBase + "passage/x";
  p.exact = "quote with <b>markup</b>";
  p.language = "nl";
  p.section = "[Kader <i>boundary</i> crossing]";
  p.paragraph = 2;
  p.source = {kBase + "werk/brochure", "brochure", {{"nl", {"Brochure"}}}};
  c.derived_from = {p};
  c.broader = {Concept("boven", "bovenbegrip " + kEvil)};
  c.related = {Concept("rel", "", "only english")};
  vocabulary::Relation rel;
  rel.property = kBase + "def#canGiveRiseTo";
  rel.property_labels["nl"] = {"kan leiden tot"};
  rel.target = Concept("disc", "discontinuïteit");
  c.relations = {rel};
  vocabulary::Work w;
  w.iri = kBase + "werk/akkerman-bakker-2011";
  w.authors = {{"a1", "", {{"", {"Akkerman, S. F."}}}}, {"a2", "", {{"", {"Bakker, A."}}}}};
  w.year = "2011";
  w.titles["en"] = {"Boundary crossing and boundary objects"};
  w.part_of = Ref{"j", "", {{"en", {"Review of Educational Research"}}}};
  w.volume = "81";
  w.issue = "2";
  w.page_start = "132";
  w.page_end = "169";
  w.url = "javascript:alert(5)";
  c.works = {w};
  return c;
}

TEST(Pages, ConceptPageEscapesEveryLabel) {
  ConceptData data;
  data.view = Hostile();
  data.path = "/begrip/x";
  data.jsonld = R"({"label":"</script><script>alert(6)</script>"})";
  Page page = ConceptPage(data, Lang::kNl, Config{});
  std::string html = RenderPage(page, PageRequest{Lang::kNl, "/begrip/x", {}});
  // The only <script elements are the layout's own: JSON-LD and kg.js.
  EXPECT_EQ(Count(html, "<script"), 2u) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("<b>markup"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("<a class=\"url\" href=\"#\">javascript:alert(5)</a>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;grens"), std::string::npos);
  EXPECT_NE(html.find("quote with &lt;b&gt;markup&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script>"), std::string::npos) << "JSON-LD cannot close its element";
}

TEST(Pages, ConceptPageContent) {
  ConceptData data;
  data.view = Hostile();
  data.path = "/begrip/x";
  data.diagram_svg = "<svg></svg>";
  std::string body = ConceptPage(data, Lang::kNl, Config{}).body_html;
  // Labels side by side, both languages.
  EXPECT_NE(body.find("<section lang=\"nl\""), std::string::npos);
  EXPECT_NE(body.find("<section lang=\"en\""), std::string::npos);
  // Passage with section and paragraph, and the English translation.
  EXPECT_NE(body.find("<blockquote class=\"passage\" lang=\"nl\""), std::string::npos);
  EXPECT_NE(body.find("sectie “[Kader &lt;i&gt;boundary&lt;/i&gt; crossing]”, alinea 2"), std::string::npos);
  EXPECT_NE(body.find("Engelse vertaling</h3><p lang=\"en\">English definition"), std::string::npos);
  // Relations by label, linked to the pages.
  EXPECT_NE(body.find("<th scope=\"row\">kan leiden tot</th><td><a href=\"/begrip/disc\">discontinuïteit</a>"),
            std::string::npos);
  // A related concept with only an English label is marked on the Dutch page.
  EXPECT_NE(body.find("<a href=\"/begrip/rel\"><span class=\"fallback\" lang=\"en\" "
                      "title=\"Niet beschikbaar in het Nederlands\">only english<span "
                      "class=\"lang-tag\">en</span></span></a>"),
            std::string::npos);
  // The full reference of the work.
  EXPECT_NE(body.find("Akkerman, S. F. &amp; Bakker, A. (2011). <a class=\"title\" "
                      "href=\"/werk/akkerman-bakker-2011\"><span lang=\"en\">Boundary crossing and "
                      "boundary objects</span></a>. <span class=\"container\"><span lang=\"en\">Review "
                      "of Educational Research</span></span>, 81(2), 132–169."),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("href=\"/begrip/x?format=turtle\""), std::string::npos);
  EXPECT_NE(body.find("data-copy=\"https://w3id.org/utrecht-leert/begrip/x\""), std::string::npos);
  EXPECT_NE(body.find("<div class=\"diagram\" id=\"concept-diagram\"><svg></svg></div><p class=\"muted "
                      "legend\">Doorgetrokken pijl"),
            std::string::npos);
}

TEST(Pages, ResourceHrefForBaseAndForeignIris) {
  Config config;
  EXPECT_EQ(ResourceHref(kBase + "begrip/grens", ResourceKind::kWork, config), "/begrip/grens");
  EXPECT_EQ(ResourceHref(kBase + "werk/a-2011", ResourceKind::kConcept, config), "/werk/a-2011");
  EXPECT_EQ(ResourceHref(kBase + "schema/bc", ResourceKind::kConcept, config), "/schema/bc");
  EXPECT_EQ(ResourceHref("http://vocabularies.unesco.org/thesaurus/concept1", ResourceKind::kConcept, config),
            "/begrip?iri=http%3A%2F%2Fvocabularies.unesco.org%2Fthesaurus%2Fconcept1");
  EXPECT_EQ(ResourceHref(kBase + "begrip/a/b", ResourceKind::kConcept, config),
            "/begrip?iri=https%3A%2F%2Fw3id.org%2Futrecht-leert%2Fbegrip%2Fa%2Fb");
}

TEST(Pages, IndexMarksAltLabelsAndGroupsByLetter) {
  std::vector<vocabulary::IndexEntry> entries{
      {"C", "coördinatie", false, {"coördinatie", "nl", false}, kBase + "begrip/coordinatie", "coordinatie"},
      {"G", "grenzen", true, {"grens", "nl", false}, kBase + "begrip/grens", "grens"},
      {"G", kEvil, false, {kEvil, "en", true}, kBase + "begrip/e", "e"}};
  std::string body = IndexPage(entries, "", Lang::kNl, Config{}).body_html;
  EXPECT_NE(body.find("<a href=\"#letter-C\">C</a>"), std::string::npos);
  EXPECT_NE(body.find("<h2 id=\"letter-G\">G</h2>"), std::string::npos);
  EXPECT_NE(body.find("grenzen</span> → <span class=\"muted\">gebruik</span> <a href=\"/begrip/grens\">grens</a>"),
            std::string::npos);
  EXPECT_EQ(body.find("<script"), std::string::npos);
  EXPECT_NE(body.find("class=\"fallback\""), std::string::npos);
}

TEST(Pages, SearchPageShowsMatchedLabel) {
  vocabulary::SearchHit hit;
  hit.iri = kBase + "begrip/coordinatie";
  hit.matched_label = "coordination";
  hit.matched_language = "en";
  hit.pref_label = {"coördinatie", "nl", false};
  std::string body = SearchPage("<coor>", {hit}, Lang::kNl, Config{}).body_html;
  EXPECT_NE(body.find("Resultaten voor “&lt;coor&gt;”"), std::string::npos);
  EXPECT_NE(body.find("<a href=\"/begrip/coordinatie\">coördinatie</a> <span class=\"muted\">gevonden via "
                      "<span lang=\"en\">coordination</span>"),
            std::string::npos);
  EXPECT_NE(SearchPage("c", {}, Lang::kEn, Config{}).body_html.find("Type at least two letters."),
            std::string::npos);
}

TEST(Pages, SparqlPageEmbedsExamplesSafely) {
  std::vector<ExampleQuery> examples{
      {"competency/01", "Samenwerkingsvormen", "SELECT * { ?s ?p \"</script><script>x\" }"}};
  std::string body = SparqlPage(examples, 0, Lang::kNl).body_html;
  EXPECT_EQ(body.find("</script><script>x"), std::string::npos);
  EXPECT_NE(body.find("\\u003c/script>\\u003cscript>x"), std::string::npos);
  EXPECT_NE(body.find("<textarea id=\"sparql-query\" name=\"query\" spellcheck=\"false\">SELECT * { ?s ?p "
                      "&quot;&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(body.find("<a href=\"/query?example=0\" data-example=\"0\">Samenwerkingsvormen</a>"),
            std::string::npos);
}

TEST(Pages, TreeIsDetailsWithTheLinkOutsideTheSummary) {
  SchemeTree st;
  st.scheme.iri = kBase + "schema/bc";
  st.scheme.pref_labels["nl"] = {"Boundary crossing"};
  vocabulary::TreeNode top{Concept("bc", "boundary crossing"), {}};
  top.children.push_back({Concept("id", "identificatie"), {}});
  st.tree = {top};
  std::string body = HierarchyPage({st}, Lang::kNl, Config{}).body_html;
  EXPECT_NE(body.find("<li class=\"branch\"><a href=\"/begrip/bc\">boundary crossing</a> <details><summary>1 "
                      "smaller begrip</summary><ul><li><span class=\"leaf\"><a "
                      "href=\"/begrip/id\">identificatie</a></span></li></ul></details></li>"),
            std::string::npos)
      << body;
}

TEST(Pages, HierarchyFocusOpensThePathToTheConcept) {
  SchemeTree st;
  st.scheme.iri = kBase + "schema/bc";
  vocabulary::TreeNode mech{Concept("lm", "leermechanisme"), {}};
  mech.children.push_back({Concept("id", "identificatie"), {}});
  vocabulary::TreeNode other{Concept("o", "ander"), {}};
  other.children.push_back({Concept("p", "p"), {}});
  st.tree = {mech, other};
  std::string body = HierarchyPage({st}, Lang::kNl, Config{}, kBase + "begrip/id").body_html;
  EXPECT_NE(body.find("<a href=\"/begrip/lm\">leermechanisme</a> <details open>"), std::string::npos);
  EXPECT_NE(body.find("<a href=\"/begrip/o\">ander</a> <details><summary>"), std::string::npos);
  EXPECT_NE(body.find("<li id=\"focus\"><span class=\"leaf\"><strong class=\"focus\" aria-current=\"true\">"
                      "<a href=\"/begrip/id\">identificatie</a></strong>"),
            std::string::npos)
      << body;
  EXPECT_EQ(HierarchyPage({st}, Lang::kNl, Config{}).body_html.find("open"), std::string::npos);
}

TEST(Neighbourhood, DrawsEachNeighbourOnceWithRelationLabels) {
  ConceptView c = Hostile();
  c.narrower = {Concept("disc", "discontinuïteit")};  // also the relation's target
  auto d = ConceptNeighbourhood(c, Lang::kNl, Config{});
  ASSERT_EQ(d.nodes.size(), 4u);  // x, boven, disc, rel
  EXPECT_EQ(d.nodes[0].style, diagram::NodeStyle::kFocus);
  EXPECT_EQ(d.nodes[0].url, "/begrip/x");
  bool labelled = false;
  for (const auto& e : d.edges) labelled |= e.label == "kan leiden tot";
  EXPECT_FALSE(labelled) << "the relation duplicates the narrower edge, drawn once";
  c.narrower.clear();
  d = ConceptNeighbourhood(c, Lang::kNl, Config{});
  labelled = false;
  for (const auto& e : d.edges) labelled |= e.label == "kan leiden tot";
  EXPECT_TRUE(labelled);
  auto svg = diagram::RenderSvg(d);
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg.value().find("<script"), std::string::npos);
  EXPECT_NE(svg.value().find("xlink:href=\"/begrip/boven\""), std::string::npos);
}

TEST(Neighbourhood, RespectsTheNodeLimit) {
  ConceptView c;
  c.iri = kBase + "begrip/hub";
  for (int i = 0; i < 100; ++i) c.narrower.push_back(Concept("n" + std::to_string(i), "n"));
  EXPECT_EQ(ConceptNeighbourhood(c, Lang::kNl, Config{}, 10).nodes.size(), 10u);
}

}  // namespace
}  // namespace kg::ui

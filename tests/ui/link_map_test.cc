// ui/pages.h LinkMap: the shared fragment renderers link where the caller
// says (kg docs: its generated files), and by default to the service pages.
#include <gtest/gtest.h>

#include "ui/pages.h"

namespace kg::ui {
namespace {

const std::string kGrens = "https://w3id.org/utrecht-leert/begrip/grens";
const std::string kWerk = "https://w3id.org/utrecht-leert/werk/brochure";

TEST(LinkMap, RefLinkDefaultsToTheServicePage) {
  vocabulary::Ref grens{kGrens, "grens", {{"nl", {"grens"}}}};
  EXPECT_EQ(RefLink(grens, ResourceKind::kConcept, Lang::kNl, {}),
            "<a href=\"/begrip/grens\">grens</a>");
}

TEST(LinkMap, RefLinkFollowsTheMapAndAnEmptyLinkIsNoLink) {
  vocabulary::Ref grens{kGrens, "grens", {{"nl", {"grens"}}}};
  LinkMap docs = [](const std::string& iri, ResourceKind) {
    return iri == kGrens ? std::string("../begrip/grens.html") : std::string();
  };
  EXPECT_EQ(RefLink(grens, ResourceKind::kConcept, Lang::kNl, {}, docs),
            "<a href=\"../begrip/grens.html\">grens</a>");
  vocabulary::Ref other{"https://example.org/x", "", {{"nl", {"x <y>"}}}};
  EXPECT_EQ(RefLink(other, ResourceKind::kConcept, Lang::kNl, {}, docs), "x &lt;y&gt;");
}

TEST(LinkMap, PassageLinksItsSourceAndFootnoteWorksThroughTheMap) {
  vocabulary::Passage p;
  p.iri = "https://w3id.org/utrecht-leert/passage/p1";
  p.exact = "Grenzen zijn overal.";
  p.source = {kWerk, "brochure", {{"nl", {"De brochure"}}}};
  vocabulary::Footnote fn;
  fn.number = "1";
  fn.citation = "Akkerman (2011).";
  fn.works = {{"https://w3id.org/utrecht-leert/werk/akkerman-2011", "akkerman-2011", {{"", {"A"}}}}};
  p.footnotes = {fn};
  std::string html = PassageHtml(p, Lang::kNl, {}, [](const std::string& iri, ResourceKind kind) {
    EXPECT_EQ(kind, ResourceKind::kWork);
    return "docs:" + iri.substr(iri.rfind('/') + 1);
  });
  EXPECT_NE(html.find("<a href=\"#\">De brochure</a>"), std::string::npos) << html;  // "docs:" is no safe scheme
  std::string service = PassageHtml(p, Lang::kNl, {});
  EXPECT_NE(service.find("<a href=\"/werk/brochure\">De brochure</a>"), std::string::npos) << service;
  std::string mapped = PassageHtml(p, Lang::kNl, {}, [](const std::string& iri, ResourceKind) {
    return "../werk/" + iri.substr(iri.rfind('/') + 1) + ".html";
  });
  EXPECT_NE(mapped.find("<a href=\"../werk/brochure.html\">De brochure</a>"), std::string::npos);
  EXPECT_NE(mapped.find("<a href=\"../werk/akkerman-2011.html\">A</a>"), std::string::npos);
}

}  // namespace
}  // namespace kg::ui

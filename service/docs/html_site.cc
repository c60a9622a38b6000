// The HTML pages of the documentation. Every piece of graph data passes
// through ui::Escape / ui::EscapeUrl / ui::TextHtml (the service's escaping).
#include <algorithm>
#include <cctype>
#include <set>

#include "docs/apa.h"
#include "docs/html_site.h"
#include "docs/strings.h"
#include "ui/html.h"
#include "ui/pages.h"

namespace kg::docs {
namespace {

using ui::Escape;
using ui::EscapeUrl;
using ui::Lang;
using ui::Msg;
using vocabulary::Config;
using vocabulary::LangText;
using vocabulary::LangValues;
using vocabulary::Ref;

constexpr std::string_view kExt = ".html";

std::string T(Lang l, Msg m) { return Escape(ui::Tr(l, m)); }

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The <title>: "<page> — <site>" when that fits in 70 characters (what
// browser tabs, bookmarks and search results show), else the page's title
// alone, cut at a word with "…" when even that is longer.
std::string TitleText(const std::string& page, const std::string& site) {
  constexpr std::size_t kMax = 70;
  std::string full = page + " — " + site;
  if (page == site || CodePoints(full) <= kMax) return page == site ? site : full;
  if (CodePoints(page) <= kMax) return page;
  std::string cut;
  std::size_t n = 0, last_space = 0;
  for (std::size_t i = 0; i < page.size(); ++i) {
    unsigned char c = page[i];
    if ((c & 0xC0) != 0x80 && ++n > kMax - 1) break;
    if (c == ' ') last_space = cut.size();
    cut += page[i];
  }
  if (last_space > 0) cut.resize(last_space);
  while (!cut.empty() && (cut.back() == ',' || cut.back() == ':' || cut.back() == ' ')) cut.pop_back();
  return cut + "…";
}
std::string T(Lang l, DocMsg m) { return Escape(Tr(l, m)); }

// Writes the pages of one language; `from` is the page being written.
class Writer {
 public:
  Writer(const Model& m, Lang lang, const DocsOptions& o)
      : m_(m), lang_(lang), code_(ui::Code(lang)), o_(o), c_(o.vocabulary), linker_(o.base_url) {}

  Status Write(Site& site);

 private:
  std::string Href(const std::string& to) const { return linker_.Href(from_, to); }
  std::string A(const std::string& to, const std::string& html, const std::string& cls = "") const {
    return "<a href=\"" + EscapeUrl(Href(to)) + "\"" + (cls.empty() ? "" : " class=\"" + cls + "\"") +
           ">" + html + "</a>";
  }
  std::string Pick(const LangValues& v) const {
    return ui::TextHtml(vocabulary::PickText(v, code_, c_.languages), lang_);
  }
  std::string Label(const Ref& r) const {
    // A resource the graph gives no label (skos:Concept, xsd:integer) is
    // named by its local name, which is not a fallback in another language.
    if (r.labels.empty()) return Escape(vocabulary::RefLabel(r, code_, c_).text);
    return ui::TextHtml(vocabulary::RefLabel(r, code_, c_), lang_);
  }
  // A resource as a link to its page; a resource without one links to its
  // IRI when that is a web address, else is plain text.
  std::string RefLink(const Ref& r) const {
    std::string to = PagePath(m_, r.iri, code_, kExt);
    if (!to.empty()) return A(to, Label(r));
    if (r.iri.rfind("http", 0) == 0)
      return "<a class=\"external\" href=\"" + EscapeUrl(r.iri) + "\">" + Label(r) + "</a>";
    return Label(r);
  }
  std::string RefList(const std::vector<Ref>& refs) const {
    std::string h = "<ul class=\"refs\">";
    for (const auto& r : refs) h += "<li>" + RefLink(r) + "</li>";
    return h + "</ul>";
  }
  std::string Reference(const vocabulary::Work& w, bool link_title) const;
  std::string Passage(const vocabulary::Passage& p) const;
  std::string AllLanguages(const LangValues& v, const std::string& cls) const;
  std::string Diagram(const diagram::Diagram& d) const;
  std::string Page(const std::string& path, const std::string& title, const std::string& body,
                   const std::string& jsonld, const std::string& current) const;
  std::string TreeHtml(const std::vector<vocabulary::TreeNode>& nodes, int depth) const;

  std::string IndexPage();
  std::string ConceptPage(const vocabulary::ConceptView& c);
  std::string SchemePage(const ui::SchemeTree& s);
  std::string WorkPage(const vocabulary::WorkView& w);
  std::string BibliographyPage();
  std::string RegisterPage();
  std::string OntologyIndexPage();
  std::string TermPage(const vocabulary::OntologyTerm& t);

  const Model& m_;
  Lang lang_;
  std::string code_;
  const DocsOptions& o_;
  const Config& c_;
  Linker linker_;
  std::string from_;
  mutable Status diagram_status_;
};

std::string Writer::Reference(const vocabulary::Work& w, bool link_title) const {
  std::string h = "<span class=\"reference\">";
  std::string title_text = vocabulary::PickText(w.titles, code_, c_.languages).text;
  std::string to = PagePath(m_, w.iri, code_, kExt);
  for (const auto& s : ApaReference(w, code_, c_)) {
    std::string t = Escape(s.text);
    if (!s.url.empty()) t = "<a class=\"url\" href=\"" + EscapeUrl(s.url) + "\">" + t + "</a>";
    else if (link_title && !to.empty() && !title_text.empty() && s.text == title_text)
      t = A(to, t);
    if (s.italic) t = "<i>" + t + "</i>";
    h += t;
  }
  if (link_title && !to.empty() && (title_text.empty() || h.find("href=\"" + EscapeUrl(Href(to))) == std::string::npos))
    h += " " + A(to, "→", "more");
  return h + "</span>";
}

// The service's own passage renderer (ui/pages.h), its links mapped to the
// generated pages.
std::string Writer::Passage(const vocabulary::Passage& p) const {
  return ui::PassageHtml(p, lang_, c_, [this](const std::string& iri, ui::ResourceKind) {
    std::string to = PagePath(m_, iri, code_, kExt);
    return to.empty() ? std::string() : Href(to);
  });
}

// Every language's values, each marked with its language (the concept page
// shows both languages side by side).
std::string Writer::AllLanguages(const LangValues& v, const std::string& cls) const {
  std::string h;
  for (const auto& l : LanguagesOf(v, c_)) {
    for (const auto& text : v.at(l)) {
      h += "<div class=\"" + cls + "\"";
      if (!l.empty()) h += " lang=\"" + Escape(l) + "\"";
      h += "><span class=\"lang-tag\">" + Escape(l.empty() ? "—" : l) + "</span> " +
           Escape(text) + "</div>";
    }
  }
  return h;
}

std::string Writer::Diagram(const diagram::Diagram& d) const {
  if (d.nodes.size() < 2) return "";
  auto svg = diagram::RenderSvg(d);
  if (!svg.ok()) {
    if (diagram_status_.ok()) diagram_status_ = svg.error();  // the first failure fails the run
    return "";
  }
  return "<figure class=\"diagram\">" + *svg + "</figure>";
}

std::string Writer::Page(const std::string& path, const std::string& title,
                         const std::string& body, const std::string& jsonld,
                         const std::string& current) const {
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + code_ + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>" + Escape(TitleText(title, SiteName(o_, code_))) + "</title>\n"
                  "<link rel=\"stylesheet\" href=\"" + EscapeUrl(Href("assets/docs.css")) + "\">\n";
  for (const auto& other : o_.languages)
    if (other != code_)
      h += "<link rel=\"alternate\" hreflang=\"" + Escape(other) + "\" href=\"" +
           EscapeUrl(Href(other + path.substr(code_.size()))) + "\">\n";
  if (!jsonld.empty())
    h += "<script type=\"application/ld+json\">\n" + ui::EscapeScriptJson(jsonld) + "\n</script>\n";
  h += "</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">" + T(lang_, Msg::kSkipToContent) +
       "</a>\n<header class=\"site-header\">\n<p class=\"brand\">" +
       A(IndexPath(code_, kExt), Escape(SiteName(o_, code_))) + " <span class=\"tagline\">" +
       T(lang_, DocMsg::kDocsTitle) + "</span></p>\n";
  for (const auto& other : o_.languages)
    if (other != code_)
      h += "<p class=\"lang-switch\"><a hreflang=\"" + Escape(other) + "\" lang=\"" + Escape(other) +
           "\" href=\"" + EscapeUrl(Href(other + path.substr(code_.size()))) + "\">" +
           Escape(ui::NativeName(ToLang(other))) + "</a></p>\n";
  struct Item { std::string id, to, label; };
  std::vector<Item> nav = {
      {"home", IndexPath(code_, kExt), T(lang_, Msg::kNavHome)},
      {"register", SitePath(code_, "register", kExt), T(lang_, Msg::kNavIndex)},
      {"bronnen", SitePath(code_, "bronnen", kExt), T(lang_, DocMsg::kBibliography)},
      {"ontologie", SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology)},
  };
  h += "<nav aria-label=\"" + T(lang_, Msg::kNavMain) + "\"><ul class=\"nav\">";
  for (const auto& i : nav)
    h += "<li><a href=\"" + EscapeUrl(Href(i.to)) + "\"" +
         (i.id == current ? " aria-current=\"page\"" : "") + ">" + i.label + "</a></li>";
  h += "</ul></nav>\n</header>\n<main id=\"main\">\n" + body + "\n</main>\n<footer class=\"site-footer\"><p>" +
       T(lang_, Msg::kFooterAbout) + " " + T(lang_, DocMsg::kGeneratedFrom) +
       "</p></footer>\n</body>\n</html>\n";
  // Graph texts may end a line with spaces; HTML ignores them, checkers and
  // diffs do not.
  std::string out;
  out.reserve(h.size());
  for (char ch : h) {
    if (ch == '\n')
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    out += ch;
  }
  return out;
}

std::string Writer::TreeHtml(const std::vector<vocabulary::TreeNode>& nodes, int depth) const {
  if (nodes.empty()) return "";
  std::string h = "<ul class=\"tree\">";
  for (const auto& n : nodes) {
    h += "<li>" + RefLink(n.ref);
    if (depth < 12) h += TreeHtml(n.children, depth + 1);
    h += "</li>";
  }
  return h + "</ul>";
}

std::string Writer::IndexPage() {
  from_ = IndexPath(code_, kExt);
  std::string b = "<h1>" + Escape(SiteName(o_, code_)) + "</h1>\n<p class=\"lead\">" +
                  Escape(SiteTagline(o_, code_)) + T(lang_, Msg::kHomeIntro) + "</p>\n";
  for (const auto& iri : m_.programmes) {
    const auto& p = m_.views.at(iri);
    b += "<section class=\"programme\"><h2>" + T(lang_, Msg::kProgramme) + ": " +
         A(PagePath(m_, iri, code_, kExt), Pick(p.pref_labels)) + "</h2>";
    if (!p.definitions.empty()) b += "<p>" + Pick(p.definitions) + "</p>";
    const auto [start, end, aims] = ReadProgrammeFacts(p, c_);
    if (!start.empty() || !end.empty() || !aims.empty()) {
      b += "<dl class=\"facts\">";
      if (!start.empty() || !end.empty())
        b += "<dt>" + T(lang_, DocMsg::kPeriod) + "</dt><dd>" + Escape(start) + "–" + Escape(end) + "</dd>";
      if (!aims.empty()) b += "<dt>" + T(lang_, DocMsg::kAims) + "</dt><dd>" + Pick(aims) + "</dd>";
      b += "</dl>";
    }
    b += "</section>\n";
  }
  b += "<section><h2>" + T(lang_, Msg::kSchemes) + "</h2><ul class=\"cards\">";
  for (const auto& s : m_.schemes) {
    Ref r{s.scheme.iri, s.scheme.id, s.scheme.pref_labels};
    b += "<li><h3>" + RefLink(r) + "</h3>";
    if (!s.scheme.definitions.empty()) b += "<p>" + Pick(s.scheme.definitions) + "</p>";
    b += "<p class=\"muted\">" + std::to_string(s.scheme.concept_count) + " " + T(lang_, Msg::kConcepts) + "</p></li>";
  }
  b += "</ul></section>\n";
  auto overview = Diagram(OverviewDiagram(m_, lang_, o_, linker_, from_, kExt));
  if (!overview.empty())
    b += "<section><h2>" + T(lang_, Msg::kOverview) + "</h2><p class=\"muted\">" +
         T(lang_, Msg::kOverviewHint) + "</p>" + overview + "</section>\n";
  b += "<section class=\"toc\"><h2>" + T(lang_, DocMsg::kContents) + "</h2>";
  for (const auto& s : m_.schemes) {
    Ref r{s.scheme.iri, s.scheme.id, s.scheme.pref_labels};
    b += "<h3>" + RefLink(r) + "</h3>" + TreeHtml(s.tree, 0);
  }
  b += "<h3>" + A(SitePath(code_, "register", kExt), T(lang_, Msg::kIndexTitle)) + "</h3>";
  b += "<h3>" + A(SitePath(code_, "bronnen", kExt), T(lang_, DocMsg::kBibliography)) + "</h3>";
  b += "<h3>" + A(SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology)) + "</h3>";
  b += "</section>";
  return Page(from_, SiteName(o_, code_), b, "", "home");
}

std::string Writer::ConceptPage(const vocabulary::ConceptView& c) {
  from_ = PagePath(m_, c.iri, code_, kExt);
  LangText title = vocabulary::PickText(c.pref_labels, code_, c_.languages);
  std::string b;
  // Place in the hierarchy: every path from a top concept.
  const auto& paths = m_.paths.at(c.iri);
  if (!paths.empty() && !(paths.size() == 1 && paths[0].size() == 1)) {
    b += "<nav class=\"breadcrumbs\" aria-label=\"" + T(lang_, Msg::kPlaceInHierarchy) + "\">";
    for (const auto& path : paths) {
      b += "<ol>";
      for (const auto& r : path)
        b += r.iri == c.iri ? "<li aria-current=\"page\">" + Label(r) + "</li>" : "<li>" + RefLink(r) + "</li>";
      b += "</ol>";
    }
    b += "</nav>";
  }
  b += "<h1>" + ui::TextHtml(title.empty() ? LangText{c.iri} : title, lang_) + "</h1>\n";
  b += "<p class=\"meta\">";
  for (const auto& t : c.types) b += "<span class=\"type\">" + RefLink(t) + "</span> ";
  for (const auto& s : c.in_schemes) b += "<span class=\"scheme\">" + T(lang_, Msg::kInScheme) + " " + RefLink(s) + "</span> ";
  b += "</p>\n<p class=\"iri\">" + T(lang_, Msg::kIri) + ": <code>" + Escape(c.iri) + "</code></p>\n";
  // Labels, both languages.
  b += "<section><h2>" + T(lang_, DocMsg::kLabels) + "</h2><table class=\"labels\"><thead><tr><th scope=\"col\">" +
       T(lang_, Msg::kLanguage) + "</th><th scope=\"col\">" + T(lang_, Msg::kPrefLabel) + "</th><th scope=\"col\">" +
       T(lang_, Msg::kAltLabels) + "</th></tr></thead><tbody>";
  LangValues both = c.pref_labels;
  for (const auto& [l, v] : c.alt_labels) both[l];
  for (const auto& l : LanguagesOf(both, c_)) {
    std::string alts;
    if (c.alt_labels.count(l))
      for (const auto& a : c.alt_labels.at(l)) alts += (alts.empty() ? "" : ", ") + Escape(a);
    std::string prefs;
    if (c.pref_labels.count(l))
      for (const auto& p : c.pref_labels.at(l)) prefs += (prefs.empty() ? "" : ", ") + Escape(p);
    std::string lname = l == "nl" ? T(lang_, Msg::kLangNameNl) : l == "en" ? T(lang_, Msg::kLangNameEn) : Escape(l.empty() ? "—" : l);
    b += "<tr><th scope=\"row\">" + lname + "</th><td" + (l.empty() ? "" : " lang=\"" + Escape(l) + "\"") + ">" + prefs +
         "</td><td" + (l.empty() ? "" : " lang=\"" + Escape(l) + "\"") + ">" + alts + "</td></tr>";
  }
  b += "</tbody></table></section>\n";
  // Definition in the page language first, the other languages beside it.
  if (!c.definitions.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kDefinition) + "</h2><div class=\"definition\"><p>" +
         Pick(c.definitions) + "</p></div>";
    auto picked = vocabulary::PickText(c.definitions, code_, c_.languages);
    for (const auto& l : LanguagesOf(c.definitions, c_)) {
      if (l == picked.language) continue;
      for (const auto& d : c.definitions.at(l))
        b += "<div class=\"translation\"" + (l.empty() ? std::string() : " lang=\"" + Escape(l) + "\"") +
             "><span class=\"lang-tag\">" + Escape(l) + "</span> " + Escape(d) + "</div>";
    }
    for (const auto& p : c.derived_from) b += Passage(p);
    b += "</section>\n";
  } else if (!c.derived_from.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kPassage) + "</h2>";
    for (const auto& p : c.derived_from) b += Passage(p);
    b += "</section>\n";
  }
  struct Note { Msg title; const LangValues* values; };
  for (const Note& n : {Note{Msg::kExplanation, &c.explanations}, Note{Msg::kScopeNote, &c.scope_notes},
                        Note{Msg::kNote, &c.notes}, Note{Msg::kEditorialNote, &c.editorial_notes}})
    if (!n.values->empty())
      b += "<section><h2>" + T(lang_, n.title) + "</h2>" + AllLanguages(*n.values, "note") + "</section>\n";
  if (!c.examples.empty() || !c.examples_text.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kExamples) + "</h2>";
    if (!c.examples_text.empty()) b += AllLanguages(c.examples_text, "note");
    for (const auto& e : c.examples) {
      b += "<article class=\"example\"><h3>" +
           Pick(!e.titles.empty() ? e.titles : e.labels) + "</h3>";
      if (!e.texts.empty()) b += "<p>" + Pick(e.texts) + "</p>";
      b += "</article>";
    }
    b += "</section>\n";
  }
  auto diagram = Diagram(NeighbourhoodDiagram(m_, c, lang_, o_, linker_, from_, kExt));
  if (!diagram.empty())
    b += "<section><h2>" + T(lang_, Msg::kDiagram) + "</h2><p class=\"muted\">" +
         T(lang_, Msg::kDiagramHint) + "</p>" + diagram + "</section>\n";
  if (!c.broader.empty() || !c.narrower.empty() || !c.related.empty() || !c.relations.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kRelations) + "</h2><dl class=\"relations\">";
    if (!c.broader.empty()) b += "<dt>" + T(lang_, Msg::kBroader) + "</dt><dd>" + RefList(c.broader) + "</dd>";
    if (!c.narrower.empty()) b += "<dt>" + T(lang_, Msg::kNarrower) + "</dt><dd>" + RefList(c.narrower) + "</dd>";
    if (!c.related.empty()) b += "<dt>" + T(lang_, Msg::kRelated) + "</dt><dd>" + RefList(c.related) + "</dd>";
    for (const auto& g : GroupByProperty(c.relations))
      b += "<dt>" + RefLink(g.property) + "</dt><dd>" + RefList(g.targets) + "</dd>";
    b += "</dl></section>\n";
  }
  if (!c.attributes.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kProperties) + "</h2><dl class=\"relations\">";
    for (const auto& a : c.attributes) {
      Ref prop{a.property, "", a.property_labels};
      b += "<dt>" + RefLink(prop) + "</dt><dd>";
      for (const auto& v : a.values)
        b += "<div" + (v.language.empty() ? std::string() : " lang=\"" + Escape(v.language) + "\"") + ">" +
             Escape(v.text) + "</div>";
      b += "</dd>";
    }
    b += "</dl></section>\n";
  }
  if (!c.works.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kWorksCited) + "</h2><ul class=\"references\">";
    for (const auto& w : c.works) b += "<li>" + Reference(w, true) + "</li>";
    b += "</ul>";
    bool any = false;
    for (const auto& s : c.shared_works) any = any || !s.concepts.empty();
    if (any) {
      b += "<h3>" + T(lang_, Msg::kSharedWorks) + "</h3><ul class=\"shared\">";
      for (const auto& s : c.shared_works) {
        if (s.concepts.empty()) continue;
        std::string names;
        for (const auto& r : s.concepts) names += (names.empty() ? "" : " · ") + RefLink(r);
        b += "<li>" + RefLink(s.work) + ": " + names + "</li>";
      }
      b += "</ul>";
    }
    b += "</section>\n";
  }
  if (!c.sources.empty())
    b += "<section><h2>" + T(lang_, Msg::kSource) + "</h2>" + RefList(c.sources) + "</section>\n";
  return Page(from_, title.empty() ? c.iri : title.text, b, m_.jsonld.at(c.iri), "");
}

std::string Writer::SchemePage(const ui::SchemeTree& s) {
  from_ = PagePath(m_, s.scheme.iri, code_, kExt);
  LangText title = vocabulary::PickText(s.scheme.pref_labels, code_, c_.languages);
  std::string b = "<p class=\"meta\">" + T(lang_, Msg::kScheme) + "</p><h1>" + ui::TextHtml(title, lang_) + "</h1>";
  b += "<p class=\"iri\">" + T(lang_, Msg::kIri) + ": <code>" + Escape(s.scheme.iri) + "</code></p>";
  if (!s.scheme.definitions.empty()) b += "<p>" + Pick(s.scheme.definitions) + "</p>";
  b += "<p class=\"muted\">" + std::to_string(s.scheme.concept_count) + " " + T(lang_, Msg::kConcepts) + "</p>";
  if (!s.scheme.top_concepts.empty())
    b += "<h2>" + T(lang_, Msg::kTopConcepts) + "</h2>" + RefList(s.scheme.top_concepts);
  b += "<h2>" + T(lang_, DocMsg::kSchemeConcepts) + "</h2>" + TreeHtml(s.tree, 0);
  return Page(from_, title.empty() ? s.scheme.iri : title.text, b, m_.jsonld.at(s.scheme.iri), "");
}

std::string Writer::WorkPage(const vocabulary::WorkView& v) {
  const auto& w = v.work;
  from_ = PagePath(m_, w.iri, code_, kExt);
  LangText title = vocabulary::PickText(w.titles, code_, c_.languages);
  if (title.empty()) title = vocabulary::PickText(w.labels, code_, c_.languages);
  std::string b = "<p class=\"meta\">" + T(lang_, Msg::kWork) + "</p><h1>" +
                  ui::TextHtml(title.empty() ? LangText{w.iri} : title, lang_) + "</h1>";
  b += "<p class=\"iri\">" + T(lang_, Msg::kIri) + ": <code>" + Escape(w.iri) + "</code></p>";
  b += "<section><h2>" + T(lang_, DocMsg::kApaReference) + "</h2><p>" + Reference(w, false) + "</p>";
  if (!w.citation.empty())
    b += "<h3>" + T(lang_, Msg::kCitationAsPrinted) + "</h3><blockquote lang=\"nl\"><p>" + Escape(w.citation) +
         "</p></blockquote>";
  b += "</section><section><h2>" + T(lang_, DocMsg::kDetails) + "</h2><dl class=\"facts\">";
  if (!w.authors.empty()) b += "<dt>" + T(lang_, Msg::kAuthors) + "</dt><dd>" + RefList(w.authors) + "</dd>";
  if (!w.year.empty() || !w.date.empty())
    b += "<dt>" + T(lang_, Msg::kYear) + "</dt><dd>" + Escape(w.date.empty() ? w.year : w.date) + "</dd>";
  if (w.part_of) b += "<dt>" + T(lang_, Msg::kPublishedIn) + "</dt><dd>" + RefLink(*w.part_of) + "</dd>";
  if (!w.publishers.empty()) b += "<dt>" + T(lang_, Msg::kPublisher) + "</dt><dd>" + RefList(w.publishers) + "</dd>";
  if (!w.place.empty()) b += "<dt>" + T(lang_, Msg::kPlace) + "</dt><dd>" + Escape(w.place) + "</dd>";
  if (!w.url.empty())
    b += "<dt>" + T(lang_, Msg::kLink) + "</dt><dd><a class=\"url\" href=\"" + EscapeUrl(w.url) + "\">" + Escape(w.url) + "</a></dd>";
  else if (!w.link_text.empty())
    b += "<dt>" + T(lang_, Msg::kLink) + "</dt><dd>" + Escape(w.link_text) + "</dd>";
  b += "</dl>";
  if (!w.editorial_notes.empty()) b += "<h3>" + T(lang_, Msg::kEditorialNote) + "</h3>" + AllLanguages(w.editorial_notes, "note");
  b += "</section><section><h2>" + T(lang_, Msg::kCitingConcepts) + "</h2>";
  b += v.citing_concepts.empty() ? "<p class=\"muted\">" + T(lang_, Msg::kCitedByNone) + "</p>" : RefList(v.citing_concepts);
  b += "</section>";
  if (!v.citing_passages.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kCitingPassages) + "</h2>";
    for (const auto& p : v.citing_passages) b += Passage(p);
    b += "</section>";
  }
  if (!v.footnotes.empty()) {
    b += "<section><h2>" + T(lang_, Msg::kFootnotes) + "</h2><ul class=\"refs\">";
    for (const auto& f : v.footnotes) b += "<li>" + T(lang_, Msg::kFootnote) + " " + Escape(f.number) + ": " + Escape(f.citation) + "</li>";
    b += "</ul></section>";
  }
  return Page(from_, title.empty() ? w.iri : title.text, b, m_.jsonld.at(w.iri), "bronnen");
}

std::string Writer::BibliographyPage() {
  from_ = SitePath(code_, "bronnen", kExt);
  std::string b = "<h1>" + T(lang_, DocMsg::kBibliography) + "</h1><p class=\"lead\">" +
                  T(lang_, DocMsg::kBibliographyIntro) + "</p><ul class=\"bibliography\">";
  std::set<std::string> anchors;
  for (const auto& v : m_.works) {
    if (m_.containers.count(v.work.iri)) continue;
    // An id of letters, digits, '-' and '_' (what HTML tools accept) from
    // the slug, unique on the page.
    std::string anchor = "ref-";
    for (char ch : m_.pages.at(v.work.iri).substr(5)) anchor += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' ? ch : '_';
    for (std::string base = anchor; !anchors.insert(anchor).second;) anchor = base + "_" + std::to_string(anchors.size());
    b += "<li id=\"" + Escape(anchor) + "\"><p>" + Reference(v.work, true) + "</p>";
    if (!v.citing_concepts.empty())
      b += "<p class=\"cited-by\">" + T(lang_, Msg::kCitedBy) + ": " + [&] {
        std::string s;
        for (const auto& r : v.citing_concepts) s += (s.empty() ? "" : " · ") + RefLink(r);
        return s;
      }() + "</p>";
    b += "</li>";
  }
  b += "</ul>";
  return Page(from_, std::string(Tr(lang_, DocMsg::kBibliography)), b, "", "bronnen");
}

std::string Writer::RegisterPage() {
  from_ = SitePath(code_, "register", kExt);
  auto entries = vocabulary::AlphabeticalIndex(m_.concepts, code_, c_);
  std::vector<std::string> letters;
  for (const auto& e : entries)
    if (letters.empty() || letters.back() != e.letter) letters.push_back(e.letter);
  auto anchor = [](const std::string& letter) {
    std::string a = "letter-";
    for (unsigned char ch : letter) {
      static const char* hex = "0123456789ABCDEF";
      if (std::isalnum(ch)) a += static_cast<char>(ch);
      else { a += hex[ch >> 4]; a += hex[ch & 15]; }
    }
    return a;
  };
  std::string b = "<h1>" + T(lang_, Msg::kIndexTitle) + "</h1>";
  b += "<nav aria-label=\"" + T(lang_, Msg::kIndexLetters) + "\"><ul class=\"letters\">";
  for (const auto& l : letters) b += "<li><a href=\"#" + anchor(l) + "\">" + Escape(l) + "</a></li>";
  b += "</ul></nav>";
  if (entries.empty()) b += "<p>" + T(lang_, DocMsg::kNoConcepts) + "</p>";
  std::string open;
  for (const auto& e : entries) {
    if (e.letter != open) {
      if (!open.empty()) b += "</ul></section>";
      open = e.letter;
      b += "<section><h2 id=\"" + anchor(open) + "\">" + Escape(open) + "</h2><ul class=\"index\">";
    }
    std::string to = PagePath(m_, e.iri, code_, kExt);
    if (e.is_alt)
      b += "<li class=\"alt\">" + Escape(e.label) + " <span class=\"muted\">" + T(lang_, Msg::kIndexUse) + "</span> " +
           A(to, ui::TextHtml(e.pref_label, lang_)) + "</li>";
    else
      b += "<li>" + A(to, ui::TextHtml(e.pref_label, lang_)) + "</li>";
  }
  if (!open.empty()) b += "</ul></section>";
  return Page(from_, std::string(ui::Tr(lang_, Msg::kIndexTitle)), b, "", "register");
}

std::string Writer::OntologyIndexPage() {
  from_ = SitePath(code_, "ontologie/index", kExt);
  std::string b = "<h1>" + T(lang_, DocMsg::kOntology) + "</h1><p class=\"lead\">" + T(lang_, DocMsg::kOntologyIntro) + "</p>";
  for (auto kind : {vocabulary::OntologyTerm::Kind::kClass, vocabulary::OntologyTerm::Kind::kProperty}) {
    bool is_class = kind == vocabulary::OntologyTerm::Kind::kClass;
    b += "<section><h2>" + T(lang_, is_class ? DocMsg::kClasses : DocMsg::kOntProperties) + "</h2>"
         "<table class=\"terms\"><thead><tr><th scope=\"col\">" + T(lang_, DocMsg::kLabel) + "</th><th scope=\"col\">IRI</th>";
    if (!is_class) b += "<th scope=\"col\">" + T(lang_, DocMsg::kDomain) + "</th><th scope=\"col\">" + T(lang_, DocMsg::kRange) + "</th>";
    b += "<th scope=\"col\" class=\"num\">" + T(lang_, DocMsg::kUsage) + "</th></tr></thead><tbody>";
    for (const auto& t : m_.terms) {
      if (t.kind != kind) continue;
      b += "<tr><td>" + A(PagePath(m_, t.iri, code_, kExt), t.labels.empty() ? Escape(t.local_name) : Pick(t.labels)) +
           "</td><td><code>ul:" + Escape(t.local_name) + "</code></td>";
      if (!is_class) {
        auto join = [&](const std::vector<Ref>& refs) {
          std::string s;
          for (const auto& r : refs) s += (s.empty() ? "" : ", ") + RefLink(r);
          return s;
        };
        b += "<td>" + join(t.domains) + "</td><td>" + join(t.ranges) + "</td>";
      }
      b += "<td class=\"num\">" + std::to_string(t.usage_count) + "</td></tr>";
    }
    b += "</tbody></table></section>";
  }
  return Page(from_, std::string(Tr(lang_, DocMsg::kOntology)), b, "", "ontologie");
}

std::string Writer::TermPage(const vocabulary::OntologyTerm& t) {
  from_ = PagePath(m_, t.iri, code_, kExt);
  bool is_class = t.kind == vocabulary::OntologyTerm::Kind::kClass;
  LangText title = vocabulary::PickText(t.labels, code_, c_.languages);
  std::string b = "<p class=\"meta\">" + T(lang_, is_class ? DocMsg::kClass : DocMsg::kProperty) + " · " +
                  A(SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology)) + "</p><h1>" +
                  (title.empty() ? Escape(t.local_name) : ui::TextHtml(title, lang_)) + "</h1>";
  b += "<p class=\"iri\">" + T(lang_, Msg::kIri) + ": <code>" + Escape(t.iri) + "</code> (<code>ul:" + Escape(t.local_name) + "</code>)</p>";
  if (!t.labels.empty()) b += "<section><h2>" + T(lang_, DocMsg::kLabel) + "</h2>" + AllLanguages(t.labels, "note") + "</section>";
  if (!t.comments.empty()) b += "<section><h2>" + T(lang_, DocMsg::kComment) + "</h2>" + AllLanguages(t.comments, "note") + "</section>";
  b += "<section><h2>" + T(lang_, DocMsg::kDetails) + "</h2><dl class=\"facts\">";
  if (!t.types.empty()) b += "<dt>" + T(lang_, Msg::kTypes) + "</dt><dd>" + RefList(t.types) + "</dd>";
  if (!t.supers.empty())
    b += "<dt>" + T(lang_, is_class ? DocMsg::kSuperClass : DocMsg::kSuperProperty) + "</dt><dd>" + RefList(t.supers) + "</dd>";
  if (!t.subs.empty()) b += "<dt>" + T(lang_, DocMsg::kSubTerms) + "</dt><dd>" + RefList(t.subs) + "</dd>";
  if (!t.domains.empty()) b += "<dt>" + T(lang_, DocMsg::kDomain) + "</dt><dd>" + RefList(t.domains) + "</dd>";
  if (!t.ranges.empty()) b += "<dt>" + T(lang_, DocMsg::kRange) + "</dt><dd>" + RefList(t.ranges) + "</dd>";
  if (!t.inverses.empty()) b += "<dt>" + T(lang_, DocMsg::kInverse) + "</dt><dd>" + RefList(t.inverses) + "</dd>";
  b += "<dt>" + T(lang_, DocMsg::kUsage) + "</dt><dd>" + std::to_string(t.usage_count) + " " +
       T(lang_, is_class ? DocMsg::kInstances : DocMsg::kTriples) + "</dd></dl></section>";
  return Page(from_, title.empty() ? t.local_name : title.text, b, m_.jsonld.at(t.iri), "ontologie");
}

Status Writer::Write(Site& site) {
  site[IndexPath(code_, kExt)] = IndexPage();
  for (const auto& [iri, view] : m_.views) site[PagePath(m_, iri, code_, kExt)] = ConceptPage(view);
  for (const auto& s : m_.schemes)
    if (m_.pages.at(s.scheme.iri).rfind("schema/", 0) == 0) site[PagePath(m_, s.scheme.iri, code_, kExt)] = SchemePage(s);
  for (const auto& w : m_.works)
    if (m_.pages.at(w.work.iri).rfind("werk/", 0) == 0) site[PagePath(m_, w.work.iri, code_, kExt)] = WorkPage(w);
  site[SitePath(code_, "bronnen", kExt)] = BibliographyPage();
  site[SitePath(code_, "register", kExt)] = RegisterPage();
  site[SitePath(code_, "ontologie/index", kExt)] = OntologyIndexPage();
  for (const auto& t : m_.terms)
    if (m_.pages.at(t.iri).rfind("ontologie/", 0) == 0) site[PagePath(m_, t.iri, code_, kExt)] = TermPage(t);
  return diagram_status_;
}

}  // namespace

Status AddHtmlPages(const Model& model, ui::Lang lang, const DocsOptions& options, Site& site) {
  Writer w(model, lang, options);
  return w.Write(site);
}

}  // namespace kg::docs

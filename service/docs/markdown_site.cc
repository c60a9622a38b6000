// The Markdown pages (GitHub-flavoured): the same content as the HTML pages
// with relative links between .md files and the diagrams as Mermaid blocks
// built from the same diagram structs as the SVGs.
#include <algorithm>

#include "docs/apa.h"
#include "docs/html_site.h"
#include "docs/strings.h"

namespace kg::docs {
namespace {

using ui::Lang;
using ui::Msg;
using vocabulary::Config;
using vocabulary::LangText;
using vocabulary::LangValues;
using vocabulary::Ref;

constexpr std::string_view kExt = ".md";

// Text as Markdown inline content: every character with a Markdown meaning
// is backslash-escaped, line breaks become spaces, so graph data cannot
// open a link, emphasis or HTML.
std::string Md(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '~': case '&':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// A URL as a link destination: inside <...>, with the characters that
// would end it percent-encoded.
std::string MdUrl(std::string_view url) {
  std::string out = "<";
  for (unsigned char c : url) {
    if (c == '<' || c == '>' || c == ' ' || c == '\\' || c < 0x20) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ">";
}

std::string T(Lang l, Msg m) { return Md(ui::Tr(l, m)); }
std::string T(Lang l, DocMsg m) { return Md(Tr(l, m)); }

class Writer {
 public:
  Writer(const Model& m, Lang lang, const DocsOptions& o)
      : m_(m), lang_(lang), code_(ui::Code(lang)), o_(o), c_(o.vocabulary), linker_(o.base_url) {}
  void Write(Site& site);

 private:
  std::string Link(const std::string& to, const std::string& md) const {
    return "[" + md + "](" + MdUrl(linker_.Href(from_, to)) + ")";
  }
  std::string Text(const LangText& t) const {
    std::string s = Md(t.text);
    if (t.fallback && !t.language.empty()) s += " (" + Md(t.language) + ")";
    return s;
  }
  std::string Pick(const LangValues& v) const { return Text(vocabulary::PickText(v, code_, c_.languages)); }
  std::string Label(const Ref& r) const {
    if (r.labels.empty()) return Md(vocabulary::RefLabel(r, code_, c_).text);  // local name, no fallback
    return Text(vocabulary::RefLabel(r, code_, c_));
  }
  std::string RefLink(const Ref& r) const {
    std::string to = PagePath(m_, r.iri, code_, kExt);
    if (!to.empty()) return Link(to, Label(r));
    if (r.iri.rfind("http", 0) == 0) return "[" + Label(r) + "](" + MdUrl(r.iri) + ")";
    return Label(r);
  }
  std::string RefList(const std::vector<Ref>& refs) const {
    std::string s;
    for (const auto& r : refs) s += "- " + RefLink(r) + "\n";
    return s + "\n";
  }
  std::string Inline(const std::vector<Ref>& refs) const {
    std::string s;
    for (const auto& r : refs) s += (s.empty() ? "" : " · ") + RefLink(r);
    return s;
  }
  std::string AllLanguages(const LangValues& v) const {
    std::string s;
    for (const auto& l : LanguagesOf(v, c_))
      for (const auto& text : v.at(l)) s += "- **" + Md(l.empty() ? "—" : l) + "** " + Md(text) + "\n";
    return s + "\n";
  }
  std::string Reference(const vocabulary::Work& w, bool link) const {
    std::string s;
    for (const auto& seg : ApaReference(w, code_, c_)) {
      std::string t = seg.url.empty() ? Md(seg.text) : "[" + Md(seg.text) + "](" + MdUrl(seg.url) + ")";
      if (seg.italic && !seg.text.empty()) t = "*" + t + "*";
      s += t;
    }
    std::string to = PagePath(m_, w.iri, code_, kExt);
    if (link && !to.empty()) s += " " + Link(to, "→");
    return s;
  }
  std::string Passage(const vocabulary::Passage& p) const {
    std::string s = "> " + Md(p.exact) + "\n>\n> — ";
    if (!p.source.iri.empty()) s += "*" + RefLink(p.source) + "*";
    std::string where;
    if (!p.section.empty()) where += std::string(ui::Tr(lang_, Msg::kSection)) + " “" + p.section + "”";
    if (p.paragraph) where += (where.empty() ? "" : ", ") + std::string(ui::Tr(lang_, Msg::kParagraph)) + " " + std::to_string(*p.paragraph);
    if (!p.list_item.empty()) where += (where.empty() ? "" : ", ") + std::string(ui::Tr(lang_, Msg::kListItem)) + " " + p.list_item;
    if (!where.empty()) s += ", " + Md(where);
    s += "\n";
    for (const auto& fn : p.footnotes) {
      s += ">\n> " + T(lang_, Msg::kFootnote) + " " + Md(fn.number) + ": " + Md(fn.citation);
      for (const auto& w : fn.works) s += " " + RefLink(w);
      s += "\n";
    }
    return s + "\n";
  }
  std::string Mermaid(const diagram::Diagram& d) const;
  std::string JsonLd(const std::string& iri) const {
    auto it = m_.jsonld.find(iri);
    if (it == m_.jsonld.end()) return "";
    std::string fence = "```";
    while (it->second.find(fence) != std::string::npos) fence += "`";
    return "<details>\n<summary>" + T(lang_, DocMsg::kEmbeddedData) + "</summary>\n\n" + fence + "json\n" +
           it->second + "\n" + fence + "\n\n</details>\n";
  }
  std::string Nav() const {
    std::string s = Link(IndexPath(code_, kExt), T(lang_, Msg::kNavHome)) + " · " +
                    Link(SitePath(code_, "register", kExt), T(lang_, Msg::kNavIndex)) + " · " +
                    Link(SitePath(code_, "bronnen", kExt), T(lang_, DocMsg::kBibliography)) + " · " +
                    Link(SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology));
    for (const auto& other : o_.languages)
      if (other != code_)
        s += " · " + Link(other + from_.substr(code_.size()), Md(ui::NativeName(ToLang(other))));
    return s + "\n\n";
  }
  std::string Tree(const std::vector<vocabulary::TreeNode>& nodes, int depth) const {
    std::string s;
    for (const auto& n : nodes) {
      s += std::string(depth * 2, ' ') + "- " + RefLink(n.ref) + "\n";
      if (depth < 12) s += Tree(n.children, depth + 1);
    }
    return s;
  }

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
};

// A Mermaid flowchart of the same nodes and edges as the SVG; node links
// become `click` lines.
std::string Writer::Mermaid(const diagram::Diagram& d) const {
  if (d.nodes.size() < 2) return "";
  std::map<std::string, std::string> ids;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) ids[d.nodes[i].id] = "n" + std::to_string(i);
  auto label = [](const std::string& text) {
    std::string s;
    for (char c : text) {
      if (c == '"') s += "#quot;";
      else if (c == '\n') s += "<br>";
      else if (c == '<') s += "#lt;";
      else if (c == '>') s += "#gt;";
      else if (c == '#') s += "#35;";
      else s += c;
    }
    return s;
  };
  std::string s = "```mermaid\nflowchart " + std::string(d.left_to_right ? "LR" : "TB") + "\n";
  for (std::size_t i = 0; i < d.nodes.size(); ++i)
    s += "  n" + std::to_string(i) + "[\"" + label(d.nodes[i].label) + "\"]\n";
  for (const auto& e : d.edges) {
    if (!ids.count(e.from) || !ids.count(e.to)) continue;
    std::string arrow = e.style == diagram::EdgeStyle::kSolid ? "-->" : "-.->";
    s += "  " + ids[e.from] + " " + arrow + (e.label.empty() ? "" : "|\"" + label(e.label) + "\"|") + " " + ids[e.to] + "\n";
  }
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    if (d.nodes[i].url.empty()) continue;
    s += "  click n" + std::to_string(i) + " \"" + label(d.nodes[i].url) + "\"\n";
    if (d.nodes[i].style == diagram::NodeStyle::kFocus) s += "  style n" + std::to_string(i) + " fill:#1f4e79,color:#ffffff\n";
  }
  return s + "```\n\n";
}

std::string Writer::IndexPage() {
  from_ = IndexPath(code_, kExt);
  std::string s = Nav() + "# " + Md(SiteName(o_, code_)) + "\n\n" + Md(SiteTagline(o_, code_)) +
                  T(lang_, Msg::kHomeIntro) + "\n\n";
  for (const auto& iri : m_.programmes) {
    const auto& p = m_.views.at(iri);
    s += "## " + T(lang_, Msg::kProgramme) + ": " + Link(PagePath(m_, iri, code_, kExt), Pick(p.pref_labels)) + "\n\n";
    if (!p.definitions.empty()) s += Pick(p.definitions) + "\n\n";
    const auto [start, end, aims] = ReadProgrammeFacts(p, c_);
    if (!start.empty() || !end.empty()) s += "- **" + T(lang_, DocMsg::kPeriod) + "**: " + Md(start) + "–" + Md(end) + "\n";
    if (!aims.empty()) s += "- **" + T(lang_, DocMsg::kAims) + "**: " + Pick(aims) + "\n";
    s += "\n";
  }
  s += "## " + T(lang_, Msg::kSchemes) + "\n\n";
  for (const auto& sc : m_.schemes) {
    Ref r{sc.scheme.iri, sc.scheme.id, sc.scheme.pref_labels};
    s += "- " + RefLink(r) + " (" + std::to_string(sc.scheme.concept_count) + " " + T(lang_, Msg::kConcepts) + ")";
    if (!sc.scheme.definitions.empty()) s += ": " + Pick(sc.scheme.definitions);
    s += "\n";
  }
  s += "\n";
  auto overview = Mermaid(OverviewDiagram(m_, lang_, o_, linker_, from_, kExt));
  if (!overview.empty()) s += "## " + T(lang_, Msg::kOverview) + "\n\n" + overview;
  s += "## " + T(lang_, DocMsg::kContents) + "\n\n";
  for (const auto& sc : m_.schemes) {
    Ref r{sc.scheme.iri, sc.scheme.id, sc.scheme.pref_labels};
    s += "### " + RefLink(r) + "\n\n" + Tree(sc.tree, 0) + "\n";
  }
  s += "- " + Link(SitePath(code_, "register", kExt), T(lang_, Msg::kIndexTitle)) + "\n- " +
       Link(SitePath(code_, "bronnen", kExt), T(lang_, DocMsg::kBibliography)) + "\n- " +
       Link(SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology)) + "\n";
  return s;
}

std::string Writer::ConceptPage(const vocabulary::ConceptView& c) {
  from_ = PagePath(m_, c.iri, code_, kExt);
  LangText title = vocabulary::PickText(c.pref_labels, code_, c_.languages);
  std::string s = Nav();
  const auto& paths = m_.paths.at(c.iri);
  if (!paths.empty() && !(paths.size() == 1 && paths[0].size() == 1)) {
    for (const auto& path : paths) {
      std::string line;
      for (const auto& r : path) line += (line.empty() ? "" : " › ") + (r.iri == c.iri ? Label(r) : RefLink(r));
      s += line + "  \n";
    }
    s += "\n";
  }
  s += "# " + (title.empty() ? Md(c.iri) : Text(title)) + "\n\n";
  for (const auto& t : c.types) s += "*" + RefLink(t) + "* ";
  for (const auto& sc : c.in_schemes) s += "· " + T(lang_, Msg::kInScheme) + " " + RefLink(sc) + " ";
  s += "\n\n" + T(lang_, Msg::kIri) + ": `" + c.iri + "`\n\n";
  s += "## " + T(lang_, DocMsg::kLabels) + "\n\n| " + T(lang_, Msg::kLanguage) + " | " + T(lang_, Msg::kPrefLabel) +
       " | " + T(lang_, Msg::kAltLabels) + " |\n|---|---|---|\n";
  LangValues both = c.pref_labels;
  for (const auto& [l, v] : c.alt_labels) both[l];
  for (const auto& l : LanguagesOf(both, c_)) {
    std::string prefs, alts;
    if (c.pref_labels.count(l)) for (const auto& p : c.pref_labels.at(l)) prefs += (prefs.empty() ? "" : ", ") + Md(p);
    if (c.alt_labels.count(l)) for (const auto& a : c.alt_labels.at(l)) alts += (alts.empty() ? "" : ", ") + Md(a);
    std::string lname = l == "nl" ? T(lang_, Msg::kLangNameNl) : l == "en" ? T(lang_, Msg::kLangNameEn) : Md(l.empty() ? "—" : l);
    s += "| " + lname + " | " + prefs + " | " + alts + " |\n";
  }
  s += "\n";
  if (!c.definitions.empty() || !c.derived_from.empty()) {
    s += "## " + T(lang_, c.definitions.empty() ? Msg::kPassage : Msg::kDefinition) + "\n\n";
    if (!c.definitions.empty()) {
      s += Pick(c.definitions) + "\n\n";
      auto picked = vocabulary::PickText(c.definitions, code_, c_.languages);
      for (const auto& l : LanguagesOf(c.definitions, c_)) {
        if (l == picked.language) continue;
        for (const auto& d : c.definitions.at(l)) s += "*" + Md(l) + "*: " + Md(d) + "\n\n";
      }
    }
    for (const auto& p : c.derived_from) s += Passage(p);
  }
  struct Note { Msg title; const LangValues* values; };
  for (const Note& n : {Note{Msg::kExplanation, &c.explanations}, Note{Msg::kScopeNote, &c.scope_notes},
                        Note{Msg::kNote, &c.notes}, Note{Msg::kEditorialNote, &c.editorial_notes}})
    if (!n.values->empty()) s += "## " + T(lang_, n.title) + "\n\n" + AllLanguages(*n.values);
  if (!c.examples.empty() || !c.examples_text.empty()) {
    s += "## " + T(lang_, Msg::kExamples) + "\n\n";
    if (!c.examples_text.empty()) s += AllLanguages(c.examples_text);
    for (const auto& e : c.examples) {
      s += "### " + Pick(!e.titles.empty() ? e.titles : e.labels) + "\n\n";
      if (!e.texts.empty()) s += Pick(e.texts) + "\n\n";
    }
  }
  auto diagram = Mermaid(NeighbourhoodDiagram(m_, c, lang_, o_, linker_, from_, kExt));
  if (!diagram.empty()) s += "## " + T(lang_, Msg::kDiagram) + "\n\n" + diagram;
  if (!c.broader.empty() || !c.narrower.empty() || !c.related.empty() || !c.relations.empty()) {
    s += "## " + T(lang_, Msg::kRelations) + "\n\n";
    if (!c.broader.empty()) s += "- **" + T(lang_, Msg::kBroader) + "**: " + Inline(c.broader) + "\n";
    if (!c.narrower.empty()) s += "- **" + T(lang_, Msg::kNarrower) + "**: " + Inline(c.narrower) + "\n";
    if (!c.related.empty()) s += "- **" + T(lang_, Msg::kRelated) + "**: " + Inline(c.related) + "\n";
    for (const auto& g : GroupByProperty(c.relations))
      s += "- **" + RefLink(g.property) + "**: " + Inline(g.targets) + "\n";
    s += "\n";
  }
  if (!c.attributes.empty()) {
    s += "## " + T(lang_, Msg::kProperties) + "\n\n";
    for (const auto& a : c.attributes) {
      Ref prop{a.property, "", a.property_labels};
      std::string values;
      for (const auto& v : a.values) values += (values.empty() ? "" : "; ") + Md(v.text);
      s += "- **" + RefLink(prop) + "**: " + values + "\n";
    }
    s += "\n";
  }
  if (!c.works.empty()) {
    s += "## " + T(lang_, Msg::kWorksCited) + "\n\n";
    for (const auto& w : c.works) s += "- " + Reference(w, true) + "\n";
    s += "\n";
    std::string shared;
    for (const auto& sw : c.shared_works)
      if (!sw.concepts.empty()) shared += "- " + RefLink(sw.work) + ": " + Inline(sw.concepts) + "\n";
    if (!shared.empty()) s += "### " + T(lang_, Msg::kSharedWorks) + "\n\n" + shared + "\n";
  }
  if (!c.sources.empty()) s += "## " + T(lang_, Msg::kSource) + "\n\n" + RefList(c.sources);
  return s + JsonLd(c.iri);
}

std::string Writer::SchemePage(const ui::SchemeTree& sc) {
  from_ = PagePath(m_, sc.scheme.iri, code_, kExt);
  std::string s = Nav() + "# " + Pick(sc.scheme.pref_labels) + "\n\n*" + T(lang_, Msg::kScheme) + "* · " +
                  T(lang_, Msg::kIri) + ": `" + sc.scheme.iri + "`\n\n";
  if (!sc.scheme.definitions.empty()) s += Pick(sc.scheme.definitions) + "\n\n";
  s += std::to_string(sc.scheme.concept_count) + " " + T(lang_, Msg::kConcepts) + "\n\n";
  if (!sc.scheme.top_concepts.empty()) s += "## " + T(lang_, Msg::kTopConcepts) + "\n\n" + RefList(sc.scheme.top_concepts);
  s += "## " + T(lang_, DocMsg::kSchemeConcepts) + "\n\n" + Tree(sc.tree, 0) + "\n";
  return s + JsonLd(sc.scheme.iri);
}

std::string Writer::WorkPage(const vocabulary::WorkView& v) {
  const auto& w = v.work;
  from_ = PagePath(m_, w.iri, code_, kExt);
  LangText title = vocabulary::PickText(w.titles, code_, c_.languages);
  if (title.empty()) title = vocabulary::PickText(w.labels, code_, c_.languages);
  std::string s = Nav() + "# " + (title.empty() ? Md(w.iri) : Text(title)) + "\n\n*" + T(lang_, Msg::kWork) +
                  "* · " + T(lang_, Msg::kIri) + ": `" + w.iri + "`\n\n";
  s += "## " + T(lang_, DocMsg::kApaReference) + "\n\n" + Reference(w, false) + "\n\n";
  if (!w.citation.empty()) s += "### " + T(lang_, Msg::kCitationAsPrinted) + "\n\n> " + Md(w.citation) + "\n\n";
  s += "## " + T(lang_, DocMsg::kDetails) + "\n\n";
  if (!w.authors.empty()) s += "- **" + T(lang_, Msg::kAuthors) + "**: " + Inline(w.authors) + "\n";
  if (!w.year.empty() || !w.date.empty()) s += "- **" + T(lang_, Msg::kYear) + "**: " + Md(w.date.empty() ? w.year : w.date) + "\n";
  if (w.part_of) s += "- **" + T(lang_, Msg::kPublishedIn) + "**: " + RefLink(*w.part_of) + "\n";
  if (!w.publishers.empty()) s += "- **" + T(lang_, Msg::kPublisher) + "**: " + Inline(w.publishers) + "\n";
  if (!w.place.empty()) s += "- **" + T(lang_, Msg::kPlace) + "**: " + Md(w.place) + "\n";
  if (!w.url.empty()) s += "- **" + T(lang_, Msg::kLink) + "**: [" + Md(w.url) + "](" + MdUrl(w.url) + ")\n";
  else if (!w.link_text.empty()) s += "- **" + T(lang_, Msg::kLink) + "**: " + Md(w.link_text) + "\n";
  s += "\n";
  if (!w.editorial_notes.empty()) s += "### " + T(lang_, Msg::kEditorialNote) + "\n\n" + AllLanguages(w.editorial_notes);
  s += "## " + T(lang_, Msg::kCitingConcepts) + "\n\n" +
       (v.citing_concepts.empty() ? T(lang_, Msg::kCitedByNone) + "\n\n" : RefList(v.citing_concepts));
  if (!v.citing_passages.empty()) {
    s += "## " + T(lang_, Msg::kCitingPassages) + "\n\n";
    for (const auto& p : v.citing_passages) s += Passage(p);
  }
  if (!v.footnotes.empty()) {
    s += "## " + T(lang_, Msg::kFootnotes) + "\n\n";
    for (const auto& f : v.footnotes) s += "- " + T(lang_, Msg::kFootnote) + " " + Md(f.number) + ": " + Md(f.citation) + "\n";
    s += "\n";
  }
  return s + JsonLd(w.iri);
}

std::string Writer::BibliographyPage() {
  from_ = SitePath(code_, "bronnen", kExt);
  std::string s = Nav() + "# " + T(lang_, DocMsg::kBibliography) + "\n\n" + T(lang_, DocMsg::kBibliographyIntro) + "\n\n";
  for (const auto& v : m_.works) {
    if (m_.containers.count(v.work.iri)) continue;
    s += "- " + Reference(v.work, true);
    if (!v.citing_concepts.empty()) s += "  \n  " + T(lang_, Msg::kCitedBy) + ": " + Inline(v.citing_concepts);
    s += "\n";
  }
  return s;
}

std::string Writer::RegisterPage() {
  from_ = SitePath(code_, "register", kExt);
  auto entries = vocabulary::AlphabeticalIndex(m_.concepts, code_, c_);
  std::string s = Nav() + "# " + T(lang_, Msg::kIndexTitle) + "\n\n";
  std::string open;
  for (const auto& e : entries) {
    if (e.letter != open) {
      open = e.letter;
      s += "\n## " + Md(open) + "\n\n";
    }
    std::string to = PagePath(m_, e.iri, code_, kExt);
    if (e.is_alt) s += "- " + Md(e.label) + " — " + T(lang_, Msg::kIndexUse) + " " + Link(to, Text(e.pref_label)) + "\n";
    else s += "- " + Link(to, Text(e.pref_label)) + "\n";
  }
  if (entries.empty()) s += T(lang_, DocMsg::kNoConcepts) + "\n";
  return s;
}

std::string Writer::OntologyIndexPage() {
  from_ = SitePath(code_, "ontologie/index", kExt);
  std::string s = Nav() + "# " + T(lang_, DocMsg::kOntology) + "\n\n" + T(lang_, DocMsg::kOntologyIntro) + "\n\n";
  for (auto kind : {vocabulary::OntologyTerm::Kind::kClass, vocabulary::OntologyTerm::Kind::kProperty}) {
    bool is_class = kind == vocabulary::OntologyTerm::Kind::kClass;
    s += "## " + T(lang_, is_class ? DocMsg::kClasses : DocMsg::kOntProperties) + "\n\n| " + T(lang_, DocMsg::kLabel) + " | IRI | ";
    if (!is_class) s += T(lang_, DocMsg::kDomain) + " | " + T(lang_, DocMsg::kRange) + " | ";
    s += T(lang_, DocMsg::kUsage) + " |\n|---|---|" + std::string(is_class ? "" : "---|---|") + "---:|\n";
    for (const auto& t : m_.terms) {
      if (t.kind != kind) continue;
      s += "| " + Link(PagePath(m_, t.iri, code_, kExt), t.labels.empty() ? Md(t.local_name) : Pick(t.labels)) +
           " | `ul:" + t.local_name + "` | ";
      if (!is_class) s += Inline(t.domains) + " | " + Inline(t.ranges) + " | ";
      s += std::to_string(t.usage_count) + " |\n";
    }
    s += "\n";
  }
  return s;
}

std::string Writer::TermPage(const vocabulary::OntologyTerm& t) {
  from_ = PagePath(m_, t.iri, code_, kExt);
  bool is_class = t.kind == vocabulary::OntologyTerm::Kind::kClass;
  LangText title = vocabulary::PickText(t.labels, code_, c_.languages);
  std::string s = Nav() + "# " + (title.empty() ? Md(t.local_name) : Text(title)) + "\n\n*" +
                  T(lang_, is_class ? DocMsg::kClass : DocMsg::kProperty) + "* · " +
                  Link(SitePath(code_, "ontologie/index", kExt), T(lang_, DocMsg::kOntology)) + " · " +
                  T(lang_, Msg::kIri) + ": `" + t.iri + "`\n\n";
  if (!t.labels.empty()) s += "## " + T(lang_, DocMsg::kLabel) + "\n\n" + AllLanguages(t.labels);
  if (!t.comments.empty()) s += "## " + T(lang_, DocMsg::kComment) + "\n\n" + AllLanguages(t.comments);
  s += "## " + T(lang_, DocMsg::kDetails) + "\n\n";
  if (!t.types.empty()) s += "- **" + T(lang_, Msg::kTypes) + "**: " + Inline(t.types) + "\n";
  if (!t.supers.empty()) s += "- **" + T(lang_, is_class ? DocMsg::kSuperClass : DocMsg::kSuperProperty) + "**: " + Inline(t.supers) + "\n";
  if (!t.subs.empty()) s += "- **" + T(lang_, DocMsg::kSubTerms) + "**: " + Inline(t.subs) + "\n";
  if (!t.domains.empty()) s += "- **" + T(lang_, DocMsg::kDomain) + "**: " + Inline(t.domains) + "\n";
  if (!t.ranges.empty()) s += "- **" + T(lang_, DocMsg::kRange) + "**: " + Inline(t.ranges) + "\n";
  if (!t.inverses.empty()) s += "- **" + T(lang_, DocMsg::kInverse) + "**: " + Inline(t.inverses) + "\n";
  s += "- **" + T(lang_, DocMsg::kUsage) + "**: " + std::to_string(t.usage_count) + " " +
       T(lang_, is_class ? DocMsg::kInstances : DocMsg::kTriples) + "\n\n";
  return s + JsonLd(t.iri);
}

void Writer::Write(Site& site) {
  site[IndexPath(code_, kExt)] = IndexPage();
  for (const auto& [iri, view] : m_.views) site[PagePath(m_, iri, code_, kExt)] = ConceptPage(view);
  for (const auto& sc : m_.schemes)
    if (m_.pages.at(sc.scheme.iri).rfind("schema/", 0) == 0) site[PagePath(m_, sc.scheme.iri, code_, kExt)] = SchemePage(sc);
  for (const auto& w : m_.works)
    if (m_.pages.at(w.work.iri).rfind("werk/", 0) == 0) site[PagePath(m_, w.work.iri, code_, kExt)] = WorkPage(w);
  site[SitePath(code_, "bronnen", kExt)] = BibliographyPage();
  site[SitePath(code_, "register", kExt)] = RegisterPage();
  site[SitePath(code_, "ontologie/index", kExt)] = OntologyIndexPage();
  for (const auto& t : m_.terms)
    if (m_.pages.at(t.iri).rfind("ontologie/", 0) == 0) site[PagePath(m_, t.iri, code_, kExt)] = TermPage(t);
}

}  // namespace

Status AddMarkdownPages(const Model& model, ui::Lang lang, const DocsOptions& options, Site& site) {
  Writer w(model, lang, options);
  w.Write(site);
  return Status::Ok();
}

}  // namespace kg::docs

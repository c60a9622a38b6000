// The concept page: what a curriculum designer looks up.
#include <set>
#include <string>

#include "core/message.h"
#include "ui/html.h"
#include "ui/pages.h"

namespace kg::ui {
namespace {

using vocabulary::Config;
using vocabulary::LangText;
using vocabulary::LangValues;
using vocabulary::Ref;

std::string T(Lang lang, Msg msg) { return Escape(Tr(lang, msg)); }

LangText Pick(const LangValues& values, Lang lang, const Config& config) {
  return vocabulary::PickText(values, Code(lang), config.languages);
}

// The values of one language exactly (for the side-by-side label columns).
const std::vector<std::string>* Exactly(const LangValues& values, std::string_view code) {
  auto it = values.find(std::string(code));
  return it == values.end() || it->second.empty() ? nullptr : &it->second;
}

std::string RefList(const std::vector<Ref>& refs, Lang lang, const Config& config,
                    ResourceKind kind = ResourceKind::kConcept) {
  std::string h = "<ul class=\"refs\">";
  for (const auto& r : refs) h += "<li>" + RefLink(r, kind, lang, config) + "</li>";
  return h + "</ul>";
}

// One column of the side-by-side labels: pref label and alt labels in one
// language, whatever the page's language.
std::string LabelColumn(const vocabulary::ConceptView& c, Lang column, Lang lang) {
  const Msg name = column == Lang::kNl ? Msg::kLangNameNl : Msg::kLangNameEn;
  std::string code(Code(column));
  std::string h = "<section lang=\"" + code + "\" aria-labelledby=\"labels-" + code +
                  "\"><h2 id=\"labels-" + code + "\" lang=\"" + std::string(Code(lang)) + "\">" +
                  T(lang, name) + "</h2>";
  if (const auto* pref = Exactly(c.pref_labels, code)) {
    h += "<p class=\"pref\">" + Escape(pref->front()) + "</p>";
  } else {
    h += "<p class=\"pref muted\" lang=\"" + std::string(Code(lang)) + "\">—</p>";
  }
  if (const auto* alt = Exactly(c.alt_labels, code)) {
    h += "<p class=\"muted\" lang=\"" + std::string(Code(lang)) + "\">" + T(lang, Msg::kAltLabels) +
         "</p><ul class=\"alt\">";
    for (const auto& a : *alt) h += "<li>" + Escape(a) + "</li>";
    h += "</ul>";
  }
  return h + "</section>";
}

std::string NoteSection(const char* cls, Msg heading, const LangValues& values, Lang lang,
                        const Config& config) {
  LangText t = Pick(values, lang, config);
  if (t.empty()) return "";
  return "<section class=\"" + std::string(cls) + "\"><h2>" + T(lang, heading) + "</h2><p>" +
         TextHtml(t, lang) + "</p></section>";
}

}  // namespace

Page ConceptPage(const ConceptData& data, Lang lang, const Config& config) {
  const auto& c = data.view;
  const std::string code(Code(lang));
  Page page;
  LangText title = Pick(c.pref_labels, lang, config);
  if (title.empty()) title.text = c.iri;
  page.title = title.text;
  page.jsonld = data.jsonld;
  for (const auto& l : DataLinks(data.path)) page.alternates.push_back({l.href, l.media_type, l.name});

  std::string h;
  // Breadcrumbs: every path from a top concept (at most three shown).
  if (!data.paths.empty()) {
    h += "<nav class=\"breadcrumbs\" aria-label=\"" + T(lang, Msg::kPlaceInHierarchy) + "\">";
    std::size_t shown = 0;
    for (const auto& path : data.paths) {
      if (path.size() < 2 || shown == 3) continue;
      ++shown;
      h += "<ol>";
      for (std::size_t i = 0; i + 1 < path.size(); ++i)
        h += "<li>" + RefLink(path[i], ResourceKind::kConcept, lang, config) + "</li>";
      h += "<li aria-current=\"page\">" + TextHtml(title, lang) + "</li></ol>";
    }
    h += "</nav>";
  }
  if (!c.in_schemes.empty())
    h += "<p class=\"tree-link\"><a href=\"/hierarchy?focus=" + PercentEncode(c.iri) + "#focus\">" +
         T(lang, Msg::kShowInHierarchy) + "</a></p>";
  h += "<article class=\"concept\" about=\"" + Escape(c.iri) + "\">";
  h += "<p class=\"kind\">" + T(lang, Msg::kConcept);
  for (const auto& s : c.in_schemes)
    h += " · " + RefLink(s, ResourceKind::kScheme, lang, config);
  h += "</p>";
  h += "<h1 id=\"concept-label\">" + TextHtml(title, lang) + "</h1>";
  // Types beyond skos:Concept (ul:LearningMechanism, ...), by their labels.
  std::string types;
  for (const auto& t : c.types) {
    if (t.iri == "http://www.w3.org/2004/02/skos/core#Concept") continue;
    if (!types.empty()) types += ", ";
    types += TextHtml(vocabulary::RefLabel(t, code, config), lang);
  }
  if (!types.empty())
    h += "<p class=\"types\"><span class=\"muted\">" + T(lang, Msg::kTypes) + ":</span> " + types +
         "</p>";

  h += "<div class=\"labels\">" + LabelColumn(c, Lang::kNl, lang) + LabelColumn(c, Lang::kEn, lang) +
       "</div>";

  // Definition, its passage in the brochure, the other language.
  LangText def = Pick(c.definitions, lang, config);
  if (!def.empty()) {
    h += "<section class=\"definition-block\" aria-labelledby=\"h-definition\"><h2 id=\"h-definition\">" +
         T(lang, Msg::kDefinition) + "</h2><p class=\"definition\">" + TextHtml(def, lang) + "</p>";
    const Lang other = Other(lang);
    LangText other_def = vocabulary::PickText(c.definitions, Code(other), {});
    if (!other_def.empty() && !other_def.fallback && other_def.text != def.text)
      h += "<div class=\"translation\"><h3>" + T(lang, Msg::kTranslation) + "</h3><p lang=\"" +
           Escape(other_def.language) + "\">" + Escape(other_def.text) + "</p></div>";
    if (!c.derived_from.empty()) {
      h += "<h3>" + T(lang, Msg::kPassage) + "</h3>";
      for (const auto& p : c.derived_from) h += PassageHtml(p, lang, config);
    }
    h += "</section>";
  } else if (!c.derived_from.empty()) {
    h += "<section><h2>" + T(lang, Msg::kPassage) + "</h2>";
    for (const auto& p : c.derived_from) h += PassageHtml(p, lang, config);
    h += "</section>";
  }
  h += NoteSection("explanation", Msg::kExplanation, c.explanations, lang, config);
  h += NoteSection("scope-note", Msg::kScopeNote, c.scope_notes, lang, config);
  h += NoteSection("note", Msg::kNote, c.notes, lang, config);
  h += NoteSection("editorial-note", Msg::kEditorialNote, c.editorial_notes, lang, config);

  // Examples: the boxed examples of the brochure and skos:example texts.
  if (!c.examples.empty() || !c.examples_text.empty()) {
    h += "<section class=\"examples\" aria-labelledby=\"h-examples\"><h2 id=\"h-examples\">" +
         T(lang, Msg::kExamples) + "</h2>";
    for (const auto& ex : c.examples) {
      LangText ex_title = Pick(ex.titles, lang, config);
      if (ex_title.empty()) ex_title = Pick(ex.labels, lang, config);
      LangText text = Pick(ex.texts, lang, config);
      h += "<article class=\"example\"><h3>" + TextHtml(ex_title, lang) + "</h3>";
      if (!text.empty()) h += "<p>" + TextHtml(text, lang) + "</p>";
      h += "</article>";
    }
    for (const auto& t : vocabulary::PickAll(c.examples_text, code, config.languages))
      h += "<p class=\"example\">" + Escape(t) + "</p>";
    h += "</section>";
  }

  // Relations.
  if (!c.broader.empty() || !c.narrower.empty() || !c.related.empty() || !c.relations.empty()) {
    h += "<section class=\"relations-block\" aria-labelledby=\"h-relations\"><h2 id=\"h-relations\" "
         "class=\"visually-hidden\">" +
         T(lang, Msg::kRelations) + "</h2>";
    if (!c.broader.empty())
      h += "<h3>" + T(lang, Msg::kBroader) + "</h3>" + RefList(c.broader, lang, config);
    if (!c.narrower.empty())
      h += "<h3>" + T(lang, Msg::kNarrower) + "</h3>" + RefList(c.narrower, lang, config);
    if (!c.related.empty())
      h += "<h3>" + T(lang, Msg::kRelated) + "</h3>" + RefList(c.related, lang, config);
    if (!c.relations.empty()) {
      h += "<h3>" + T(lang, Msg::kRelations) + "</h3><table class=\"relations\"><tbody>";
      for (const auto& rel : c.relations) {
        LangText label = Pick(rel.property_labels, lang, config);
        std::string name = label.empty() ? Escape(rel.property) : TextHtml(label, lang);
        h += "<tr><th scope=\"row\">" + name + "</th><td>" +
             RefLink(rel.target, ResourceKind::kConcept, lang, config) + "</td></tr>";
      }
      h += "</tbody></table>";
    }
    h += "</section>";
  }
  if (!c.attributes.empty()) {
    h += "<section><h2>" + T(lang, Msg::kProperties) + "</h2><dl class=\"facts\">";
    for (const auto& a : c.attributes) {
      LangText label = Pick(a.property_labels, lang, config);
      h += "<dt>" + (label.empty() ? Escape(a.property) : TextHtml(label, lang)) + "</dt><dd>";
      // Language-tagged values: only those of the picked language.
      LangValues by_lang;
      for (const auto& v : a.values) by_lang[v.language].push_back(v.text);
      std::string sep;
      for (const auto& v : vocabulary::PickAll(by_lang, code, config.languages)) {
        h += sep + Escape(v);
        sep = "; ";
      }
      h += "</dd>";
    }
    h += "</dl></section>";
  }

  // Diagram of the neighbourhood.
  if (!data.diagram_svg.empty())
    h += "<section class=\"diagram-block\" aria-labelledby=\"h-diagram\"><h2 id=\"h-diagram\">" +
         T(lang, Msg::kDiagram) + "</h2><p class=\"muted\">" + T(lang, Msg::kDiagramHint) +
         "</p><div class=\"diagram\" id=\"concept-diagram\">" + data.diagram_svg +
         "</div><p class=\"muted legend\">" + T(lang, Msg::kDiagramLegend) + "</p></section>";

  // Works cited, and the other concepts resting on them.
  if (!c.works.empty()) {
    h += "<section class=\"works\" aria-labelledby=\"h-works\"><h2 id=\"h-works\">" +
         T(lang, Msg::kWorksCited) + "</h2><ul class=\"refs works-cited\">";
    for (const auto& w : c.works) h += "<li>" + ReferenceHtml(w, lang, config) + "</li>";
    h += "</ul></section>";
  }
  bool any_shared = false;
  for (const auto& s : c.shared_works) any_shared |= !s.concepts.empty();
  if (any_shared) {
    h += "<section class=\"shared-works\" aria-labelledby=\"h-shared\"><h2 id=\"h-shared\">" +
         T(lang, Msg::kSharedWorks) + "</h2><dl class=\"facts\">";
    for (const auto& s : c.shared_works) {
      if (s.concepts.empty()) continue;
      h += "<dt>" + RefLink(s.work, ResourceKind::kWork, lang, config) + "</dt><dd><ul class=\"inline\">";
      for (const auto& other : s.concepts)
        h += "<li>" + RefLink(other, ResourceKind::kConcept, lang, config) + "</li>";
      h += "</ul></dd>";
    }
    h += "</dl></section>";
  }
  if (!c.sources.empty()) {
    h += "<section><h2>" + T(lang, Msg::kSource) + "</h2>" +
         RefList(c.sources, lang, config, ResourceKind::kWork) + "</section>";
  }

  // IRI and data.
  h += "<section class=\"data\" aria-labelledby=\"h-data\"><h2 id=\"h-data\">" + T(lang, Msg::kData) +
       "</h2><p class=\"iri\"><span>" + T(lang, Msg::kIri) + ":</span> <code id=\"concept-iri\">" +
       Escape(c.iri) + "</code><button type=\"button\" hidden data-copy=\"" + Escape(c.iri) +
       "\" aria-describedby=\"concept-iri\">" + T(lang, Msg::kCopy) + "</button></p><ul class=\"inline data-links\">";
  for (const auto& l : DataLinks(data.path))
    h += "<li><a href=\"" + EscapeUrl(l.href) + "\" type=\"" + Escape(l.media_type) + "\">" +
         Escape(l.name) + "</a></li>";
  h += "</ul></section></article>";
  page.body_html = std::move(h);
  return page;
}

}  // namespace kg::ui

// Home, hierarchy, scheme, index, sources, work, search, SPARQL and
// not-found pages.
#include <algorithm>
#include <map>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/message.h"
#include "ui/html.h"
#include "ui/pages.h"

namespace kg::ui {
namespace {

using vocabulary::Config;
using vocabulary::LangText;
using vocabulary::Ref;

std::string T(Lang lang, Msg msg) { return Escape(Tr(lang, msg)); }

LangText Pick(const vocabulary::LangValues& values, Lang lang, const Config& config) {
  return vocabulary::PickText(values, Code(lang), config.languages);
}

std::string SchemeTitle(const vocabulary::SchemeView& s, Lang lang, const Config& config) {
  LangText t = Pick(s.pref_labels, lang, config);
  if (t.empty()) t.text = s.iri;
  return TextHtml(t, lang);
}

bool Contains(const vocabulary::TreeNode& node, const std::string& iri) {
  if (node.ref.iri == iri) return true;
  for (const auto& c : node.children)
    if (Contains(c, iri)) return true;
  return false;
}

// A tree as nested lists. A concept with narrower concepts is its link
// followed by a <details> whose summary ("3 narrower concepts") opens the
// children: expandable without JavaScript, and the link is not nested in
// the summary (interactive content inside <summary> is not accessible).
// Branches leading to `focus` are open and the focus is marked (the first
// occurrence gets id="focus" for the link from the concept page).
void TreeHtml(const std::vector<vocabulary::TreeNode>& nodes, Lang lang, const Config& config,
              int depth, const std::string& focus, bool& focus_anchored, std::string& h) {
  h += depth == 0 ? "<ul class=\"tree\">" : "<ul>";
  for (const auto& n : nodes) {
    std::string link = RefLink(n.ref, ResourceKind::kConcept, lang, config);
    std::string attrs;
    if (!focus.empty() && n.ref.iri == focus) {
      link = "<strong class=\"focus\" aria-current=\"true\">" + link + "</strong>";
      if (!focus_anchored) attrs = " id=\"focus\"";
      focus_anchored = true;
    }
    if (n.children.empty()) {
      h += "<li" + attrs + "><span class=\"leaf\">" + link + "</span></li>";
    } else {
      bool open = !focus.empty() && n.ref.iri != focus && Contains(n, focus);
      h += "<li class=\"branch\"" + attrs + ">" + link + (open ? " <details open><summary>" : " <details><summary>") +
           std::to_string(n.children.size()) + " " +
           T(lang, n.children.size() == 1 ? Msg::kTreeChild : Msg::kTreeChildren) + "</summary>";
      TreeHtml(n.children, lang, config, depth + 1, focus, focus_anchored, h);
      h += "</details></li>";
    }
  }
  h += "</ul>";
}

void TreeHtml(const std::vector<vocabulary::TreeNode>& nodes, Lang lang, const Config& config,
              const std::string& focus, std::string& h) {
  bool anchored = false;
  TreeHtml(nodes, lang, config, 0, focus, anchored, h);
}

std::string TreeTools(Lang lang) {
  return "<div class=\"tree-tools\"><button type=\"button\" hidden data-tree-action=\"expand\">" +
         T(lang, Msg::kExpandAll) + "</button><button type=\"button\" hidden data-tree-action=\"collapse\">" +
         T(lang, Msg::kCollapseAll) + "</button></div>";
}

std::string SlugOf(const std::string& iri) {
  std::string out;
  for (char c : iri)
    out += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
  return out;
}

}  // namespace

Page HomePage(const HomeData& data, Lang lang, const Config& config) {
  Page page;
  page.title = std::string(Tr(lang, Msg::kHomeTitle));
  page.section = Section::kHome;
  std::string h = "<h1>" + T(lang, Msg::kHomeTitle) + "</h1><p class=\"lead\">" +
                  T(lang, Msg::kHomeIntro) + "</p>";
  for (const auto& p : data.programmes) {
    LangText name = Pick(p.pref_labels, lang, config);
    h += "<section class=\"programme\" aria-labelledby=\"h-programme\"><h2 id=\"h-programme\">" +
         T(lang, Msg::kProgramme) + ": <a href=\"" +
         EscapeUrl(ResourceHref(p.iri, ResourceKind::kConcept, config)) + "\">" +
         TextHtml(name, lang) + "</a></h2>";
    LangText def = Pick(p.definitions, lang, config);
    if (!def.empty()) h += "<p>" + TextHtml(def, lang) + "</p>";
    LangText expl = Pick(p.explanations, lang, config);
    if (!expl.empty()) h += "<p>" + TextHtml(expl, lang) + "</p>";
    h += "</section>";
  }
  h += "<section aria-labelledby=\"h-schemes\"><h2 id=\"h-schemes\">" + T(lang, Msg::kSchemes) +
       "</h2><ul class=\"card-list schemes\">";
  for (const auto& s : data.schemes) {
    h += "<li><h3><a href=\"" + EscapeUrl(ResourceHref(s.iri, ResourceKind::kScheme, config)) +
         "\">" + SchemeTitle(s, lang, config) + "</a></h3>";
    LangText def = Pick(s.definitions, lang, config);
    if (!def.empty()) h += "<p>" + TextHtml(def, lang) + "</p>";
    h += "<p class=\"muted\">" + std::to_string(s.concept_count) + " " + T(lang, Msg::kConcepts) +
         "</p>";
    if (!s.top_concepts.empty()) {
      h += "<h4 class=\"visually-hidden\">" + T(lang, Msg::kTopConcepts) + "</h4><ul class=\"inline\">";
      for (const auto& t : s.top_concepts)
        h += "<li>" + RefLink(t, ResourceKind::kConcept, lang, config) + "</li>";
      h += "</ul>";
    }
    h += "</li>";
  }
  h += "</ul></section>";
  if (!data.overview_svg.empty())
    h += "<section aria-labelledby=\"h-overview\"><h2 id=\"h-overview\">" + T(lang, Msg::kOverview) +
         "</h2><p class=\"muted\">" + T(lang, Msg::kOverviewHint) +
         "</p><div class=\"diagram\" id=\"overview-diagram\">" + data.overview_svg + "</div></section>";
  page.body_html = std::move(h);
  return page;
}

Page HierarchyPage(const std::vector<SchemeTree>& schemes, Lang lang, const Config& config,
                   const std::string& focus) {
  Page page;
  page.title = std::string(Tr(lang, Msg::kHierarchyTitle));
  page.section = Section::kHierarchy;
  std::string h = "<h1>" + T(lang, Msg::kHierarchyTitle) + "</h1>" + TreeTools(lang);
  for (const auto& s : schemes) {
    std::string id = "scheme-" + SlugOf(s.scheme.id.empty() ? s.scheme.iri : s.scheme.id);
    h += "<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\"><a href=\"" +
         EscapeUrl(ResourceHref(s.scheme.iri, ResourceKind::kScheme, config)) + "\">" +
         SchemeTitle(s.scheme, lang, config) + "</a></h2>";
    bool in_scheme = false;
    for (const auto& top : s.tree) in_scheme = in_scheme || Contains(top, focus);
    TreeHtml(s.tree, lang, config, in_scheme ? focus : std::string(), h);
    h += "</section>";
  }
  page.body_html = std::move(h);
  return page;
}

Page SchemePage(const SchemeTree& s, const std::string& jsonld, const std::string& path,
                Lang lang, const Config& config) {
  Page page;
  LangText title = Pick(s.scheme.pref_labels, lang, config);
  page.title = title.empty() ? s.scheme.iri : title.text;
  page.section = Section::kHierarchy;
  page.jsonld = jsonld;
  for (const auto& l : DataLinks(path)) page.alternates.push_back({l.href, l.media_type, l.name});
  std::string h = "<p class=\"kind\">" + T(lang, Msg::kScheme) + "</p><h1>" +
                  SchemeTitle(s.scheme, lang, config) + "</h1>";
  LangText def = Pick(s.scheme.definitions, lang, config);
  if (!def.empty()) h += "<p class=\"lead\">" + TextHtml(def, lang) + "</p>";
  h += "<p class=\"muted\">" + std::to_string(s.scheme.concept_count) + " " +
       T(lang, Msg::kConcepts) + "</p>";
  h += "<h2>" + T(lang, Msg::kHierarchyTitle) + "</h2>" + TreeTools(lang);
  TreeHtml(s.tree, lang, config, std::string(), h);
  h += "<section class=\"data\"><h2>" + T(lang, Msg::kData) + "</h2><p class=\"iri\"><span>" +
       T(lang, Msg::kIri) + ":</span> <code id=\"scheme-iri\">" + Escape(s.scheme.iri) +
       "</code><button type=\"button\" hidden data-copy=\"" + Escape(s.scheme.iri) + "\">" +
       T(lang, Msg::kCopy) + "</button></p><ul class=\"inline data-links\">";
  for (const auto& l : DataLinks(path))
    h += "<li><a href=\"" + EscapeUrl(l.href) + "\">" + Escape(l.name) + "</a></li>";
  h += "</ul></section>";
  page.body_html = std::move(h);
  return page;
}

Page IndexPage(const std::vector<vocabulary::IndexEntry>& entries, const std::string& letter,
               Lang lang, const Config& config) {
  // Short indexes are one page with a letter bar of anchors; long ones (a
  // full thesaurus) show one letter at a time.
  constexpr std::size_t kOnePageLimit = 600;
  const bool one_page = entries.size() <= kOnePageLimit;
  std::vector<std::string> letters;
  for (const auto& e : entries)
    if (letters.empty() || letters.back() != e.letter) letters.push_back(e.letter);
  std::string current = letter;
  if (!one_page && (current.empty() || std::find(letters.begin(), letters.end(), current) == letters.end()))
    current = letters.empty() ? "" : letters.front();

  Page page;
  page.title = std::string(Tr(lang, Msg::kIndexTitle));
  page.section = Section::kIndex;
  std::string h = "<h1>" + T(lang, Msg::kIndexTitle) + "</h1><nav aria-label=\"" +
                  T(lang, Msg::kIndexLetters) + "\"><ul class=\"letters\">";
  for (const auto& l : letters) {
    std::string href = one_page ? "#letter-" + PercentEncode(l) : "/index?letter=" + PercentEncode(l);
    h += "<li><a href=\"" + EscapeUrl(href) + "\"";
    if (!one_page && l == current) h += " aria-current=\"true\"";
    h += ">" + Escape(l) + "</a></li>";
  }
  h += "</ul></nav>";
  std::string open_letter;
  for (const auto& e : entries) {
    if (!one_page && e.letter != current) continue;
    if (e.letter != open_letter) {
      if (!open_letter.empty()) h += "</ul></section>";
      open_letter = e.letter;
      h += "<section aria-labelledby=\"letter-" + PercentEncode(e.letter) + "\"><h2 id=\"letter-" +
           PercentEncode(e.letter) + "\">" + Escape(e.letter) + "</h2><ul class=\"index-list\">";
    }
    std::string href = EscapeUrl(ResourceHref(e.iri, ResourceKind::kConcept, config));
    if (e.is_alt) {
      h += "<li class=\"alt\"><span lang=\"" + std::string(Code(lang)) + "\">" + Escape(e.label) +
           "</span> → <span class=\"muted\">" + T(lang, Msg::kIndexUse) + "</span> <a href=\"" +
           href + "\">" + TextHtml(e.pref_label, lang) + "</a></li>";
    } else {
      h += "<li><a href=\"" + href + "\">" + TextHtml(e.pref_label, lang) + "</a></li>";
    }
  }
  if (!open_letter.empty()) h += "</ul></section>";
  page.body_html = std::move(h);
  return page;
}

Page SourcesPage(const std::vector<vocabulary::WorkView>& works, Lang lang, const Config& config) {
  // A bibliography reads by first author and year, not by IRI.
  std::vector<const vocabulary::WorkView*> sorted;
  for (const auto& w : works) sorted.push_back(&w);
  auto key = [&](const vocabulary::WorkView* w) {
    std::string k;
    for (const auto& a : w->work.authors) k += vocabulary::RefLabel(a, Code(lang), config).text + " ";
    if (k.empty()) k = Pick(w->work.titles, lang, config).text;
    return vocabulary::Fold(k + " " + w->work.year + " " + w->work.iri);
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto* a, const auto* b) { return key(a) < key(b); });
  Page page;
  page.title = std::string(Tr(lang, Msg::kSourcesTitle));
  page.section = Section::kSources;
  std::string h = "<h1>" + T(lang, Msg::kSourcesTitle) + "</h1><p class=\"lead\">" +
                  T(lang, Msg::kSourcesIntro) + "</p><ol class=\"bibliography refs\">";
  for (const auto* w : sorted) {
    h += "<li class=\"work\">" + ReferenceHtml(w->work, lang, config);
    if (!w->citing_concepts.empty()) {
      h += "<p class=\"cited-by\"><span class=\"muted\">" + T(lang, Msg::kCitedBy) +
           ":</span></p><ul class=\"inline\">";
      for (const auto& c : w->citing_concepts)
        h += "<li>" + RefLink(c, ResourceKind::kConcept, lang, config) + "</li>";
      h += "</ul>";
    } else {
      h += "<p class=\"muted\">" + T(lang, Msg::kCitedByNone) + "</p>";
    }
    h += "</li>";
  }
  h += "</ol>";
  page.body_html = std::move(h);
  return page;
}

Page WorkPage(const vocabulary::WorkView& view, const std::string& jsonld, const std::string& path,
              Lang lang, const Config& config) {
  const auto& w = view.work;
  Page page;
  LangText title = Pick(w.titles, lang, config);
  if (title.empty()) title = Pick(w.labels, lang, config);
  if (title.empty()) title.text = w.iri;
  page.title = title.text;
  page.section = Section::kSources;
  page.jsonld = jsonld;
  for (const auto& l : DataLinks(path)) page.alternates.push_back({l.href, l.media_type, l.name});
  std::string h = "<p class=\"kind\">" + T(lang, Msg::kWork) + "</p><h1>" + TextHtml(title, lang) +
                  "</h1><p class=\"full-reference\">" +
                  ReferenceHtml(w, lang, config, /*link_title=*/false) + "</p><dl class=\"facts\">";
  if (!w.authors.empty()) {
    h += "<dt>" + T(lang, Msg::kAuthors) + "</dt><dd>";
    for (std::size_t i = 0; i < w.authors.size(); ++i) {
      if (i) h += "; ";
      h += Escape(vocabulary::RefLabel(w.authors[i], Code(lang), config).text);
    }
    h += "</dd>";
  }
  if (!w.year.empty()) h += "<dt>" + T(lang, Msg::kYear) + "</dt><dd>" + Escape(w.year) + "</dd>";
  if (w.part_of)
    h += "<dt>" + T(lang, Msg::kPublishedIn) + "</dt><dd>" +
         TextHtml(vocabulary::RefLabel(*w.part_of, Code(lang), config), lang) + "</dd>";
  for (const auto& p : w.publishers)
    h += "<dt>" + T(lang, Msg::kPublisher) + "</dt><dd>" +
         Escape(vocabulary::RefLabel(p, Code(lang), config).text) + "</dd>";
  if (!w.place.empty()) h += "<dt>" + T(lang, Msg::kPlace) + "</dt><dd>" + Escape(w.place) + "</dd>";
  if (!w.url.empty())
    h += "<dt>" + T(lang, Msg::kLink) + "</dt><dd><a href=\"" + EscapeUrl(w.url) + "\">" +
         Escape(w.url) + "</a></dd>";
  if (!w.citation.empty())
    h += "<dt>" + T(lang, Msg::kCitationAsPrinted) + "</dt><dd><q lang=\"nl\">" + Escape(w.citation) +
         "</q></dd>";
  h += "<dt>" + T(lang, Msg::kIri) + "</dt><dd class=\"iri\"><code id=\"work-iri\">" + Escape(w.iri) +
       "</code><button type=\"button\" hidden data-copy=\"" + Escape(w.iri) + "\">" +
       T(lang, Msg::kCopy) + "</button></dd></dl>";
  LangText note = Pick(w.editorial_notes, lang, config);
  if (!note.empty())
    h += "<p><span class=\"muted\">" + T(lang, Msg::kEditorialNote) + ":</span> " +
         TextHtml(note, lang) + "</p>";

  h += "<section class=\"citing-concepts\" aria-labelledby=\"h-citing\"><h2 id=\"h-citing\">" +
       T(lang, Msg::kCitingConcepts) + "</h2>";
  if (view.citing_concepts.empty()) {
    h += "<p class=\"muted\">" + T(lang, Msg::kCitedByNone) + "</p>";
  } else {
    h += "<ul class=\"refs\">";
    for (const auto& c : view.citing_concepts)
      h += "<li>" + RefLink(c, ResourceKind::kConcept, lang, config) + "</li>";
    h += "</ul>";
  }
  h += "</section>";
  if (!view.citing_passages.empty()) {
    h += "<section><h2>" + T(lang, Msg::kCitingPassages) + "</h2>";
    for (const auto& p : view.citing_passages) h += PassageHtml(p, lang, config);
    h += "</section>";
  }
  if (!view.footnotes.empty()) {
    h += "<section><h2>" + T(lang, Msg::kFootnotes) + "</h2><ul class=\"refs\">";
    for (const auto& f : view.footnotes)
      h += "<li>" + T(lang, Msg::kFootnote) + " " + Escape(f.number) + ": <q lang=\"nl\">" +
           Escape(f.citation) + "</q></li>";
    h += "</ul></section>";
  }
  h += "<section class=\"data\"><h2>" + T(lang, Msg::kData) + "</h2><ul class=\"inline data-links\">";
  for (const auto& l : DataLinks(path))
    h += "<li><a href=\"" + EscapeUrl(l.href) + "\">" + Escape(l.name) + "</a></li>";
  h += "</ul></section>";
  page.body_html = std::move(h);
  return page;
}

Page SearchPage(const std::string& query, const std::vector<vocabulary::SearchHit>& hits, Lang lang,
                const Config& config) {
  Page page;
  page.title = std::string(Tr(lang, Msg::kSearchTitle)) + (query.empty() ? "" : ": " + query);
  page.section = Section::kSearch;
  page.search_query = query;
  std::string h = "<h1>" + T(lang, Msg::kSearchResultsFor) + " “" + Escape(query) + "”</h1>";
  if (vocabulary::Fold(query).size() < 2) {
    h += "<p>" + T(lang, Msg::kSearchTooShort) + "</p>";
  } else if (hits.empty()) {
    h += "<p>" + T(lang, Msg::kSearchNoResults) + "</p>";
  } else {
    h += "<p class=\"muted\">" + std::to_string(hits.size()) + " " + T(lang, Msg::kSearchResultsCount) +
         "</p><ol class=\"results\">";
    for (const auto& hit : hits) {
      h += "<li><a href=\"" + EscapeUrl(ResourceHref(hit.iri, ResourceKind::kConcept, config)) + "\">" +
           TextHtml(hit.pref_label, lang) + "</a>";
      if (hit.matched_label != hit.pref_label.text)
        h += " <span class=\"muted\">" + T(lang, Msg::kSearchMatchedVia) + " <span lang=\"" +
             Escape(hit.matched_language) + "\">" + Escape(hit.matched_label) + "</span></span>";
      for (const auto& s : hit.schemes)
        h += " <span class=\"muted\">· " + TextHtml(vocabulary::RefLabel(s, Code(lang), config), lang) +
             "</span>";
      h += "</li>";
    }
    h += "</ol>";
  }
  page.body_html = std::move(h);
  return page;
}

Page SparqlPage(const std::vector<ExampleQuery>& examples, int selected, Lang lang) {
  Page page;
  page.title = std::string(Tr(lang, Msg::kSparqlTitle));
  page.section = Section::kSparql;
  page.stylesheets = {"/assets/yasgui.min.css"};
  page.scripts = {"/assets/yasgui.min.js", "/assets/sparql.js"};
  if (selected < 0 || selected >= static_cast<int>(examples.size())) selected = 0;
  std::string initial =
      examples.empty() ? std::string("SELECT * WHERE { ?s ?p ?o } LIMIT 10") : examples[selected].text;

  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  json.StartArray();
  for (const auto& e : examples) {
    json.StartObject();
    json.Key("name");
    json.String(e.name.c_str(), static_cast<rapidjson::SizeType>(e.name.size()));
    json.Key("title");
    json.String(e.title.c_str(), static_cast<rapidjson::SizeType>(e.title.size()));
    json.Key("query");
    json.String(e.text.c_str(), static_cast<rapidjson::SizeType>(e.text.size()));
    json.EndObject();
  }
  json.EndArray();

  std::string h = "<h1>" + T(lang, Msg::kSparqlTitle) + "</h1><p class=\"lead\">" +
                  T(lang, Msg::kSparqlIntro) + "</p>";
  h += "<section aria-labelledby=\"h-examples\"><h2 id=\"h-examples\">" + T(lang, Msg::kExampleQueries) +
       "</h2><ul class=\"example-queries\">";
  for (std::size_t i = 0; i < examples.size(); ++i)
    h += "<li><a href=\"/query?example=" + std::to_string(i) + "\" data-example=\"" +
         std::to_string(i) + "\">" + Escape(examples[i].title.empty() ? examples[i].name : examples[i].title) +
         "</a> <code class=\"muted\">" + Escape(examples[i].name) + "</code></li>";
  h += "</ul><p id=\"sparql-status\" class=\"muted\" role=\"status\" aria-live=\"polite\"></p></section>";
  h += "<script type=\"application/json\" id=\"example-queries-data\">" +
       EscapeScriptJson(buffer.GetString()) + "</script>";
  h += "<form id=\"sparql-form\" class=\"sparql-form\" action=\"/sparql\" method=\"post\">"
       "<label for=\"sparql-query\">" +
       T(lang, Msg::kQuery) + "</label><textarea id=\"sparql-query\" name=\"query\" spellcheck=\"false\">" +
       Escape(initial) + "</textarea><p class=\"muted\">" + T(lang, Msg::kSparqlNoScript) + "</p><button type=\"submit\">" +
       T(lang, Msg::kRunQuery) + "</button></form><div id=\"yasgui\"></div>";
  page.body_html = std::move(h);
  return page;
}

Page NotFoundPage(Lang lang) {
  Page page;
  page.title = std::string(Tr(lang, Msg::kNotFoundTitle));
  page.body_html = "<h1>" + T(lang, Msg::kNotFoundTitle) + "</h1><p>" + T(lang, Msg::kNotFoundText) +
                   "</p><p><a href=\"/\">" + T(lang, Msg::kBackHome) + "</a></p>";
  return page;
}

}  // namespace kg::ui

// The browsing pages as pure functions: vocabulary values (from
// service/vocabulary/, the one reader of the graph) in, a Page (layout.h)
// out. Every label, definition, quote and IRI is escaped here; the handler
// (ui.h) fetches the values and renders diagrams, these only write markup.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ui/i18n.h"
#include "ui/layout.h"
#include "ui/linked_data.h"
#include "vocabulary/vocabulary.h"

namespace kg::ui {

// ---- Shared pieces (render.cc) -------------------------------------------

// The page path of a resource: /begrip/<id>, /werk/<id>, /schema/<id> for an
// IRI under the configured base; for any other IRI (data loaded with
// --data) /<segment>?iri=<percent-encoded IRI>. The kind of an IRI under the
// base comes from its segment; `fallback` is used otherwise.
std::string ResourceHref(const std::string& iri, ResourceKind fallback,
                         const vocabulary::Config& config);

// A picked text as HTML: escaped, with lang="" when it is not in the page's
// language, and marked (class "fallback", a visible language tag and a
// title saying it is not available in the page's language) when the label
// fell back to another language.
std::string TextHtml(const vocabulary::LangText& text, Lang lang);
// Where the pieces below link a resource to: by default (an empty LinkMap)
// its service page, ResourceHref; `kg docs` maps IRIs to its generated files.
// "" = the resource has no page (its label is written without a link).
using LinkMap = std::function<std::string(const std::string& iri, ResourceKind kind)>;
// A Ref's label (fallback rule of the vocabulary) as a link to its page.
std::string RefLink(const vocabulary::Ref& ref, ResourceKind fallback, Lang lang,
                    const vocabulary::Config& config, const LinkMap& links = {});
// The bibliographic reference of a work (authors, year, title, journal,
// volume/issue/pages, publisher, place, URL), with the title linked to the
// work's page when `link_title`.
std::string ReferenceHtml(const vocabulary::Work& work, Lang lang,
                          const vocabulary::Config& config, bool link_title = true);
// A brochure passage as a <blockquote> with its location (section,
// paragraph, list item) and footnotes.
std::string PassageHtml(const vocabulary::Passage& passage, Lang lang,
                        const vocabulary::Config& config, const LinkMap& links = {});

// ---- Pages ---------------------------------------------------------------

struct HomeData {
  std::vector<vocabulary::SchemeView> schemes;
  std::vector<vocabulary::ConceptView> programmes;  // concepts typed ul:Programme
  std::string overview_svg;                         // "" = no diagram
};
Page HomePage(const HomeData& data, Lang lang, const vocabulary::Config& config);

struct ConceptData {
  vocabulary::ConceptView view;
  std::vector<std::vector<vocabulary::Ref>> paths;  // PathsToTop
  std::string diagram_svg;                          // "" = no diagram
  std::string jsonld;                               // the description as JSON-LD
  std::string path;                                 // the page's own path
};
Page ConceptPage(const ConceptData& data, Lang lang, const vocabulary::Config& config);

struct SchemeTree {
  vocabulary::SchemeView scheme;
  std::vector<vocabulary::TreeNode> tree;
};
// The hierarchy of every scheme (path /hierarchy) or of one (its page,
// /schema/<id>, with `jsonld` and data links). `focus` (a concept IRI, ""
// for none; /hierarchy?focus=) opens the branches that lead to it and marks
// it; its first occurrence has id="focus".
Page HierarchyPage(const std::vector<SchemeTree>& schemes, Lang lang,
                   const vocabulary::Config& config, const std::string& focus = {});
Page SchemePage(const SchemeTree& scheme, const std::string& jsonld, const std::string& path,
                Lang lang, const vocabulary::Config& config);

// The alphabetical index in `lang`; `letter` selects one letter when the
// index is long ("" = the first, or every letter on one page when short).
Page IndexPage(const std::vector<vocabulary::IndexEntry>& entries, const std::string& letter,
               Lang lang, const vocabulary::Config& config);

Page SourcesPage(const std::vector<vocabulary::WorkView>& works, Lang lang,
                 const vocabulary::Config& config);
Page WorkPage(const vocabulary::WorkView& work, const std::string& jsonld, const std::string& path,
              Lang lang, const vocabulary::Config& config);

Page SearchPage(const std::string& query, const std::vector<vocabulary::SearchHit>& hits,
                Lang lang, const vocabulary::Config& config);

struct ExampleQuery {
  std::string name;   // e.g. "competency/01-collaboration-forms"
  std::string title;  // its summary
  std::string text;   // the SPARQL
};
// `selected` is the example whose text fills the editor (-1: the first).
Page SparqlPage(const std::vector<ExampleQuery>& examples, int selected, Lang lang);

Page NotFoundPage(Lang lang);

}  // namespace kg::ui

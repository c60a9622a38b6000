// Internal to service/docs/: everything a site shows, read once from the
// store through vocabulary/ (so the HTML and Markdown writers are pure
// functions of it), the file path of every resource's page, and links
// between pages.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "diagram/diagram.h"
#include "docs/docs.h"
#include "ui/i18n.h"
#include "ui/pages.h"
#include "vocabulary/ontology_terms.h"
#include "vocabulary/vocabulary.h"

namespace kg::docs {

struct Model {
  std::vector<ui::SchemeTree> schemes;             // by IRI
  std::vector<vocabulary::ConceptSummary> concepts;  // by IRI
  std::map<std::string, vocabulary::ConceptView> views;  // every concept, by IRI
  std::map<std::string, std::vector<std::vector<vocabulary::Ref>>> paths;  // PathsToTop
  std::vector<vocabulary::WorkView> works;         // by APA sort key
  // Works that are only containers (a journal the cited articles are part
  // of): they have pages but no entry in the reference list.
  std::set<std::string> containers;
  std::vector<vocabulary::OntologyTerm> terms;     // classes, then properties
  std::vector<std::string> programmes;             // concepts typed ul:Programme
  std::map<std::string, std::string> jsonld;       // IRI -> the resource as JSON-LD
  // IRI -> page path without language folder and extension ("begrip/grens").
  std::map<std::string, std::string> pages;
};

Result<Model> ReadModel(const Store& store, const DocsOptions& options);

// Links from one generated file to another, both given as site paths
// ("nl/begrip/grens.html"): relative ("../begrip/x.html") without a base
// URL, base_url + path with one.
class Linker {
 public:
  explicit Linker(std::string base_url);
  std::string Href(const std::string& from, const std::string& to) const;

 private:
  std::string base_;
};

// The site path of a resource's page in `lang` with extension `ext`
// (".html" / ".md"); "" when the IRI has no page.
std::string PagePath(const Model& model, const std::string& iri, std::string_view lang,
                     std::string_view ext);

// Page paths of the fixed pages.
inline std::string IndexPath(std::string_view lang, std::string_view ext) {
  return std::string(lang) + (ext == ".md" ? "/README.md" : "/index.html");
}
inline std::string SitePath(std::string_view lang, std::string_view name, std::string_view ext) {
  return std::string(lang) + "/" + std::string(name) + std::string(ext);
}

// The diagrams of the service's pages (ui/neighbourhood.h) with node links
// mapped to the generated pages, relative to `from`.
diagram::Diagram NeighbourhoodDiagram(const Model& model, const vocabulary::ConceptView& c,
                                      ui::Lang lang, const DocsOptions& options,
                                      const Linker& linker, const std::string& from,
                                      std::string_view ext);
diagram::Diagram OverviewDiagram(const Model& model, ui::Lang lang, const DocsOptions& options,
                                 const Linker& linker, const std::string& from,
                                 std::string_view ext);

// The languages of a LangValues in display order: the configured ones
// first, then the others by tag.
std::vector<std::string> LanguagesOf(const vocabulary::LangValues& values,
                                     const vocabulary::Config& config);

ui::Lang ToLang(std::string_view code);

// The facts both writers show for the programme: ul:startYear, ul:endYear
// (first value, "" when absent) and every ul:aim by language.
struct ProgrammeFacts {
  std::string start, end;
  vocabulary::LangValues aims;
};
ProgrammeFacts ReadProgrammeFacts(const vocabulary::ConceptView& programme,
                                  const vocabulary::Config& config);

// A concept's ontology relations grouped by property, in their order
// (ConceptView::relations is sorted, so each property's targets are adjacent).
struct RelationGroup {
  vocabulary::Ref property;  // the property, named by its labels
  std::vector<vocabulary::Ref> targets;
};
std::vector<RelationGroup> GroupByProperty(const std::vector<vocabulary::Relation>& relations);

}  // namespace kg::docs

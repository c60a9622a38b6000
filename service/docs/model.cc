#include "docs/model.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "docs/apa.h"
#include "serialize/jsonld.h"
#include "ui/linked_data.h"
#include "ui/neighbourhood.h"

namespace kg::docs {
namespace {

using vocabulary::Config;

// A file-safe slug for an IRI without a short id: its local name (after the
// last '/' or '#'), with anything outside [A-Za-z0-9._-] as '-'.
std::string LocalSlug(const std::string& iri) {
  auto cut = iri.find_last_of("/#");
  std::string local = cut == std::string::npos ? iri : iri.substr(cut + 1);
  std::string s;
  for (char c : local) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    s += ok ? c : '-';
  }
  while (!s.empty() && s.front() == '.') s.erase(s.begin());  // no hidden files, no ".."
  return s.empty() ? "r" : s;
}

// Assigns "<folder>/<slug>" to each IRI (given sorted): short ids first,
// then local names, clashes resolved in IRI order; `reserved` slugs are never used.
void AssignPages(std::map<std::string, std::string>& pages, const std::string& folder,
                 const std::vector<std::pair<std::string, std::string>>& iri_and_id,
                 std::set<std::string> reserved = {}) {
  std::set<std::string> used = std::move(reserved);
  auto has_id = [](const std::string& id) {
    return !id.empty() && vocabulary::IsValidId(id) && id[0] != '.';
  };
  // Resources with a short id keep it; the others' local names come second.
  std::vector<std::pair<std::string, std::string>> ordered;
  for (const auto& e : iri_and_id)
    if (has_id(e.second)) ordered.push_back(e);
  for (const auto& e : iri_and_id)
    if (!has_id(e.second)) ordered.push_back(e);
  for (const auto& [iri, id] : ordered) {
    if (pages.count(iri)) continue;
    std::string base = has_id(id) ? id : LocalSlug(iri);
    std::string slug = base;
    for (int n = 2; used.count(slug); ++n) slug = base + "-" + std::to_string(n);
    used.insert(slug);
    pages[iri] = folder + "/" + slug;
  }
}

// Blank nodes renamed b0, b1, ... in the order they first appear once the
// triples are sorted with every blank node alike: the store's labels depend
// on how and when the data was loaded, the documentation must not. (A
// description is a tree below its resource, so this order is the graph's.)
void RelabelBlankNodes(Graph& graph) {
  auto key = [](const Term& t) { return t.is_blank() ? Term::Blank("") : t; };
  std::sort(graph.begin(), graph.end(), [&](const Triple& a, const Triple& b) {
    return std::make_tuple(key(a.subject), a.predicate, key(a.object)) <
           std::make_tuple(key(b.subject), b.predicate, key(b.object));
  });
  std::map<std::string, std::string> names;
  auto rename = [&](Term& t) {
    if (!t.is_blank()) return;
    auto [it, inserted] = names.emplace(t.value, "b" + std::to_string(names.size()));
    t.value = it->second;
  };
  for (auto& t : graph) {
    rename(t.subject);
    rename(t.object);
  }
}

// The scheme trees of vocabulary::SchemeTree hold every skos:inScheme
// member, also non-concepts (UNESCO's skos:Collection micro-thesauri);
// the documentation shows concepts only, so such a node is replaced by its
// children (duplicates among siblings dropped, order kept).
std::vector<vocabulary::TreeNode> ConceptsOnly(std::vector<vocabulary::TreeNode> nodes,
                                               const std::set<std::string>& concepts) {
  std::vector<vocabulary::TreeNode> out;
  std::set<std::string> seen;
  auto add = [&](vocabulary::TreeNode n) {
    if (seen.insert(n.ref.iri).second) out.push_back(std::move(n));
  };
  for (auto& n : nodes) {
    n.children = ConceptsOnly(std::move(n.children), concepts);
    if (concepts.count(n.ref.iri)) {
      add(std::move(n));
    } else {
      for (auto& c : n.children) add(std::move(c));
    }
  }
  return out;
}

Result<std::string> JsonLdOf(const Store& store, const std::string& iri) {
  auto graph = ui::Describe(store, iri);
  if (!graph.ok()) return graph.error();
  RelabelBlankNodes(*graph);
  return WriteJsonLd(*graph, store.Prefixes());
}

}  // namespace

ui::Lang ToLang(std::string_view code) { return code == "en" ? ui::Lang::kEn : ui::Lang::kNl; }

std::vector<std::string> LanguagesOf(const vocabulary::LangValues& values, const Config& config) {
  std::vector<std::string> out;
  for (const auto& l : config.languages)
    if (values.count(l)) out.push_back(l);
  for (const auto& [l, v] : values)
    if (std::find(out.begin(), out.end(), l) == out.end() && !v.empty()) out.push_back(l);
  return out;
}

Result<Model> ReadModel(const Store& store, const DocsOptions& options) {
  const Config& config = options.vocabulary;
  Model m;
  auto schemes = vocabulary::ListSchemes(store, config);
  if (!schemes.ok()) return schemes.error();
  for (auto& s : *schemes) {
    auto tree = vocabulary::SchemeTree(store, s.iri, config);
    if (!tree.ok()) return tree.error();
    m.schemes.push_back({std::move(s), std::move(*tree)});
  }
  auto concepts = vocabulary::ListConcepts(store, config);
  if (!concepts.ok()) return concepts.error();
  m.concepts = std::move(*concepts);
  std::set<std::string> concept_iris;
  for (const auto& c : m.concepts) concept_iris.insert(c.ref.iri);
  for (auto& s : m.schemes) s.tree = ConceptsOnly(std::move(s.tree), concept_iris);
  const std::string programme = config.OntologyNamespace() + "Programme";
  for (const auto& c : m.concepts) {
    auto view = vocabulary::GetConcept(store, c.ref.iri, config);
    if (!view.ok()) return view.error();
    auto paths = vocabulary::PathsToTop(store, c.ref.iri, config);
    if (!paths.ok()) return paths.error();
    for (const auto& t : view->types)
      if (t.iri == programme) m.programmes.push_back(c.ref.iri);
    m.paths[c.ref.iri] = std::move(*paths);
    m.views.emplace(c.ref.iri, std::move(*view));
  }
  auto works = vocabulary::ListWorks(store, config);
  if (!works.ok()) return works.error();
  m.works = std::move(*works);
  // The journals and series the works are part of get pages too.
  std::set<std::string> listed;
  for (const auto& w : m.works) listed.insert(w.work.iri);
  for (const auto& w : m.works)
    if (w.work.part_of && !listed.count(w.work.part_of->iri)) m.containers.insert(w.work.part_of->iri);
  for (const auto& iri : m.containers) {
    auto w = vocabulary::GetWork(store, iri, config);
    if (!w.ok()) return w.error();
    m.works.push_back(std::move(*w));
  }
  std::vector<std::pair<std::string, vocabulary::WorkView*>> keyed;
  for (auto& w : m.works) keyed.push_back({ApaSortKey(w.work, config), &w});
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<vocabulary::WorkView> sorted;
  for (auto& [k, w] : keyed) sorted.push_back(std::move(*w));
  m.works = std::move(sorted);
  auto terms = vocabulary::ListOntologyTerms(store, config);
  if (!terms.ok()) return terms.error();
  m.terms = std::move(*terms);

  // Pages: concepts, schemes, works, ontology terms; a resource that is two
  // of these (a scheme that is also a concept) gets the first.
  std::vector<std::pair<std::string, std::string>> ids;
  for (const auto& c : m.concepts) ids.push_back({c.ref.iri, c.ref.id});
  AssignPages(m.pages, "begrip", ids);
  ids.clear();
  for (const auto& s : m.schemes) ids.push_back({s.scheme.iri, s.scheme.id});
  AssignPages(m.pages, "schema", ids);
  ids.clear();
  std::vector<std::pair<std::string, std::string>> work_ids;
  for (const auto& w : m.works) work_ids.push_back({w.work.iri, w.work.id});
  std::sort(work_ids.begin(), work_ids.end());
  AssignPages(m.pages, "werk", work_ids);
  for (const auto& t : m.terms) ids.push_back({t.iri, t.local_name});
  AssignPages(m.pages, "ontologie", ids, {"index", "README"});

  for (const auto& [iri, page] : m.pages) {
    auto j = JsonLdOf(store, iri);
    if (!j.ok()) return j.error();
    m.jsonld[iri] = std::move(*j);
  }
  return m;
}

Linker::Linker(std::string base_url) : base_(std::move(base_url)) {
  if (!base_.empty() && base_.back() != '/') base_ += '/';
}

std::string Linker::Href(const std::string& from, const std::string& to) const {
  if (!base_.empty()) return base_ + to;
  // The shortest relative path: the folders `from` and `to` share are
  // skipped, then one "../" per folder of `from` left.
  std::size_t common = 0;
  for (std::size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i)
    if (from[i] == '/') common = i + 1;
  std::string prefix;
  for (std::size_t i = common; i < from.size(); ++i)
    if (from[i] == '/') prefix += "../";
  return prefix + to.substr(common);
}

std::string PagePath(const Model& model, const std::string& iri, std::string_view lang,
                     std::string_view ext) {
  auto it = model.pages.find(iri);
  if (it == model.pages.end()) return "";
  return std::string(lang) + "/" + it->second + std::string(ext);
}

namespace {
void MapLinks(diagram::Diagram& d, const Model& model, ui::Lang lang, const Linker& linker,
              const std::string& from, std::string_view ext) {
  // Node ids are the resources' IRIs (ui/neighbourhood.cc); their service
  // URLs become links to the generated pages, or none without a page.
  for (auto& n : d.nodes) {
    std::string to = PagePath(model, n.id, ui::Code(lang), ext);
    n.url = to.empty() ? "" : linker.Href(from, to);
  }
}
}  // namespace

diagram::Diagram NeighbourhoodDiagram(const Model& model, const vocabulary::ConceptView& c,
                                      ui::Lang lang, const DocsOptions& options,
                                      const Linker& linker, const std::string& from,
                                      std::string_view ext) {
  auto d = ui::ConceptNeighbourhood(c, lang, options.vocabulary, options.max_neighbourhood_nodes);
  MapLinks(d, model, lang, linker, from, ext);
  return d;
}

diagram::Diagram OverviewDiagram(const Model& model, ui::Lang lang, const DocsOptions& options,
                                 const Linker& linker, const std::string& from,
                                 std::string_view ext) {
  auto d = ui::Overview(model.schemes, lang, options.vocabulary, options.max_overview_nodes);
  MapLinks(d, model, lang, linker, from, ext);
  return d;
}

ProgrammeFacts ReadProgrammeFacts(const vocabulary::ConceptView& programme,
                                  const vocabulary::Config& config) {
  const std::string ul = config.OntologyNamespace();
  ProgrammeFacts f;
  for (const auto& a : programme.attributes) {
    if (a.property == ul + "startYear" && !a.values.empty()) f.start = a.values[0].text;
    if (a.property == ul + "endYear" && !a.values.empty()) f.end = a.values[0].text;
    if (a.property == ul + "aim")
      for (const auto& v : a.values) f.aims[v.language].push_back(v.text);
  }
  return f;
}

std::vector<RelationGroup> GroupByProperty(const std::vector<vocabulary::Relation>& relations) {
  std::vector<RelationGroup> groups;
  for (const auto& r : relations) {
    if (groups.empty() || groups.back().property.iri != r.property)
      groups.push_back({vocabulary::Ref{r.property, "", r.property_labels}, {}});
    groups.back().targets.push_back(r.target);
  }
  return groups;
}

}  // namespace kg::docs

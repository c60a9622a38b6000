#include "vocabulary/vocabulary.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include "vocabulary/graph_reader.h"

namespace kg::vocabulary {

// ---- Config and ids --------------------------------------------------------

std::string Config::ConceptIri(std::string_view id) const {
  return base + concept_segment + std::string(id);
}
std::string Config::SchemeIri(std::string_view id) const {
  return base + scheme_segment + std::string(id);
}
std::string Config::WorkIri(std::string_view id) const {
  return base + work_segment + std::string(id);
}

std::string ShortId(std::string_view iri, std::string_view prefix) {
  if (prefix.empty() || iri.size() <= prefix.size() || iri.substr(0, prefix.size()) != prefix)
    return {};
  std::string_view rest = iri.substr(prefix.size());
  if (rest.find_first_of("/#?") != std::string_view::npos) return {};
  return std::string(rest);
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '.' || c == '_' || c == '~'))
      return false;
  return id != "." && id != "..";
}

LangText RefLabel(const Ref& ref, std::string_view lang, const Config& config) {
  LangText t = PickText(ref.labels, lang, config.languages);
  if (!t.empty()) return t;
  std::size_t cut = ref.iri.find_last_of("/#");
  t.text = cut == std::string::npos ? ref.iri : ref.iri.substr(cut + 1);
  t.fallback = true;
  return t;
}

namespace {

using Reader = GraphReader;

std::string Skos(const char* l) { return Iri(ns::kSkos, l); }
std::string Rdfs(const char* l) { return Iri(ns::kRdfs, l); }
std::string Dct(const char* l) { return Iri(ns::kDcterms, l); }
std::string Bibo(const char* l) { return Iri(ns::kBibo, l); }

// The cell of `var` in `row` of `rs`, or nullptr.
const Term* Cell(const ResultSet& rs, ResultRows::Row row, std::string_view var) {
  for (std::size_t i = 0; i < rs.variables.size(); ++i)
    if (rs.variables[i] == var) return row[i] ? &*row[i] : nullptr;
  return nullptr;
}

std::optional<int> ToInt(const std::string& s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Footnote numbers sort as numbers ("2" < "10"); "19a" after "19".
bool FootnoteLess(const Footnote& a, const Footnote& b) {
  auto na = ToInt(a.number), nb = ToInt(b.number);
  if (na && nb && *na != *nb) return *na < *nb;
  return std::tie(a.number, a.iri) < std::tie(b.number, b.iri);
}

Result<Footnote> LoadFootnote(Reader& r, const std::string& iri) {
  auto out = r.Out(iri);
  if (!out.ok()) return out.error();
  Footnote f;
  f.iri = iri;
  f.number = FirstLiteral(**out, r.Ul("footnoteNumber"));
  f.citation = FirstLiteral(**out, Dct("bibliographicCitation"));
  auto works = r.MakeRefs(IrisOf(**out, Iri(ns::kCito, "cites")));
  if (!works.ok()) return works.error();
  f.works = std::move(works.value());
  return f;
}

Result<Passage> LoadPassage(Reader& r, const std::string& iri) {
  auto out = r.Out(iri);
  if (!out.ok()) return out.error();
  Passage p;
  p.iri = iri;
  p.label = FirstLiteral(**out, Rdfs("label"));
  p.section = FirstLiteral(**out, r.Ul("section"));
  p.paragraph = ToInt(FirstLiteral(**out, r.Ul("paragraph")));
  p.list_item = FirstLiteral(**out, r.Ul("listItem"));
  // The target and selector are blank nodes: reach them by a path from
  // the passage's IRI rather than by their labels.
  auto rs = r.Select(
      "SELECT ?exact ?source WHERE { ?p oa:hasTarget ?t . "
      "OPTIONAL { ?t oa:hasSelector ?sel . ?sel oa:exact ?exact } "
      "OPTIONAL { ?t oa:hasSource ?source } } ORDER BY ?exact ?source LIMIT 1",
      {{"p", Term::Iri(iri)}});
  if (!rs.ok()) return rs.error();
  if (!rs->rows.empty()) {
    const auto& row = rs->rows.front();
    if (const Term* t = Cell(*rs, row, "exact")) {
      p.exact = t->value;
      p.language = t->language;
    }
    if (const Term* t = Cell(*rs, row, "source"); t && t->is_iri()) {
      auto src = r.MakeRef(t->value);
      if (!src.ok()) return src.error();
      p.source = std::move(src.value());
      if (p.language.empty()) {
        auto so = r.Out(t->value);
        if (!so.ok()) return so.error();
        p.language = FirstLiteral(**so, Dct("language"));
      }
    }
  }
  for (const auto& fn : IrisOf(**out, r.Ul("hasFootnote"))) {
    auto f = LoadFootnote(r, fn);
    if (!f.ok()) return f.error();
    p.footnotes.push_back(std::move(f.value()));
  }
  std::sort(p.footnotes.begin(), p.footnotes.end(), FootnoteLess);
  auto cites = r.MakeRefs(IrisOf(**out, Iri(ns::kCito, "cites")));
  if (!cites.ok()) return cites.error();
  p.cites = std::move(cites.value());
  return p;
}

Result<Example> LoadExample(Reader& r, const std::string& iri) {
  auto out = r.Out(iri);
  if (!out.ok()) return out.error();
  Example e;
  e.iri = iri;
  e.labels = LiteralsOf(**out, Rdfs("label"));
  e.titles = LiteralsOf(**out, Dct("title"));
  e.texts = LiteralsOf(**out, r.Ul("exampleText"));
  e.derived_from = IrisOf(**out, Iri(ns::kProv, "wasDerivedFrom"));
  return e;
}

// The authors of a work in bibo:authorList order. The list's nodes are
// blank, so one query returns every (node, first, rest) reachable from the
// head and the walk happens here (bounded by the node count, so a cyclic
// list ends).
Result<std::vector<std::string>> AuthorList(Reader& r, const std::string& work) {
  auto rs = r.Select(
      "SELECT ?head ?node ?first ?rest WHERE { ?w bibo:authorList ?head . "
      "?head rdf:rest* ?node . ?node rdf:first ?first ; rdf:rest ?rest }",
      {{"w", Term::Iri(work)}});
  if (!rs.ok()) return rs.error();
  std::map<Term, std::pair<Term, Term>> nodes;
  std::optional<Term> head;
  for (const auto& row : rs->rows) {
    const Term *h = Cell(*rs, row, "head"), *n = Cell(*rs, row, "node"),
               *f = Cell(*rs, row, "first"), *x = Cell(*rs, row, "rest");
    if (!h || !n || !f || !x) continue;
    if (!head || *h < *head) head = *h;
    nodes.emplace(*n, std::make_pair(*f, *x));
  }
  std::vector<std::string> authors;
  std::optional<Term> at = head;
  for (std::size_t steps = 0; at && steps <= nodes.size(); ++steps) {
    auto it = nodes.find(*at);
    if (it == nodes.end()) break;
    if (it->second.first.is_iri()) authors.push_back(it->second.first.value);
    at = it->second.second;
  }
  return authors;
}

Result<Work> LoadWork(Reader& r, const std::string& iri) {
  auto outr = r.Out(iri);
  if (!outr.ok()) return outr.error();
  const Pairs& out = **outr;
  Work w;
  w.iri = iri;
  w.id = ShortId(iri, r.config().base + r.config().work_segment);
  w.types = IrisOf(out, kRdfType);
  w.labels = LiteralsOf(out, Rdfs("label"));
  w.titles = LiteralsOf(out, Dct("title"));
  auto list = AuthorList(r, iri);
  if (!list.ok()) return list.error();
  std::vector<std::string> author_iris = *list;
  if (author_iris.empty()) author_iris = IrisOf(out, Dct("creator"));
  for (const auto& a : author_iris) {  // list order, not sorted
    auto ref = r.MakeRef(a);
    if (!ref.ok()) return ref.error();
    w.authors.push_back(std::move(ref.value()));
  }
  w.year = FirstLiteral(out, Dct("issued"));
  w.date = FirstLiteral(out, Dct("date"));
  if (auto parts = IrisOf(out, Dct("isPartOf")); !parts.empty()) {
    auto ref = r.MakeRef(parts.front());
    if (!ref.ok()) return ref.error();
    w.part_of = std::move(ref.value());
  }
  w.volume = FirstLiteral(out, Bibo("volume"));
  w.issue = FirstLiteral(out, Bibo("issue"));
  w.page_start = FirstLiteral(out, Bibo("pageStart"));
  w.page_end = FirstLiteral(out, Bibo("pageEnd"));
  w.pages = FirstLiteral(out, Bibo("pages"));
  auto pubs = r.MakeRefs(IrisOf(out, Dct("publisher")));
  if (!pubs.ok()) return pubs.error();
  w.publishers = std::move(pubs.value());
  w.place = FirstLiteral(out, r.Ul("placeOfPublication"));
  if (auto pages = IrisOf(out, Iri(ns::kFoaf, "page")); !pages.empty()) w.url = pages.front();
  w.link_text = FirstLiteral(out, r.Ul("linkText"));
  w.citation = FirstLiteral(out, Dct("bibliographicCitation"));
  w.editorial_notes = LiteralsOf(out, Skos("editorialNote"));
  return w;
}

// Subjects s of (s, p, iri) in an In() list.
std::vector<std::string> SubjectsOf(const Pairs& in, const std::string& p) {
  std::vector<std::string> v;
  for (const auto& [s, pred] : in)
    if (pred.value == p && s.is_iri()) v.push_back(s.value);
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<std::string> Union(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

// Broader / narrower / related IRIs of a concept, stated in either direction.
Result<std::vector<std::string>> NeighbourIris(Reader& r, const std::string& iri, Direction d) {
  auto out = r.Out(iri);
  if (!out.ok()) return out.error();
  auto in = r.In(iri);
  if (!in.ok()) return in.error();
  switch (d) {
    case Direction::kBroader:
      return Union(IrisOf(**out, Skos("broader")), SubjectsOf(**in, Skos("narrower")));
    case Direction::kNarrower:
      return Union(IrisOf(**out, Skos("narrower")), SubjectsOf(**in, Skos("broader")));
    case Direction::kRelated:
    default: {
      auto v = Union(IrisOf(**out, Skos("related")), SubjectsOf(**in, Skos("related")));
      v.erase(std::remove(v.begin(), v.end(), iri), v.end());
      return v;
    }
  }
}

Status RequireConcept(Reader& r, const std::string& iri) {
  auto is = r.IsConcept(iri);
  if (!is.ok()) return is.error();
  if (!*is) return Error::NotFound("no concept <" + iri + ">");
  return Status::Ok();
}

}  // namespace

// ---- Concepts --------------------------------------------------------------

Result<ConceptView> GetConcept(const Store& store, const std::string& iri, const Config& config) {
  Reader r(store, config);
  if (auto s = RequireConcept(r, iri); !s.ok()) return s.error();
  auto outr = r.Out(iri);
  if (!outr.ok()) return outr.error();
  const Pairs out = **outr;  // a copy: the memo map may grow below
  auto inr = r.In(iri);
  if (!inr.ok()) return inr.error();
  const Pairs in = **inr;

  ConceptView v;
  v.iri = iri;
  v.id = ShortId(iri, config.base + config.concept_segment);
  auto types = r.MakeRefs(IrisOf(out, kRdfType));
  if (!types.ok()) return types.error();
  v.types = std::move(types.value());
  v.pref_labels = LiteralsOf(out, Skos("prefLabel"));
  v.alt_labels = LiteralsOf(out, Skos("altLabel"));
  v.hidden_labels = LiteralsOf(out, Skos("hiddenLabel"));
  v.definitions = LiteralsOf(out, Skos("definition"));
  v.explanations = LiteralsOf(out, Rdfs("comment"));
  v.scope_notes = LiteralsOf(out, Skos("scopeNote"));
  v.editorial_notes = LiteralsOf(out, Skos("editorialNote"));
  v.notes = LiteralsOf(out, Skos("note"));
  v.examples_text = LiteralsOf(out, Skos("example"));

  auto refs = [&](const std::vector<std::string>& iris, std::vector<Ref>& into) -> Status {
    auto rr = r.MakeRefs(iris);
    if (!rr.ok()) return rr.error();
    into = std::move(rr.value());
    return Status::Ok();
  };
  if (auto s = refs(IrisOf(out, Dct("source")), v.sources); !s.ok()) return s.error();
  for (Direction d : {Direction::kBroader, Direction::kNarrower, Direction::kRelated}) {
    auto n = NeighbourIris(r, iri, d);
    if (!n.ok()) return n.error();
    auto& into = d == Direction::kBroader ? v.broader
                 : d == Direction::kNarrower ? v.narrower : v.related;
    if (auto s = refs(*n, into); !s.ok()) return s.error();
  }
  if (auto s = refs(IrisOf(out, Skos("inScheme")), v.in_schemes); !s.ok()) return s.error();
  if (auto s = refs(Union(IrisOf(out, Skos("topConceptOf")),
                          SubjectsOf(in, Skos("hasTopConcept"))),
                    v.top_concept_of);
      !s.ok())
    return s.error();

  for (const auto& p : IrisOf(out, Iri(ns::kProv, "wasDerivedFrom"))) {
    auto passage = LoadPassage(r, p);
    if (!passage.ok()) return passage.error();
    v.derived_from.push_back(std::move(passage.value()));
  }
  for (const auto& e : Union(IrisOf(out, r.Ul("hasExample")), SubjectsOf(in, r.Ul("illustrates")))) {
    auto ex = LoadExample(r, e);
    if (!ex.ok()) return ex.error();
    v.examples.push_back(std::move(ex.value()));
  }
  const std::string cites_as_authority = Iri(ns::kCito, "citesAsAuthority");
  for (const auto& w : IrisOf(out, cites_as_authority)) {
    auto work = LoadWork(r, w);
    if (!work.ok()) return work.error();
    v.works.push_back(std::move(work.value()));
    auto win = r.In(w);
    if (!win.ok()) return win.error();
    auto others = SubjectsOf(**win, cites_as_authority);
    others.erase(std::remove(others.begin(), others.end(), iri), others.end());
    SharedWork shared;
    auto wref = r.MakeRef(w);
    if (!wref.ok()) return wref.error();
    shared.work = std::move(wref.value());
    if (auto s = refs(others, shared.concepts); !s.ok()) return s.error();
    v.shared_works.push_back(std::move(shared));
  }

  // Everything else the concept states, with the property's own labels.
  static const std::set<std::string> kShown = {
      kRdfType, Skos("prefLabel"), Skos("altLabel"), Skos("hiddenLabel"), Skos("definition"),
      Rdfs("comment"), Skos("scopeNote"), Skos("editorialNote"), Skos("note"), Skos("example"),
      Dct("source"), Skos("broader"), Skos("narrower"), Skos("related"), Skos("inScheme"),
      Skos("topConceptOf"), Iri(ns::kProv, "wasDerivedFrom"), Iri(ns::kCito, "citesAsAuthority")};
  const std::string has_example = r.Ul("hasExample");
  std::map<std::string, Attribute> attributes;
  for (const auto& [p, o] : out) {
    if (kShown.count(p.value) || p.value == has_example) continue;
    if (o.is_iri()) {
      Relation rel;
      rel.property = p.value;
      auto pref = r.MakeRef(p.value);
      if (!pref.ok()) return pref.error();
      rel.property_labels = std::move(pref->labels);
      auto target = r.MakeRef(o.value);
      if (!target.ok()) return target.error();
      rel.target = std::move(target.value());
      v.relations.push_back(std::move(rel));
    } else if (o.is_literal()) {
      auto& a = attributes[p.value];
      if (a.property.empty()) {
        a.property = p.value;
        auto pref = r.MakeRef(p.value);
        if (!pref.ok()) return pref.error();
        a.property_labels = std::move(pref->labels);
      }
      a.values.push_back({o.value, o.language, o.datatype});
    }
  }
  std::sort(v.relations.begin(), v.relations.end(), [](const Relation& a, const Relation& b) {
    return std::tie(a.property, a.target.iri) < std::tie(b.property, b.target.iri);
  });
  for (auto& [p, a] : attributes) v.attributes.push_back(std::move(a));
  return v;
}

Result<std::vector<Ref>> Neighbours(const Store& store, const std::string& iri, Direction d,
                                    const Config& config) {
  Reader r(store, config);
  if (auto s = RequireConcept(r, iri); !s.ok()) return s.error();
  auto n = NeighbourIris(r, iri, d);
  if (!n.ok()) return n.error();
  return r.MakeRefs(*n);
}

// ---- Schemes ---------------------------------------------------------------

namespace {

Result<SchemeView> LoadScheme(Reader& r, const std::string& iri) {
  auto out = r.Out(iri);
  if (!out.ok()) return out.error();
  auto in = r.In(iri);
  if (!in.ok()) return in.error();
  SchemeView s;
  s.iri = iri;
  s.id = ShortId(iri, r.config().base + r.config().scheme_segment);
  s.pref_labels = LiteralsOf(**out, Skos("prefLabel"));
  s.definitions = LiteralsOf(**out, Skos("definition"));
  auto tops = r.MakeRefs(
      Union(IrisOf(**out, Skos("hasTopConcept")), SubjectsOf(**in, Skos("topConceptOf"))));
  if (!tops.ok()) return tops.error();
  s.top_concepts = std::move(tops.value());
  s.concept_count = SubjectsOf(**in, Skos("inScheme")).size();
  return s;
}

}  // namespace

Result<std::vector<SchemeView>> ListSchemes(const Store& store, const Config& config) {
  Reader r(store, config);
  auto rs = r.Select(
      "SELECT DISTINCT ?s WHERE { ?s rdf:type/rdfs:subClassOf* skos:ConceptScheme } ORDER BY ?s");
  if (!rs.ok()) return rs.error();
  std::vector<SchemeView> schemes;
  for (const auto& row : rs->rows) {
    if (!row[0] || !row[0]->is_iri()) continue;
    auto s = LoadScheme(r, row[0]->value);
    if (!s.ok()) return s.error();
    schemes.push_back(std::move(s.value()));
  }
  return schemes;
}

Result<SchemeView> GetScheme(const Store& store, const std::string& iri, const Config& config) {
  Reader r(store, config);
  auto is = r.IsScheme(iri);
  if (!is.ok()) return is.error();
  if (!*is) return Error::NotFound("no concept scheme <" + iri + ">");
  return LoadScheme(r, iri);
}

// ---- Hierarchy -------------------------------------------------------------

Result<std::vector<std::vector<Ref>>> PathsToTop(const Store& store, const std::string& iri,
                                                 const Config& config) {
  constexpr std::size_t kMaxPaths = 64;
  Reader r(store, config);
  if (auto s = RequireConcept(r, iri); !s.ok()) return s.error();
  std::vector<std::vector<std::string>> paths;  // concept first, top last
  std::vector<std::string> path{iri};
  std::optional<Error> error;
  std::function<void()> climb = [&]() {
    if (error || paths.size() >= kMaxPaths) return;
    auto up = NeighbourIris(r, path.back(), Direction::kBroader);
    if (!up.ok()) {
      error = up.error();
      return;
    }
    bool extended = false;
    for (const auto& b : *up) {
      if (std::find(path.begin(), path.end(), b) != path.end()) continue;  // cycle
      extended = true;
      path.push_back(b);
      climb();
      path.pop_back();
    }
    if (!extended && paths.size() < kMaxPaths) paths.push_back(path);
  };
  climb();
  if (error) return *error;
  std::vector<std::vector<Ref>> result;
  for (auto& p : paths) {
    std::reverse(p.begin(), p.end());
    std::vector<Ref> refs;
    for (const auto& c : p) {
      auto ref = r.MakeRef(c);
      if (!ref.ok()) return ref.error();
      refs.push_back(std::move(ref.value()));
    }
    result.push_back(std::move(refs));
  }
  return result;
}

Result<std::vector<TreeNode>> SchemeTree(const Store& store, const std::string& scheme_iri,
                                         const Config& config) {
  constexpr std::size_t kMaxNodes = 20000;
  Reader r(store, config);
  auto is = r.IsScheme(scheme_iri);
  if (!is.ok()) return is.error();
  if (!*is) return Error::NotFound("no concept scheme <" + scheme_iri + ">");
  auto rs = r.Select(
      "SELECT ?c ?b WHERE { ?c skos:inScheme ?s . OPTIONAL { "
      "{ ?c skos:broader ?b } UNION { ?b skos:narrower ?c } ?b skos:inScheme ?s } }",
      {{"s", Term::Iri(scheme_iri)}});
  if (!rs.ok()) return rs.error();
  std::set<std::string> members;
  std::map<std::string, std::set<std::string>> children;
  std::set<std::string> has_broader;
  for (const auto& row : rs->rows) {
    const Term *c = Cell(*rs, row, "c"), *b = Cell(*rs, row, "b");
    if (!c || !c->is_iri()) continue;
    members.insert(c->value);
    if (b && b->is_iri() && b->value != c->value) {
      children[b->value].insert(c->value);
      has_broader.insert(c->value);
    }
  }
  auto scheme = LoadScheme(r, scheme_iri);
  if (!scheme.ok()) return scheme.error();
  std::set<std::string> roots;
  for (const auto& t : scheme->top_concepts) roots.insert(t.iri);
  for (const auto& m : members)
    if (!has_broader.count(m)) roots.insert(m);

  std::map<std::string, Ref> refs;
  for (const auto& m : members) {
    auto ref = r.MakeRef(m);
    if (!ref.ok()) return ref.error();
    refs.emplace(m, std::move(ref.value()));
  }
  for (const auto& t : scheme->top_concepts) refs.emplace(t.iri, t);
  auto sort_key = [&](const std::string& iri) {
    const Ref& ref = refs.at(iri);
    return std::make_pair(Fold(RefLabel(ref, config.languages.empty() ? "" : config.languages[0],
                                        config).text),
                          iri);
  };
  auto sorted = [&](const std::set<std::string>& s) {
    std::vector<std::string> v(s.begin(), s.end());
    std::sort(v.begin(), v.end(),
              [&](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); });
    return v;
  };
  std::size_t nodes = 0;
  std::vector<std::string> path;
  std::function<TreeNode(const std::string&)> build = [&](const std::string& iri) {
    TreeNode n;
    n.ref = refs.at(iri);
    ++nodes;
    path.push_back(iri);
    if (auto it = children.find(iri); it != children.end())
      for (const auto& c : sorted(it->second)) {
        if (nodes >= kMaxNodes) break;
        if (std::find(path.begin(), path.end(), c) != path.end()) continue;  // cycle
        n.children.push_back(build(c));
      }
    path.pop_back();
    return n;
  };
  std::vector<TreeNode> tree;
  for (const auto& root : sorted(roots)) tree.push_back(build(root));
  return tree;
}

// ---- Concept lists -----------------------------------------------------------

Result<std::vector<ConceptSummary>> ListConcepts(const Store& store, const Config& config) {
  Reader r(store, config);
  auto rs = r.Select(
      "SELECT ?c ?p ?o WHERE { ?c rdf:type/rdfs:subClassOf* skos:Concept . "
      "VALUES ?p { skos:prefLabel skos:altLabel skos:inScheme } ?c ?p ?o }");
  if (!rs.ok()) return rs.error();
  std::map<std::string, ConceptSummary> by_iri;
  const std::string pref = Skos("prefLabel"), alt = Skos("altLabel"), in = Skos("inScheme");
  for (const auto& row : rs->rows) {
    const Term *c = Cell(*rs, row, "c"), *p = Cell(*rs, row, "p"), *o = Cell(*rs, row, "o");
    if (!c || !p || !o || !c->is_iri()) continue;
    auto& s = by_iri[c->value];
    s.ref.iri = c->value;
    if (p->value == pref && o->is_literal()) s.ref.labels[o->language].push_back(o->value);
    if (p->value == alt && o->is_literal()) s.alt_labels[o->language].push_back(o->value);
    if (p->value == in && o->is_iri()) s.schemes.push_back(o->value);
  }
  // Concepts without any of the three properties still belong in the list.
  auto all = r.Select("SELECT DISTINCT ?c WHERE { ?c rdf:type/rdfs:subClassOf* skos:Concept }");
  if (!all.ok()) return all.error();
  for (const auto& row : all->rows)
    if (row[0] && row[0]->is_iri()) by_iri[row[0]->value].ref.iri = row[0]->value;

  std::vector<ConceptSummary> list;
  for (auto& [iri, s] : by_iri) {
    s.ref.id = ShortId(iri, config.base + config.concept_segment);
    for (auto* lv : {&s.ref.labels, &s.alt_labels})
      for (auto& [lang, values] : *lv) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
      }
    std::sort(s.schemes.begin(), s.schemes.end());
    s.schemes.erase(std::unique(s.schemes.begin(), s.schemes.end()), s.schemes.end());
    list.push_back(std::move(s));
  }
  return list;
}

std::vector<IndexEntry> AlphabeticalIndex(const std::vector<ConceptSummary>& concepts,
                                          std::string_view lang, const Config& config) {
  std::vector<std::pair<std::string, IndexEntry>> keyed;
  auto add = [&](const ConceptSummary& c, const std::string& label, bool is_alt,
                 const LangText& pref) {
    IndexEntry e;
    std::string folded = Fold(label);
    if (!folded.empty()) {
      std::size_t len = 1;
      while (len < folded.size() && (static_cast<unsigned char>(folded[len]) & 0xC0) == 0x80)
        ++len;
      e.letter = folded.substr(0, len);
      if (e.letter.size() == 1 && e.letter[0] >= 'a' && e.letter[0] <= 'z')
        e.letter[0] = static_cast<char>(e.letter[0] - 'a' + 'A');
    }
    e.label = label;
    e.is_alt = is_alt;
    e.pref_label = pref;
    e.iri = c.ref.iri;
    e.id = c.ref.id;
    keyed.emplace_back(folded + '\x01' + c.ref.iri, std::move(e));
  };
  for (const auto& c : concepts) {
    LangText pref = RefLabel(c.ref, lang, config);
    add(c, pref.text, false, pref);
    auto it = c.alt_labels.find(std::string(lang));
    if (it != c.alt_labels.end())
      for (const auto& a : it->second)
        if (a != pref.text) add(c, a, true, pref);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<IndexEntry> index;
  index.reserve(keyed.size());
  for (auto& [k, e] : keyed) index.push_back(std::move(e));
  return index;
}

// ---- Works -------------------------------------------------------------------

namespace {

Result<WorkView> LoadWorkView(Reader& r, const std::string& iri) {
  WorkView v;
  auto w = LoadWork(r, iri);
  if (!w.ok()) return w.error();
  v.work = std::move(w.value());
  auto in = r.In(iri);
  if (!in.ok()) return in.error();
  const Pairs incoming = **in;
  auto concepts = r.MakeRefs(SubjectsOf(incoming, Iri(ns::kCito, "citesAsAuthority")));
  if (!concepts.ok()) return concepts.error();
  v.citing_concepts = std::move(concepts.value());
  const std::string footnote_class = r.Ul("Footnote");
  for (const auto& s : SubjectsOf(incoming, Iri(ns::kCito, "cites"))) {
    auto out = r.Out(s);
    if (!out.ok()) return out.error();
    if (r.IsA(**out, footnote_class)) {
      auto f = LoadFootnote(r, s);
      if (!f.ok()) return f.error();
      v.footnotes.push_back(std::move(f.value()));
    } else {
      auto p = LoadPassage(r, s);
      if (!p.ok()) return p.error();
      v.citing_passages.push_back(std::move(p.value()));
    }
  }
  std::sort(v.footnotes.begin(), v.footnotes.end(), FootnoteLess);
  return v;
}

}  // namespace

Result<WorkView> GetWork(const Store& store, const std::string& iri, const Config& config) {
  Reader r(store, config);
  auto is = r.Ask(
      "ASK { { ?x cito:citesAsAuthority|cito:cites|dcterms:source|dcterms:isPartOf ?w } UNION "
      "{ ?w rdf:type ?t FILTER(STRSTARTS(STR(?t), \"http://purl.org/ontology/bibo/\")) } }",
      {{"w", Term::Iri(iri)}});
  if (!is.ok()) return is.error();
  if (!*is) return Error::NotFound("no work <" + iri + ">");
  return LoadWorkView(r, iri);
}

Result<std::vector<WorkView>> ListWorks(const Store& store, const Config& config) {
  Reader r(store, config);
  auto rs = r.Select(
      "SELECT DISTINCT ?w WHERE { ?x cito:citesAsAuthority|cito:cites|dcterms:source ?w "
      "FILTER(isIRI(?w)) } ORDER BY ?w");
  if (!rs.ok()) return rs.error();
  std::vector<WorkView> works;
  for (const auto& row : rs->rows) {
    if (!row[0]) continue;
    auto v = LoadWorkView(r, row[0]->value);
    if (!v.ok()) return v.error();
    works.push_back(std::move(v.value()));
  }
  return works;
}

}  // namespace kg::vocabulary

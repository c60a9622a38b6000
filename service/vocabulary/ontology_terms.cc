#include "vocabulary/ontology_terms.h"

#include <algorithm>
#include <map>

#include "vocabulary/graph_reader.h"

namespace kg::vocabulary {
namespace {

constexpr const char* kOwl = "http://www.w3.org/2002/07/owl#";

// The rows of a SELECT with ?t bound to the term. Counted here rather than
// with COUNT: the engine joins initial bindings with the answer, which for an
// aggregate is after grouping, where ?t is out of scope.
Result<std::size_t> CountOf(GraphReader& reader, const std::string& query,
                            const std::string& iri) {
  auto rs = reader.Select(query, {{"t", Term::Iri(iri)}});
  if (!rs.ok()) return rs.error();
  return rs->rows.size();
}

}  // namespace

Result<std::vector<OntologyTerm>> ListOntologyTerms(const Store& store, const Config& config) {
  GraphReader reader(store, config);
  const std::string ns = config.OntologyNamespace();
  auto rs = reader.Select(
      "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
      "SELECT DISTINCT ?t ?k WHERE {\n"
      "  { ?t a ?c . VALUES (?c ?k) { (owl:Class 0) (rdfs:Class 0) (rdf:Property 1)\n"
      "      (owl:ObjectProperty 1) (owl:DatatypeProperty 1) (owl:AnnotationProperty 1) } }\n"
      "  FILTER(isIRI(?t) && STRSTARTS(STR(?t), STR(ul:)))\n"
      "}");
  if (!rs.ok()) return rs.error();
  // A term typed both as class and property (ill-formed, but possible) is
  // shown as a property: what it is used as.
  std::map<std::string, OntologyTerm::Kind> kinds;
  for (const auto& row : rs->rows) {
    if (!row[0] || !row[1]) continue;
    auto kind = row[1]->value == "1" ? OntologyTerm::Kind::kProperty : OntologyTerm::Kind::kClass;
    auto [it, inserted] = kinds.emplace(row[0]->value, kind);
    if (!inserted && kind == OntologyTerm::Kind::kProperty) it->second = kind;
  }
  const std::string rdfs = ns::kRdfs;
  std::vector<OntologyTerm> terms;
  for (const auto& [iri, kind] : kinds) {
    if (iri.size() <= ns.size()) continue;  // the namespace IRI itself
    OntologyTerm t;
    t.iri = iri;
    t.local_name = iri.substr(ns.size());
    t.kind = kind;
    auto out = reader.Out(iri);
    if (!out.ok()) return out.error();
    auto in = reader.In(iri);
    if (!in.ok()) return in.error();
    t.labels = LiteralsOf(**out, rdfs + "label");
    t.comments = LiteralsOf(**out, rdfs + "comment");
    const std::string super_p =
        rdfs + (kind == OntologyTerm::Kind::kClass ? "subClassOf" : "subPropertyOf");
    auto refs = [&](std::vector<std::string> iris) { return reader.MakeRefs(std::move(iris)); };
    auto types = refs(IrisOf(**out, kRdfType));
    auto domains = refs(IrisOf(**out, rdfs + "domain"));
    auto ranges = refs(IrisOf(**out, rdfs + "range"));
    auto supers = refs(IrisOf(**out, super_p));
    std::vector<std::string> sub_iris, inverse_iris = IrisOf(**out, std::string(kOwl) + "inverseOf");
    for (const auto& [s, p] : **in) {
      if (!s.is_iri() || !p.is_iri()) continue;
      if (p.value == super_p) sub_iris.push_back(s.value);
      if (p.value == std::string(kOwl) + "inverseOf") inverse_iris.push_back(s.value);
    }
    auto subs = refs(std::move(sub_iris));
    auto inverses = refs(std::move(inverse_iris));
    for (auto* r : {&types, &domains, &ranges, &supers, &subs, &inverses})
      if (!r->ok()) return r->error();
    t.types = std::move(*types);
    t.domains = std::move(*domains);
    t.ranges = std::move(*ranges);
    t.supers = std::move(*supers);
    t.subs = std::move(*subs);
    t.inverses = std::move(*inverses);
    auto count = kind == OntologyTerm::Kind::kClass
                     ? CountOf(reader, "SELECT DISTINCT ?x WHERE { ?x a ?t }", iri)
                     : CountOf(reader, "SELECT ?s ?o WHERE { ?s ?t ?o }", iri);
    if (!count.ok()) return count.error();
    t.usage_count = *count;
    terms.push_back(std::move(t));
  }
  std::stable_sort(terms.begin(), terms.end(), [](const OntologyTerm& a, const OntologyTerm& b) {
    return a.kind < b.kind;  // classes first; within a kind the map's IRI order stays
  });
  return terms;
}

}  // namespace kg::vocabulary

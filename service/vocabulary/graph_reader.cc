#include "vocabulary/graph_reader.h"

#include <algorithm>

namespace kg::vocabulary {
namespace {

// An IRI the prologue can hold between < and > (SPARQL IRIREF).
bool IsIriRefSafe(const std::string& iri) {
  for (unsigned char c : iri)
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\')
      return false;
  return !iri.empty();
}

}  // namespace

GraphReader::GraphReader(const Store& store, const Config& config)
    : store_(store), config_(config) {
  prologue_ =
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
      "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
      "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
      "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
      "PREFIX cito: <http://purl.org/spar/cito/>\n"
      "PREFIX oa: <http://www.w3.org/ns/oa#>\n"
      "PREFIX bibo: <http://purl.org/ontology/bibo/>\n"
      "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";
  // The configured base comes from the operator, not a client; one that
  // cannot be written as an IRIREF leaves ul: undeclared, so every query
  // that needs it fails with a syntax error naming the prefix.
  std::string ul = config_.OntologyNamespace();
  if (IsIriRefSafe(ul)) prologue_ += "PREFIX ul: <" + ul + ">\n";
}

Result<ResultSet> GraphReader::Select(const std::string& body,
                                      const sparql::Bindings& bindings) {
  auto r = sparql::ExecuteQuery(store_, prologue_ + body, {}, {}, {}, bindings);
  if (!r.ok()) return r.error();
  if (!r->is_select()) return Error::Internal("vocabulary query is not a SELECT");
  return std::get<ResultSet>(std::move(r->value));
}

Result<bool> GraphReader::Ask(const std::string& body, const sparql::Bindings& bindings) {
  auto r = sparql::ExecuteQuery(store_, prologue_ + body, {}, {}, {}, bindings);
  if (!r.ok()) return r.error();
  if (!r->is_ask()) return Error::Internal("vocabulary query is not an ASK");
  return std::get<bool>(r->value);
}

Result<const Pairs*> GraphReader::Out(const std::string& iri) {
  if (auto it = out_.find(iri); it != out_.end()) return &it->second;
  auto rs = Select("SELECT ?p ?o WHERE { ?s ?p ?o }", {{"s", Term::Iri(iri)}});
  if (!rs.ok()) return rs.error();
  Pairs pairs;
  for (const auto& row : rs->rows)
    if (row[0] && row[1]) pairs.emplace_back(*row[0], *row[1]);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return &(out_[iri] = std::move(pairs));
}

Result<const Pairs*> GraphReader::In(const std::string& iri) {
  if (auto it = in_.find(iri); it != in_.end()) return &it->second;
  auto rs = Select("SELECT ?s ?p WHERE { ?s ?p ?o }", {{"o", Term::Iri(iri)}});
  if (!rs.ok()) return rs.error();
  Pairs pairs;
  for (const auto& row : rs->rows)
    if (row[0] && row[1]) pairs.emplace_back(*row[0], *row[1]);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return &(in_[iri] = std::move(pairs));
}

std::string GraphReader::IdOf(const std::string& iri) const {
  for (const auto* seg : {&config_.concept_segment, &config_.scheme_segment,
                          &config_.work_segment}) {
    std::string id = ShortId(iri, config_.base + *seg);
    if (!id.empty()) return id;
  }
  return {};
}

Result<Ref> GraphReader::MakeRef(const std::string& iri) {
  Ref ref;
  ref.iri = iri;
  ref.id = IdOf(iri);
  auto out = Out(iri);
  if (!out.ok()) return out.error();
  for (const char* p : {"http://www.w3.org/2004/02/skos/core#prefLabel",
                        "http://www.w3.org/2000/01/rdf-schema#label",
                        "http://purl.org/dc/terms/title", "http://xmlns.com/foaf/0.1/name"}) {
    ref.labels = LiteralsOf(**out, p);
    if (!ref.labels.empty()) break;
  }
  return ref;
}

Result<std::vector<Ref>> GraphReader::MakeRefs(std::vector<std::string> iris) {
  std::sort(iris.begin(), iris.end());
  iris.erase(std::unique(iris.begin(), iris.end()), iris.end());
  std::vector<Ref> refs;
  refs.reserve(iris.size());
  for (const auto& iri : iris) {
    auto r = MakeRef(iri);
    if (!r.ok()) return r.error();
    refs.push_back(std::move(r.value()));
  }
  return refs;
}

bool GraphReader::IsA(const Pairs& out, const std::string& type) const {
  for (const auto& [p, o] : out)
    if (p.value == kRdfType && o.is_iri() && o.value == type) return true;
  return false;
}

Result<bool> GraphReader::IsConcept(const std::string& iri) {
  // A subclass of skos:Concept (ul:LearningMechanism, ...) counts too.
  return Ask("ASK { ?c rdf:type/rdfs:subClassOf* skos:Concept }", {{"c", Term::Iri(iri)}});
}

Result<bool> GraphReader::IsScheme(const std::string& iri) {
  return Ask("ASK { ?s rdf:type/rdfs:subClassOf* skos:ConceptScheme }",
             {{"s", Term::Iri(iri)}});
}

LangValues LiteralsOf(const Pairs& pairs, const std::string& p) {
  LangValues v;
  for (const auto& [pred, o] : pairs)
    if (pred.value == p && o.is_literal()) v[o.language].push_back(o.value);
  for (auto& [lang, list] : v) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return v;
}

std::vector<std::string> IrisOf(const Pairs& pairs, const std::string& p) {
  std::vector<std::string> v;
  for (const auto& [pred, o] : pairs)
    if (pred.value == p && o.is_iri()) v.push_back(o.value);
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string FirstLiteral(const Pairs& pairs, const std::string& p) {
  const std::string* best = nullptr;
  for (const auto& [pred, o] : pairs)
    if (pred.value == p && o.is_literal() && (!best || o.value < *best)) best = &o.value;
  return best ? *best : std::string();
}

}  // namespace kg::vocabulary

// Internal to service/vocabulary/: the queries the vocabulary functions run
// through kg's SPARQL engine, with the resource's IRI bound as a typed term
// (never pasted into the query text), and a per-call memo so that a concept
// page asks for each neighbour's labels once.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "evaluator/engine.h"
#include "store/store.h"
#include "vocabulary/vocabulary.h"

namespace kg::vocabulary {

namespace ns {
inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr const char* kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr const char* kDcterms = "http://purl.org/dc/terms/";
inline constexpr const char* kProv = "http://www.w3.org/ns/prov#";
inline constexpr const char* kCito = "http://purl.org/spar/cito/";
inline constexpr const char* kOa = "http://www.w3.org/ns/oa#";
inline constexpr const char* kBibo = "http://purl.org/ontology/bibo/";
inline constexpr const char* kFoaf = "http://xmlns.com/foaf/0.1/";
}  // namespace ns

// (predicate, object) pairs of one subject, or (subject, predicate) pairs
// of one object.
using Pairs = std::vector<std::pair<Term, Term>>;

class GraphReader {
 public:
  GraphReader(const Store& store, const Config& config);

  // A SELECT with the standard prefixes (rdf rdfs skos dcterms prov cito oa
  // bibo foaf, and ul: = config.OntologyNamespace()) prepended.
  Result<ResultSet> Select(const std::string& body, const sparql::Bindings& bindings = {});
  Result<bool> Ask(const std::string& body, const sparql::Bindings& bindings = {});

  // Every (p, o) with `iri` as subject / (s, p) with it as object, memoised.
  Result<const Pairs*> Out(const std::string& iri);
  Result<const Pairs*> In(const std::string& iri);

  // A Ref for an IRI: its labels (skos:prefLabel, else rdfs:label, else
  // dcterms:title, else foaf:name) and short id.
  Result<Ref> MakeRef(const std::string& iri);
  Result<std::vector<Ref>> MakeRefs(std::vector<std::string> iris);  // sorted, unique

  bool IsA(const Pairs& out, const std::string& type) const;
  Result<bool> IsConcept(const std::string& iri);
  Result<bool> IsScheme(const std::string& iri);

  std::string IdOf(const std::string& iri) const;
  const Config& config() const { return config_; }
  std::string Ul(const char* local) const { return config_.OntologyNamespace() + local; }

 private:
  const Store& store_;
  const Config& config_;
  std::string prologue_;
  std::map<std::string, Pairs> out_, in_;
};

inline std::string Iri(const char* ns, const char* local) { return std::string(ns) + local; }

// Literal objects of `p` in `pairs`, by language, each list sorted.
LangValues LiteralsOf(const Pairs& pairs, const std::string& p);
// IRI objects of `p` in `pairs`, sorted, unique.
std::vector<std::string> IrisOf(const Pairs& pairs, const std::string& p);
// The first literal of `p` (by sort order), or "".
std::string FirstLiteral(const Pairs& pairs, const std::string& p);

}  // namespace kg::vocabulary

// JSON and JSON-LD for the concept API, written from the vocabulary layer's
// structs (vocabulary/vocabulary.h). Both forms have the same keys: the
// JSON-LD form only adds one "@context" (ConceptContext) that maps each key
// whose meaning is an RDF property to it (prefLabel -> skos:prefLabel as a
// language map, derivedFrom -> prov:wasDerivedFrom, authors -> bibo:authorList
// as a @list, ...), "iri" to @id and "type" to @type; list answers put their
// items under a key aliased to @graph. Keys with no RDF counterpart (id,
// matchKind, paths, ...) are left out of the context, so a JSON-LD processor
// ignores them. Untagged literals sit under "@none" in language maps.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vocabulary/vocabulary.h"

namespace kg::api {

// The shared @context object, as JSON text; `ontology_ns` is ul:.
std::string ConceptContext(const std::string& ontology_ns);

struct JsonOptions {
  bool jsonld = false;
  std::string ontology_ns;  // for the context
};

std::string ConceptJson(const vocabulary::ConceptView& c, const JsonOptions& o);
// {"iri","id","<relation>":[refs]} for broader / narrower / related.
std::string NeighboursJson(const std::string& iri, const std::string& id, const char* relation,
                           const std::vector<vocabulary::Ref>& refs, const JsonOptions& o);
// {"iri","id","paths":[[ref top ... ref concept], ...]}; each ref carries
// "broader" (the next one up) so the JSON-LD form states the chain.
std::string HierarchyJson(const std::string& iri, const std::string& id,
                          const std::vector<std::vector<vocabulary::Ref>>& paths,
                          const JsonOptions& o);
std::string SearchJson(std::string_view q, std::string_view lang,
                       const std::vector<vocabulary::SearchHit>& hits, const JsonOptions& o);
// One scheme with its tree: {"iri", ..., "tree": [{"iri","id","label",
// "narrower": [...]}]}; in JSON-LD each node is skos:narrower of its parent
// and the roots skos:inScheme the scheme.
std::string SchemeJson(const vocabulary::SchemeView& scheme,
                       const std::vector<vocabulary::TreeNode>& tree, const JsonOptions& o);
std::string SchemesJson(const std::vector<vocabulary::SchemeView>& schemes, const JsonOptions& o);
std::string WorksJson(const std::vector<vocabulary::WorkView>& works, const JsonOptions& o);
std::string WorkJson(const vocabulary::WorkView& work, const JsonOptions& o);

}  // namespace kg::api

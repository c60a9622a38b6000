// The classes and properties of the graph's own ontology (the ul: namespace,
// ontology/ontology.ttl) as plain structs, for the documentation generator's
// term pages: what a term is (owl:Class, owl:ObjectProperty, ...), its labels
// and comments, domain, range, super-terms, inverse, and how often the graph
// uses it. Read through kg's SPARQL engine like the rest of vocabulary/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "vocabulary/vocabulary.h"

namespace kg::vocabulary {

struct OntologyTerm {
  enum class Kind { kClass, kProperty };
  std::string iri;
  std::string local_name;          // the IRI after the ontology namespace
  Kind kind = Kind::kClass;
  std::vector<Ref> types;          // rdf:type (owl:Class, owl:TransitiveProperty, ...), by IRI
  LangValues labels, comments;     // rdfs:label, rdfs:comment
  std::vector<Ref> domains, ranges;  // rdfs:domain, rdfs:range, by IRI
  std::vector<Ref> supers;         // rdfs:subClassOf / rdfs:subPropertyOf, by IRI
  std::vector<Ref> subs;           // terms that name this one as super, by IRI
  std::vector<Ref> inverses;       // owl:inverseOf, stated in either direction, by IRI
  // Classes: resources typed with the class. Properties: triples with the
  // property as predicate. Both over the query default graph.
  std::size_t usage_count = 0;
};

// Every resource in config.OntologyNamespace() typed owl:Class or
// rdfs:Class (kClass) or rdf:Property, owl:ObjectProperty,
// owl:DatatypeProperty or owl:AnnotationProperty (kProperty); classes
// first, each group sorted by IRI. Errors: the engine's.
Result<std::vector<OntologyTerm>> ListOntologyTerms(const Store& store, const Config& config = {});

}  // namespace kg::vocabulary

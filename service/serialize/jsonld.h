// Graph -> JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/), written with
// RapidJSON. The output is "flattened-ish" compacted JSON-LD: a JSON-LD 1.1
// processor expands it (and converts it to RDF, JSON-LD 1.1 API §8.6) to
// exactly the triples of `graph`.
//
// Shape:
//   { "@context": { <used prefixes, in the given order> },
//     "@graph": [ { "@id": ..., "@type": ..., "<property>": <value(s)> }, ... ] }
//
// * One node object per subject, subjects sorted by kg::Term order (IRIs
//   first, then blank nodes); properties sorted by full IRI; values sorted by
//   Term order; duplicate triples are written once. No embedding: blank nodes
//   are separate node objects referenced as {"@id": "_:label"}.
// * IRIs (subjects, properties, @type values, datatypes, object IRIs) are
//   compacted to "prefix:local" only when a processor cannot misread it
//   (JSON-LD 1.1 API §5.2 IRI Expansion, §4.2 prefix flag): the prefix name is
//   non-empty, not "_", has no ':' or '/', does not start with '@'; the
//   namespace ends with a gen-delim (":/?#[]@", otherwise 1.1 processors do
//   not use the term as a prefix); the local part does not start with "//".
//   Otherwise the full IRI is written. A prefix whose name equals the scheme of
//   an IRI written in full (e.g. prefix "urn" and <urn:x:y>) is left out of the
//   context, because it would hijack that IRI.
// * rdf:type with an IRI object becomes "@type"; with a blank node or literal
//   object it stays an ordinary rdf:type property.
// * Literals: simple -> JSON string; language-tagged -> {"@value","@language"};
//   datatyped -> {"@value": <lexical form as a string>, "@type": ...}. The
//   lexical form is never turned into a JSON number/boolean, so the round trip
//   is exact.
// * Output: pretty-printed (2-space indent), valid UTF-8 (ill-formed UTF-8 in
//   input strings is replaced by U+FFFD), byte-identical for the same input.
//
// Thread-safety: pure function, safe to call concurrently.
#pragma once

#include <string>

#include "core/term.h"

namespace kg {

std::string WriteJsonLd(const Graph& graph, const PrefixMap& prefixes);

}  // namespace kg

// JSON-LD 1.1 -> RDF (deserialization, JSON-LD 1.1 API §5 Expansion fused
// with §7 Node Map Generation and §8.1/§8.6 Deserialize JSON-LD to RDF), for
// the documents real clients send. Written with RapidJSON.
//
// Supported:
//  * a top-level object or array; free-floating values and lists are dropped
//    as the spec says;
//  * @context as an object, an array of objects, or null (reset); term
//    definitions as a string IRI or an expanded object with @id, @reverse,
//    @type (an IRI, or @id / @vocab / @none coercion), @language,
//    @container @list / @set / @language / @index, @prefix, scoped @context
//    (property-scoped and type-scoped, with @propagate); @vocab, @base,
//    @language defaults; @version 1.1; keyword aliases ("id": "@id");
//    compact IRIs via prefixes (1.1 prefix flag rules, API §4.2);
//    embedded contexts on any node object; @protected and @direction are
//    accepted and have no effect (we never reject redefinitions, and the
//    default rdfDirection is null so directions do not reach RDF);
//  * @graph: the content of the default graph. A named graph (a node object
//    with @id and @graph, at any level) is MERGED into the default graph:
//    its nodes' triples become default-graph triples, and the graph node's
//    own properties (if any) are kept as ordinary triples. kg stores one graph
//    per request, so this is the useful reading; nothing is dropped;
//  * @id (resolved against @base, else `base_iri`, RFC 3986 §5.2), @type
//    (-> rdf:type), value objects (@value with @language or @type; @index and
//    @direction ignored), JSON numbers -> xsd:integer / xsd:double canonical
//    lexical forms and booleans -> xsd:boolean (API §8.6), nested node objects
//    (without @id -> fresh blank node), arrays, @set, @list (-> rdf:first /
//    rdf:rest / rdf:nil, lists of lists too), @reverse (keyword and reverse
//    terms), @nest, @included.
//
// Not supported (Error::Unsupported, message names the feature): remote
// contexts (a string in @context: "remote @context URLs are not fetched"),
// @import, @json literals, @container @graph / @id / @type, property-valued
// @index. Generalized RDF is not produced: triples whose predicate is a blank
// node, or whose IRIs stay relative (no base), are dropped, as in API §8.1.
//
// Blank nodes: every blank node label from the document, and every node the
// conversion invents (node objects without @id, list cells), gets a fresh
// label "jld<call>b<n>", where <call> comes from a process-wide atomic
// counter bumped once per ReadJsonLd call and <n> counts within the call. The
// same document label maps to the same fresh label within one call, and two
// calls (two documents) can never share a label, so loading two documents
// into one store does not merge their blank nodes. Labels are otherwise
// opaque; callers must not depend on them.
//
// Errors: malformed JSON -> Error::Syntax with 1-based line and column (column
// counted in code points) and RapidJSON's message; invalid JSON-LD (e.g.
// "invalid @id value", "cyclic IRI mapping") -> Error::Syntax naming the
// offending key; nesting deeper than 256 levels -> Error::Unsupported.
//
// Output: triples in document order, duplicates removed.
// Thread-safety: pure function (apart from the atomic call counter), safe to
// call concurrently.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/term.h"

namespace kg {

Result<Graph> ReadJsonLd(std::string_view json, const std::string& base_iri);

}  // namespace kg

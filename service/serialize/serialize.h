// Picks the writer for a negotiated format. Each format has exactly one
// writer (sparql_json, sparql_xml, csv, tsv, turtle, ntriples, rdfxml,
// jsonld); this file only dispatches.
#pragma once
#include <string>
#include "core/status.h"
#include "core/term.h"
#include "serialize/format.h"
namespace kg {
// SELECT / ASK results in a result format; a graph in a graph format.
// Error::NotAcceptable when the format does not fit the kind of result.
Result<std::string> WriteQueryResult(Format format, const QueryResult& result,
                                     const PrefixMap& prefixes);
Result<std::string> WriteGraph(Format format, const Graph& graph, const PrefixMap& prefixes);
}  // namespace kg

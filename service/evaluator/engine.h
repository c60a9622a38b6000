// kg's SPARQL 1.1 query engine: parse (parser/) -> algebra (algebra/) ->
// plan (planner/) -> evaluate (here) over the store's id index (store/,
// store/triple_index.h; librdf stays the store of record).
//
// Evaluation streams where it can (a LIMIT stops the work early), orders the
// patterns of each basic graph pattern by the store's statistics and the
// variables already bound, evaluates joins as index nested loops by passing
// the left solution into the right side where that preserves the algebra's
// meaning (BGPs, paths, joins, unions, GRAPH, filters, BIND, VALUES),
// reuses a join's right side for repeated left values, and materialises the
// rest once per query. Cancellation (the deadline) is checked in every loop.
//
// Threading: one call uses the Store from the calling thread only.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "core/status.h"
#include "core/term.h"
#include "store/store.h"

namespace kg::sparql {

struct QueryLimits {
  // Past this point the query stops with Error::Timeout.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // More than this many SELECT solutions, or CONSTRUCT / DESCRIBE triples,
  // stops the query with Error::ResultTooLarge (never a silently cut
  // answer); 0 = no limit. Checked as the answer grows, so an exploding
  // query stops early instead of filling memory.
  std::size_t max_results = 0;
};

// Runs a SPARQL 1.1 query. `dataset` (protocol default-graph-uri /
// named-graph-uri), when non-empty, overrides FROM / FROM NAMED. Errors:
// Error::Syntax (line, column) from the parser, Error::Unsupported (SERVICE),
// Error::Timeout, Error::ResultTooLarge (limits.max_results).
// `bindings` are initial values of variables (typed RDF terms, never text
// pasted into the query): the answer is that of the query joined with them,
// as if the query ended in VALUES with that one row, but they also reach
// inside as constants, so a bound ?concept makes a concept page an index
// lookup.
using Bindings = std::map<std::string, Term>;
Result<QueryResult> ExecuteQuery(const Store& store, const std::string& text,
                                 const Dataset& dataset = {}, const std::string& base_iri = {},
                                 const QueryLimits& limits = {}, const Bindings& bindings = {});

// The comparison engine (`kg serve --engine rasqal`): Rasqal 0.9.33
// evaluates the query once kg's parser and the algebra's static checks
// have accepted it (so a bad query gets kg's Error::Syntax with line and
// column under either engine). Why check first: Rasqal's parser accepts
// invalid queries that its evaluator then mishandles. For
// `VALUES (?a ?b) { (1) }` it allocates a row of one value and reads two,
// past the end of that row (valgrind: "0 bytes after a block of size 8",
// in rasqal_rowsource_read_row); glibc's malloc hid that, TSan's allocator
// turned it into a SEGV of the server.
Result<QueryResult> ExecuteOnRasqal(Store& store, const std::string& text,
                                    const Dataset& dataset = {},
                                    const std::string& base_iri = {});

// The algebra of a query and the order the planner picks for each basic
// graph pattern, as text (for `kg query --explain`).
Result<std::string> ExplainQuery(const Store& store, const std::string& text,
                                 const std::string& base_iri = {});

}  // namespace kg::sparql

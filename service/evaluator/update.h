// SPARQL 1.1 Update execution (https://www.w3.org/TR/sparql11-update/):
// INSERT DATA, DELETE DATA, DELETE/INSERT ... WHERE (WITH, USING, USING
// NAMED), DELETE WHERE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, each
// with its SILENT semantics.
//
// Atomic per request: before an operation first changes a graph, the graph's
// previous contents (or its absence) go into an undo log; when any operation
// fails (and is not SILENT), every logged graph is put back, so the store is
// as before the request.
//
// Graphs: the default graph that updates write (templates and data without
// GRAPH, DEFAULT in CLEAR/DROP/COPY/...) is always the stored default graph.
// WHERE clauses read the query default graph: in union-default-graph mode
// that is the union of all graphs, otherwise the stored default graph. WITH
// <g> makes <g> the graph of templates and of WHERE (unless USING is given);
// USING / USING NAMED (or the protocol's using-graph-uri /
// using-named-graph-uri) define the dataset of WHERE.
//
// Threading: one call uses the Store from the calling thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "evaluator/engine.h"
#include "store/store.h"
#include "store/store_change.h"

namespace kg::sparql {

struct UpdateOptions {
  std::string base_iri;  // for relative IRIs when the update has no BASE
  // Protocol using-graph-uri / using-named-graph-uri (§2.2.3): the WHERE
  // dataset of every operation; an update that also has USING, USING NAMED
  // or WITH is refused (Error::BadRequest).
  std::vector<std::string> using_graphs, using_named;
  // LOAD: reads the document at an IRI (or refuses it). Unset: every LOAD
  // fails (LOAD SILENT does nothing).
  std::function<Result<Graph>(const std::string& iri)> load;
  QueryLimits limits;  // deadline for the WHERE evaluations
  // When set, every change made to the store is appended here in order
  // (including the undo of a request that fails), so that it can be replayed
  // on another Store (the server's replicas).
  ChangeJournal* journal = nullptr;
};

struct UpdateSummary {
  std::size_t operations = 0;
  std::size_t inserted = 0;  // triples added to graphs (growth of the graphs written)
  std::size_t deleted = 0;   // triples removed from graphs (incl. CLEAR / DROP)
};

// Parses and runs an update request. Errors (the store is then unchanged):
// Error::Syntax (line, column) for text that does not parse; Error::NotFound
// for CLEAR / DROP / COPY / MOVE / ADD of a graph that does not exist;
// Error::Internal for CREATE of an existing graph; the loader's error for a
// failed LOAD; Error::Timeout; Error::BadRequest as above.
Result<UpdateSummary> ExecuteUpdate(Store& store, const std::string& text,
                                    const UpdateOptions& options = {});

}  // namespace kg::sparql

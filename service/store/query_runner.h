// Runs SPARQL with Rasqal 0.9.33 (through Redland, or directly on data
// graphs) and turns the answers into plain values. Private to store/.
// The engine is replaced by kg's own (issue 8); the Store interface stays.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "store/handle.h"
#include "store/model.h"
#include "store/rdf_world.h"
#include "store/store.h"

namespace kg::store_internal {

class QueryRunner {
 public:
  struct Prepared {
    RasqalQueryPtr query;
    std::string text;
    Dataset query_dataset;        // FROM / FROM NAMED of the query text
    bool uses_graph_keyword = false;
    // CONSTRUCT {} ...: Rasqal 0.9.33 crashes evaluating an empty template;
    // the answer is the empty graph whatever the pattern.
    bool empty_construct = false;
    // DESCRIBE: neither Redland nor Rasqal 0.9.33 produce descriptions, so
    // the store does (concise bounded description of each resource).
    bool is_describe = false;
    std::vector<std::string> describe_iris;  // DESCRIBE <iri> ...
    std::vector<std::string> describe_vars;  // DESCRIBE ?v ... (or all for *)
  };
  struct DataGraph {
    GraphName name;  // nullopt: part of the default graph
    Graph triples;
  };

  explicit QueryRunner(RdfWorld& world) : world_(world) {}

  // Parses the query; syntax errors carry line and column, and queries that
  // use a feature Rasqal cannot parse are reported as Error::Unsupported
  // naming that feature.
  Result<Prepared> Prepare(const std::string& sparql, const std::string& base_iri);
  // Evaluates over one indexed Redland model (its triples are the default
  // graph; there are no named graphs).
  Result<QueryResult> RunOnModel(const std::string& sparql, const std::string& base_iri,
                                 const Model& model);
  // Evaluates a prepared query over explicit data graphs.
  Result<QueryResult> RunOnDataGraphs(Prepared prepared, const std::vector<DataGraph>& graphs);

 private:
  // An execution failure as an Error, naming an unsupported feature if the
  // query uses one.
  Error ExecutionError(const std::string& sparql) const;

  RdfWorld& world_;
};

}  // namespace kg::store_internal

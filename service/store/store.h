// The RDF store: named graphs in Redland's indexed `trees` storage, queried
// with SPARQL. The only public face of librdf; plain values in and out.
//
// Layout (see README "Storage"): every named graph is its own librdf model on
// `trees` storage (trees has no contexts, but it indexes every triple
// pattern; `hashes` with contexts is ~3000x slower on subject-only
// patterns). Beside them live the explicit default graph and a union model
// (default graph + every named graph, deduplicated) that answers the union
// default graph fast.
//
// Beside librdf, the store keeps an id index of every graph (the union
// too): a term dictionary and sorted SPO/POS/OSP permutations
// (store/triple_index.h). The engine's pattern lookups read it; librdf
// stays the store of record for the Rasqal path and every serializer. Every
// write (Replace/Add/Remove/Drop; SPARQL Update and its undo log, LOAD and
// the Graph Store Protocol all go through them) updates both, after librdf
// accepted the change, so the two never disagree.
//
// Threading: a Store is not thread-safe and must be used by one thread at a
// time (librdf is not thread-safe); kg runs all store work on one store
// thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "store/triple_index.h"

namespace kg {

// A graph name; std::nullopt is the default graph.
using GraphName = std::optional<std::string>;

// The RDF dataset of one query (SPARQL 1.1 Query §13 / Protocol §2.1.4).
struct Dataset {
  std::vector<std::string> default_graphs;  // FROM / default-graph-uri
  std::vector<std::string> named_graphs;    // FROM NAMED / named-graph-uri
  bool empty() const { return default_graphs.empty() && named_graphs.empty(); }
};

struct StoreOptions {
  // true: the default graph of a query is the union of the explicit default
  // graph and all named graphs (as Fuseki's --union-default-graph).
  bool union_default_graph = true;
  // librdf storage module for every graph: "trees" (default; indexed on
  // every triple pattern) or "hashes" (in-memory hashes; kept selectable so
  // the README's storage figures can be re-measured with bench/).
  std::string storage = "trees";
};

class Store {
 public:
  explicit Store(StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const StoreOptions& options() const;

  // Graph Store operations. Replace/Add/Remove are all-or-nothing: they either apply
  // every triple or change nothing. Drop returns false when the named graph
  // does not exist (the default graph always exists).
  Status Replace(const GraphName& graph, const Graph& triples);
  Status Add(const GraphName& graph, const Graph& triples);
  // Removes the given triples from one graph (those not in it are ignored;
  // the graph keeps existing even when it becomes empty). Error::NotFound for
  // an unknown named graph, which is left unknown.
  Status Remove(const GraphName& graph, const Graph& triples);
  bool Drop(const GraphName& graph);
  bool Exists(const GraphName& graph) const;
  // Triples of one graph, sorted; std::nullopt for an unknown named graph.
  std::optional<Graph> Get(const GraphName& graph) const;
  std::vector<std::string> GraphNames() const;  // sorted

  // Number of distinct triples in the union of all graphs.
  std::size_t Size() const;
  // Triples in one graph (0 for an unknown one).
  std::size_t Size(const GraphName& graph) const;
  // Increases on every successful change; caches key on it.
  std::uint64_t Version() const;

  // Namespace prefixes to write output with (from the loaded files).
  const PrefixMap& Prefixes() const;
  void AddPrefixes(const PrefixMap& prefixes);

  // Runs a SPARQL 1.1 query. A non-empty `dataset` overrides FROM / FROM
  // NAMED in the query (Protocol §2.1.4). Errors: Error::Syntax with line and
  // column for a query that does not parse, Error::Unsupported naming the
  // feature for valid SPARQL the engine cannot run. Named graphs of a FROM
  // that the store does not have are empty.
  Result<QueryResult> Query(const std::string& sparql, const Dataset& dataset = {},
                            const std::string& base_iri = {});

  // ---- Triple access for the query engine ----------------------------------
  // Which graph to read: the default graph of queries (the union or the
  // stored default graph, as configured) or one stored graph.
  struct GraphRef {
    bool query_default = true;
    GraphName name;  // when !query_default; nullopt = the stored default graph
  };
  // The dictionary of every term the store holds (ids of the index).
  const TermDictionary& Terms() const;
  // The same, for results that point at its terms after the query returns
  // (its terms never move and are never removed).
  std::shared_ptr<const TermDictionary> SharedTerms() const;
  // The id index of one graph; nullptr for an unknown graph. Valid until
  // the next write.
  const TripleIndex* Index(const GraphRef& graph) const;

  // Calls `fn` for each triple matching the pattern (nullopt = wildcard)
  // until it returns false. An unknown graph has no triples. `want` (bits
  // 1 subject, 2 predicate, 4 object) names the positions fn reads; the
  // others are passed empty. (Read from the id index; the engine uses
  // Index() directly and never builds Terms.)
  void ForEach(const GraphRef& graph, const std::optional<Term>& s, const std::optional<Term>& p,
               const std::optional<Term>& o, const std::function<bool(Triple&&)>& fn,
               unsigned want = 7) const;
  // Number of matches: exact for given positions; positions in `unknown`
  // (bits 1 s, 2 p, 4 o; pass nullopt there) are bound to a value not known
  // yet, estimated as TripleIndex::Estimate does. For the planner.
  double Estimate(const GraphRef& graph, const std::optional<Term>& s,
                  const std::optional<Term>& p, const std::optional<Term>& o,
                  unsigned unknown = 0) const;

  // Triples matching a pattern in the query's default graph (nullopt =
  // wildcard). For the store wrappers' tests and the storage benchmark.
  Graph Match(const std::optional<Term>& s, const std::optional<Term>& p,
              const std::optional<Term>& o) const;

 private:
  struct Impl;
  Result<QueryResult> Describe(const std::string& sparql, const std::vector<std::string>& iris,
                               const std::vector<std::string>& vars, const Dataset& dataset);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

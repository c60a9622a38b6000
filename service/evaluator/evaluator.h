// The evaluator of an algebra query (see engine.h for the strategy). Private
// to the evaluator folder; one Evaluator per query execution.
#pragma once

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "algebra/algebra.h"
#include "core/function_ref.h"
#include "evaluator/bindings.h"
#include "evaluator/engine.h"
#include "evaluator/expression.h"
#include "evaluator/filter_kernel.h"
#include "store/store.h"

namespace kg::sparql {

// Thrown inside the evaluator when the deadline passes; caught in Run().
struct Cancelled {};
// Thrown when the answer outgrows limits.max_results; caught in Run().
struct TooManyResults {};

class Evaluator {
 public:
  Evaluator(const Store& store, const AlgebraQuery& query, const Dataset& protocol_dataset,
            const QueryLimits& limits, std::string base_iri);
  // bindings: initial values of variables (see ExecuteQuery).
  Result<QueryResult> Run(const std::map<std::string, Term>& bindings = {});

  // The graph patterns are matched against: the dataset's default graph or
  // one named graph.
  struct GraphCtx {
    bool is_default = true;
    std::string name;
  };
  // Solution sinks are called only while the call that receives them runs
  // (core/function_ref.h).
  using Emit = FunctionRef<bool(const Row&)>;  // false: stop producing

  // Solutions of `op` that are compatible extensions of `input`.
  bool Eval(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit);

  // Used by the expression context.
  VarTable& vars() { return vars_; }
  TermTable& terms() { return terms_; }
  const std::string& now() const { return now_; }
  const std::string& base() const { return base_; }
  Term FreshBlank();
  Term SolutionBlank(const Row& solution, const std::string& key);
  OpPtr PatternOp(const GroupPattern& pattern);
  // Variables in scope of op (§18.2.1), plus those substituted as constants
  // by an enclosing EXISTS.
  const std::vector<bool>& Scope(const Op& op);
  const std::vector<bool>& OwnScope(const Op& op);
  // Enter / leave an EXISTS whose input solution is `input`.
  std::vector<bool> Substitute(const Row& input);
  void Restore(std::vector<bool> saved);
  void Tick();

 private:
  bool EvalBgp(const Op& op, const std::vector<ExprPtr>& pushed, const Row& input,
               const GraphCtx& g, const Emit& emit);
  bool EvalIndependent(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit,
                       FunctionRef<bool(const Emit&)> fresh);
  bool EvalGroup(const Op& op, const GraphCtx& g, const Emit& emit);
  // Solutions of op for the input restricted to op's scope (the caller
  // merges them with its row), reused for repeated inputs (see .cc).
  bool EvalMemo(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit);
  bool Memoizable(const Op& op);
  // The slot of e when it is a plain variable in `mask`, else -1.
  int InScopeSlot(const Expr& e, const std::vector<bool>& mask) const;
  bool EvalOrderBy(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit);
  // Property paths over ids (0 = an unbound end). Calls fn(s, o) for each
  // pair the path connects (§18.4 ALP for * and +).
  using PairFn = FunctionRef<bool(TermId, TermId)>;
  bool PathPairs(const Path& path, TermId s, TermId o, const GraphCtx& g, const PairFn& fn);
  bool PathSequence(const std::vector<PathPtr>& parts, std::size_t from, TermId s, TermId o,
                    const GraphCtx& g, const PairFn& fn);
  bool Closure(const Path& step, bool zero, TermId s, TermId o, const GraphCtx& g,
               const PairFn& fn);
  // Triples of the active graph matching a pattern of ids (0 = wildcard),
  // from the store's id index; fn(const IdTriple&) -> bool (false: stop).
  template <class Fn>
  bool Match(const GraphCtx& g, TermId s, TermId p, TermId o, Fn&& fn);
  // Whether the active graph has a triple with `id` as subject or object.
  bool IsNode(const GraphCtx& g, TermId id);
  // Calls fn(const TripleIndex&) -> bool (false: stop) for the index of the
  // active graph, or of each graph of the default graph; false if fn stopped.
  template <class Fn>
  bool ForEachIndex(const GraphCtx& g, Fn&& fn);
  // The number of triples matching a pattern of ids in the active graph(s)
  // (a sum over a merged default graph: an upper bound there).
  std::size_t CountMatches(const GraphCtx& g, TermId s, TermId p, TermId o);
  double Estimate(const GraphCtx& g, const std::optional<Term>& s, const std::optional<Term>& p,
                  const std::optional<Term>& o, unsigned unknown);
  std::optional<Term> Resolve(const VarOrTerm& v, const Row& row);
  // The id of a constant of the query (cached by its address: the algebra
  // is immutable while the query runs).
  TermId ConstantId(const Term& t);
  TermId IriId(const std::string& iri);
  struct CachedKernel;
  // True when every expression is true for row. kernels: KernelFor of each
  // expression, when the caller has them at hand.
  bool Test(const std::vector<ExprPtr>& exprs, const Row& row, const std::vector<bool>* mask,
            const GraphCtx& g, const std::vector<const CachedKernel*>* kernels = nullptr);
  const CachedKernel& KernelFor(const Expr& e);
  void RegisterVariables(const Op& op);
  void FindUnusedVariables();
  // Marks the BGPs whose duplicate solutions nobody sees: those under a
  // DISTINCT or REDUCED through only projections, orderings and pure
  // filters (drop_duplicates_).
  void FindDuplicateFreeBgps();
  bool Unused(const VarOrTerm& pos) const;
  Row EmptyRow() const { return Row(vars_.size(), 0); }
  Graph Describe(const std::vector<Row>& rows);

  const Store& store_;
  const AlgebraQuery& query_;
  QueryLimits limits_;
  std::string base_;
  std::string now_;
  VarTable vars_;
  TermTable terms_;
  std::vector<Store::GraphRef> default_graphs_;
  std::vector<std::string> named_graphs_;
  std::set<std::string> named_set_;
  std::unordered_map<const Op*, std::vector<bool>> scopes_;
  std::vector<bool> substituted_;
  std::vector<bool> unused_;
  // BGPs that may drop a solution equal to the one before it (see
  // FindDuplicateFreeBgps): SELECT DISTINCT ?p { ?s ?p ?o } walks the
  // predicates' runs and emits each once instead of once per triple.
  std::set<const Op*> drop_duplicates_;
  std::set<const Op*> top_chain_;  // the query's own solution modifiers  // variables matched as wildcards, never bound
  std::unordered_map<const Op*, std::vector<bool>> substituted_scopes_;
  std::map<std::pair<const Op*, std::string>, std::vector<Row>> materialized_;
  std::unordered_map<const GroupPattern*, OpPtr> patterns_;
  std::map<std::pair<Row, std::string>, Term> solution_blanks_;
  std::unordered_map<const void*, TermId> constant_ids_;
  struct CachedKernel {
    std::function<KernelResult(const Row&)> fn;  // empty: no compiled form
    std::vector<int> slots;                      // the variables it reads
  };
  std::unordered_map<const Expr*, CachedKernel> kernels_;
  struct Memo {
    std::unordered_map<Row, std::vector<Row>, RowHash> rows;
    std::size_t size = 0, hits = 0, misses = 0;
  };
  static constexpr std::size_t kMemoRows = 200000;
  std::map<std::pair<const Op*, std::string>, Memo> memos_;
  std::unordered_map<const Op*, bool> memoizable_;
  // ORDER BY operators whose output a LIMIT cuts: only this many rows
  // (offset + limit) are ever read, so only those are sorted.
  std::unordered_map<const Op*, std::size_t> order_limits_;
  // The join order of a BGP per set of variables bound on entry (planned
  // once, with the first input's values, then reused for every input row).
  struct BgpPlan {
    std::vector<bool> bound;  // the variables bound on entry
    std::vector<std::size_t> order;
    std::vector<std::vector<ExprPtr>> filters_at;
    std::vector<std::vector<const CachedKernel*>> kernels_at;  // KernelFor each filter
    struct Position {
      int slot = -1;        // the variable's slot; -1 for a constant
      TermId constant = 0;  // the constant's id
      bool unused = false;  // a variable matched as a wildcard
    };
    std::vector<std::array<Position, 3>> positions;  // per pattern: s, p, o
    // Per level: the prefix of a STRSTARTS(LCASE(STR(?o)), "pre") filter on
    // the object variable this level binds, empty if none. The level may
    // then take ?o's candidates from the store's case-folded index
    // (TermDictionary::WithLowerCasePrefix) instead of scanning.
    std::vector<std::optional<std::string>> object_prefix;
  };
  std::unordered_map<const Op*, std::deque<BgpPlan>> bgp_plans_;  // deque: stable
  // EvalBgp's per-level row buffers, one set per nesting depth of EvalBgp
  // calls (a deque: growing it keeps the outer calls' references valid).
  std::deque<std::vector<Row>> bgp_scratch_;
  std::size_t bgp_depth_ = 0;
  unsigned long ticks_ = 0;
  unsigned long blank_counter_ = 0;
};

}  // namespace kg::sparql

// SPARQL algebra (https://www.w3.org/TR/sparql11-query/ §18.2-18.5): what a
// query means, independent of how it is evaluated. translate.h builds it from
// the syntax tree; the planner orders it; the evaluator runs it.
//
// Variables are names. Blank nodes of query patterns became variables whose
// names start with "_:" (non-distinguished: never projected by SELECT *).
// Aggregates were replaced by fresh variables named ".agg0", ".agg1", ...
// computed by a kGroup operator.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parser/ast.h"

namespace kg::sparql {

struct Op;
using OpPtr = std::shared_ptr<const Op>;

struct Op {
  enum class Kind {
    kUnit,      // the one empty solution (§18.2.1: empty group)
    kBgp,       // triples (predicates may be paths: TriplePattern::path)
    kJoin,      // children[0] ⋈ children[1]
    kLeftJoin,  // LeftJoin(children[0], children[1], conjunction of exprs)
    kFilter,    // Filter(conjunction of exprs, children[0])
    kUnion,     // children[0] ∪ children[1]
    kMinus,     // children[0] − children[1]
    kGraph,     // Graph(graph, children[0])
    kService,   // Service(graph = endpoint, children[0], silent)
    kExtend,    // Extend(children[0], var, expr)
    kTable,     // VALUES data (ToMultiSet of inline data)
    kGroup,     // Group(keys, children[0]) + aggregates (§18.5)
    kOrderBy,   // OrderBy(children[0], order)
    kProject,   // Project(children[0], vars)
    kDistinct, kReduced,
    kSlice,     // Slice(children[0], offset, limit)
  };
  Kind kind = Kind::kUnit;
  std::vector<OpPtr> children;
  std::vector<TriplePattern> triples;         // kBgp
  std::vector<ExprPtr> exprs;                 // kFilter, kLeftJoin (conjunction)
  VarOrTerm graph;                            // kGraph, kService
  bool silent = false;                        // kService
  std::string var;                            // kExtend
  ExprPtr expr;                               // kExtend
  InlineData table;                           // kTable
  std::vector<std::string> vars;              // kProject
  std::vector<OrderCondition> order;          // kOrderBy
  std::uint64_t offset = 0;                   // kSlice
  std::optional<std::uint64_t> limit;         // kSlice
  // kGroup: grouping keys (each an expression and the variable it binds;
  // a plain GROUP BY ?v has var "v" and a kVar expression) and aggregates
  // (variable to bind, kAggregate expression).
  std::vector<std::pair<ExprPtr, std::string>> group_keys;
  std::vector<std::pair<std::string, ExprPtr>> aggregates;
};

// A whole query in algebra form.
struct AlgebraQuery {
  Query::Form form = Query::Form::kSelect;
  OpPtr root;                              // solutions, already projected for SELECT
  std::vector<std::string> result_vars;    // SELECT: the variables in order
  std::vector<TriplePattern> construct_template;  // CONSTRUCT (bnodes are Term::Blank)
  std::vector<VarOrTerm> describe;         // DESCRIBE resources (vars and IRIs)
  std::vector<std::string> from, from_named;
  std::string base;
};

// Human-readable algebra (SSE-like, one operator per line, indented); what
// `kg query --explain` prints.
std::string ToString(const Op& op, int indent = 0);
std::string ExprToString(const Expr& expr);

}  // namespace kg::sparql

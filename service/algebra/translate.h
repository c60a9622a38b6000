// Syntax tree -> algebra (https://www.w3.org/TR/sparql11-query/ §18.2):
// groups to joins, OPTIONAL to LeftJoin with its filters, filter scoping to
// the whole group, BIND to Extend, aggregates to Group, then the solution
// modifiers in the order of §18.2.5 (ORDER BY, projection, DISTINCT/REDUCED,
// OFFSET/LIMIT). Pure; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "algebra/algebra.h"
#include "core/status.h"
#include "parser/ast.h"

namespace kg::sparql {

Result<AlgebraQuery> Translate(const Query& query);
// A group graph pattern alone (EXISTS, DELETE/INSERT WHERE).
OpPtr TranslatePattern(const GroupPattern& group);

// Variables an operator can bind (in-scope variables, §18.2.1).
void CollectVariables(const Op& op, std::vector<std::string>& out);

// Variables an expression reads, into `out`. Returns false when it contains
// EXISTS / NOT EXISTS, whose pattern sees the whole solution: such an
// expression must stay where it is (not pushed down, not checked early).
bool ExpressionVariables(const Expr& expr, std::set<std::string>& out);

}  // namespace kg::sparql

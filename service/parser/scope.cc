// The grammar's extra rules that need a finished subtree (§18.2.1 variable
// scope, §19.8 notes 12-13 on SELECT expressions and grouping).
#include <set>

#include "parser/parser_impl.h"

namespace kg::sparql {
namespace {

void AddVar(const VarOrTerm& v, std::set<std::string>& out) {
  if (const Var* var = std::get_if<Var>(&v)) out.insert(var->name);
}

}  // namespace

// §18.2.1: which variables a pattern element makes in scope. MINUS and
// FILTER bind nothing; a subquery only its projection.
void InScopeVars(const PatternElement& e, std::set<std::string>& out) {
  using K = PatternElement::Kind;
  switch (e.kind) {
    case K::kTriples:
      for (const TriplePattern& t : e.triples) {
        AddVar(t.subject, out);
        if (!t.path) AddVar(t.predicate, out);
        AddVar(t.object, out);
      }
      break;
    case K::kOptional:
    case K::kGroup:
      if (e.group) InScopeVars(*e.group, out);
      break;
    case K::kUnion:
      for (const GroupPatternPtr& g : e.alternatives) InScopeVars(*g, out);
      break;
    case K::kGraph:
    case K::kService:
      AddVar(e.graph_name, out);
      if (e.group) InScopeVars(*e.group, out);
      break;
    case K::kBind:
      out.insert(e.var.name);
      break;
    case K::kValues:
      for (const Var& v : e.data.variables) out.insert(v.name);
      break;
    case K::kSubSelect:
      if (!e.subquery) break;
      if (e.subquery->select_star) {
        InScopeVars(*e.subquery->where, out);
      } else {
        for (const Projection& p : e.subquery->projection) out.insert(p.var.name);
      }
      break;
    case K::kFilter:
    case K::kMinus:
      break;
  }
}

void InScopeVars(const GroupPattern& g, std::set<std::string>& out) {
  for (const PatternElement& e : g.elements) InScopeVars(e, out);
}

bool ContainsAggregate(const Expr& e) {
  if (e.kind == Expr::Kind::kAggregate) return true;
  for (const ExprPtr& a : e.args)
    if (a && ContainsAggregate(*a)) return true;
  return false;
}

void FreeVarsOutsideAggregates(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::kAggregate) return;
  if (e.kind == Expr::Kind::kVar) out.push_back(e.var);
  for (const ExprPtr& a : e.args)
    if (a) FreeVarsOutsideAggregates(*a, out);
}

void Parser::CheckSelect(const Query& q, const std::vector<Token>& proj, const Token& end) {
  // Note 12: (expr AS ?v) must introduce a variable not yet in scope, neither
  // in the WHERE clause nor earlier in the projection.
  std::set<std::string> scope;
  if (q.where) InScopeVars(*q.where, scope);
  for (std::size_t i = 0; i < q.projection.size(); ++i) {
    const Projection& p = q.projection[i];
    if (p.expr && scope.count(p.var.name))
      Fail(proj[i], "?" + p.var.name + " in (... AS ?" + p.var.name +
                        ") is already in scope (in the WHERE clause or the projection)");
    scope.insert(p.var.name);
  }

  // Note 13: in an aggregate query every projected variable is grouped or
  // used only inside an aggregate (or is an earlier (expr AS ?v)).
  bool aggregate = !q.group_by.empty();
  for (const Projection& p : q.projection)
    if (p.expr && ContainsAggregate(*p.expr)) aggregate = true;
  for (const ExprPtr& h : q.having)
    if (ContainsAggregate(*h)) aggregate = true;
  for (const OrderCondition& o : q.order_by)
    if (ContainsAggregate(*o.expr)) aggregate = true;
  if (!aggregate) return;
  if (q.select_star) Fail(end, "SELECT * is not allowed with GROUP BY or aggregates");
  std::set<std::string> grouped;
  for (const GroupCondition& g : q.group_by) {
    if (g.as) grouped.insert(g.as->name);
    else if (g.expr->kind == Expr::Kind::kVar) grouped.insert(g.expr->var);
  }
  for (std::size_t i = 0; i < q.projection.size(); ++i) {
    const Projection& p = q.projection[i];
    std::vector<std::string> vars;
    if (p.expr) FreeVarsOutsideAggregates(*p.expr, vars);
    else vars.push_back(p.var.name);
    for (const std::string& v : vars)
      if (!grouped.count(v))
        Fail(proj[i], "?" + v + " is used in the projection but is neither grouped (GROUP BY) "
                      "nor inside an aggregate");
    if (p.expr) grouped.insert(p.var.name);
  }
}

}  // namespace kg::sparql

#include "planner/optimize.h"

#include <algorithm>

#include "algebra/translate.h"

namespace kg::sparql {
namespace {

OpPtr Make(Op op) { return std::make_shared<const Op>(std::move(op)); }

bool Covered(const Expr& e, const std::set<std::string>& certain) {
  std::set<std::string> need;
  if (!ExpressionVariables(e, need)) return false;
  return std::includes(certain.begin(), certain.end(), need.begin(), need.end());
}

OpPtr WithFilters(OpPtr child, std::vector<ExprPtr> exprs) {
  if (exprs.empty()) return child;
  if (child->kind == Op::Kind::kFilter) {
    Op merged = *child;
    merged.exprs.insert(merged.exprs.end(), exprs.begin(), exprs.end());
    return Make(std::move(merged));
  }
  Op f;
  f.kind = Op::Kind::kFilter;
  f.exprs = std::move(exprs);
  f.children = {std::move(child)};
  return Make(std::move(f));
}

// Pushes `exprs` (a conjunction) as deep into op as is safe.
OpPtr Push(const OpPtr& op, std::vector<ExprPtr> exprs) {
  if (exprs.empty()) return op;
  switch (op->kind) {
    case Op::Kind::kUnion: {
      Op u = *op;
      u.children = {Push(op->children[0], exprs), Push(op->children[1], exprs)};
      return Make(std::move(u));
    }
    case Op::Kind::kJoin: {
      auto left = CertainVariables(*op->children[0]);
      auto right = CertainVariables(*op->children[1]);
      std::vector<ExprPtr> to_left, to_right, keep;
      for (auto& e : exprs) {
        if (Covered(*e, left)) to_left.push_back(e);
        else if (Covered(*e, right)) to_right.push_back(e);
        else keep.push_back(e);
      }
      Op j = *op;
      j.children = {Push(op->children[0], to_left), Push(op->children[1], to_right)};
      return WithFilters(Make(std::move(j)), keep);
    }
    case Op::Kind::kLeftJoin: {
      auto left = CertainVariables(*op->children[0]);
      std::vector<ExprPtr> to_left, keep;
      for (auto& e : exprs) (Covered(*e, left) ? to_left : keep).push_back(e);
      Op lj = *op;
      lj.children = {Push(op->children[0], to_left), op->children[1]};
      return WithFilters(Make(std::move(lj)), keep);
    }
    case Op::Kind::kExtend: {
      std::vector<ExprPtr> below, keep;
      auto certain = CertainVariables(*op->children[0]);
      for (auto& e : exprs) {
        std::set<std::string> need;
        bool ok = ExpressionVariables(*e, need) && !need.count(op->var) && Covered(*e, certain);
        (ok ? below : keep).push_back(e);
      }
      Op x = *op;
      x.children = {Push(op->children[0], below)};
      return WithFilters(Make(std::move(x)), keep);
    }
    case Op::Kind::kFilter: {
      std::vector<ExprPtr> all = op->exprs;
      all.insert(all.end(), exprs.begin(), exprs.end());
      // Keep the filter on a BGP: the evaluator checks it inside the BGP.
      if (op->children[0]->kind == Op::Kind::kBgp) return WithFilters(op->children[0], all);
      return Push(op->children[0], all);
    }
    default:
      return WithFilters(op, std::move(exprs));
  }
}

}  // namespace

std::set<std::string> CertainVariables(const Op& op) {
  std::set<std::string> out;
  auto add = [&](const VarOrTerm& v) {
    if (const Var* var = std::get_if<Var>(&v)) out.insert(var->name);
  };
  switch (op.kind) {
    case Op::Kind::kBgp:
      for (const auto& t : op.triples) {
        add(t.subject);
        if (!t.path) add(t.predicate);
        add(t.object);
      }
      break;
    case Op::Kind::kJoin:
      for (const auto& c : op.children) {
        auto s = CertainVariables(*c);
        out.insert(s.begin(), s.end());
      }
      break;
    case Op::Kind::kLeftJoin:
    case Op::Kind::kFilter:
    case Op::Kind::kExtend:
    case Op::Kind::kMinus:
    case Op::Kind::kOrderBy:
    case Op::Kind::kDistinct:
    case Op::Kind::kReduced:
    case Op::Kind::kSlice:
      out = CertainVariables(*op.children[0]);
      break;
    case Op::Kind::kUnion: {
      auto a = CertainVariables(*op.children[0]);
      auto b = CertainVariables(*op.children[1]);
      std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
      break;
    }
    case Op::Kind::kGraph:
      out = CertainVariables(*op.children[0]);
      add(op.graph);
      break;
    case Op::Kind::kProject: {
      auto inner = CertainVariables(*op.children[0]);
      for (const auto& v : op.vars)
        if (inner.count(v)) out.insert(v);
      break;
    }
    case Op::Kind::kTable:
      for (std::size_t k = 0; k < op.table.variables.size(); ++k) {
        bool all = !op.table.rows.empty();
        for (const auto& row : op.table.rows) all = all && k < row.size() && row[k].has_value();
        if (all) out.insert(op.table.variables[k].name);
      }
      break;
    default:
      break;
  }
  return out;
}

namespace {

// DISTINCT(PROJECT(ORDER BY(x))) -> ORDER BY(DISTINCT(PROJECT(x))) when the
// sort keys read only projected variables: the same rows in an order the
// keys allow, but the sort sees each distinct row once (SELECT DISTINCT ?p
// { ?s ?p ?o } ORDER BY ?p sorts 39 rows instead of 88,000).
OpPtr SortAfterDistinct(const OpPtr& op) {
  if ((op->kind != Op::Kind::kDistinct && op->kind != Op::Kind::kReduced) ||
      op->children[0]->kind != Op::Kind::kProject)
    return op;
  const Op& project = *op->children[0];
  const Op& order = *project.children[0];
  if (order.kind != Op::Kind::kOrderBy) return op;
  std::set<std::string> projected(project.vars.begin(), project.vars.end());
  for (const auto& c : order.order)
    if (!Covered(*c.expr, projected)) return op;
  Op new_project = project;
  new_project.children = {order.children[0]};
  Op new_distinct = *op;
  new_distinct.children = {Make(std::move(new_project))};
  Op new_order = order;
  new_order.children = {Make(std::move(new_distinct))};
  return Make(std::move(new_order));
}

}  // namespace

OpPtr Optimize(const OpPtr& op) {
  if (!op) return op;
  // Children first, then push this operator's own filters down.
  Op copy = *op;
  for (auto& c : copy.children) c = Optimize(c);
  OpPtr rebuilt = SortAfterDistinct(Make(std::move(copy)));
  if (rebuilt->kind == Op::Kind::kFilter && rebuilt->children[0]->kind != Op::Kind::kBgp)
    return Push(rebuilt->children[0], rebuilt->exprs);
  return rebuilt;
}

}  // namespace kg::sparql

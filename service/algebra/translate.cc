#include "algebra/translate.h"

#include <algorithm>
#include <functional>

namespace kg::sparql {
namespace {

OpPtr Make(Op op) { return std::make_shared<const Op>(std::move(op)); }

OpPtr Unit() { return Make(Op{}); }

bool IsUnit(const OpPtr& op) { return op->kind == Op::Kind::kUnit; }

// Join with the identity simplifications Join(Z, X) = X = Join(X, Z) for the
// unit table Z (one empty solution).
OpPtr Join(OpPtr left, OpPtr right) {
  if (IsUnit(left)) return right;
  if (IsUnit(right)) return left;
  // Adjacent triple blocks form one basic graph pattern (§18.2.2.1 lets a
  // FILTER sit between them without splitting the BGP).
  if (left->kind == Op::Kind::kBgp && right->kind == Op::Kind::kBgp) {
    Op merged = *left;
    merged.triples.insert(merged.triples.end(), right->triples.begin(), right->triples.end());
    return Make(std::move(merged));
  }
  Op op;
  op.kind = Op::Kind::kJoin;
  op.children = {std::move(left), std::move(right)};
  return Make(std::move(op));
}

// Blank nodes in query patterns act as variables (§18.2.1 note): rename
// them into variables "_:label" so that the evaluator treats them alike.
VarOrTerm BlankToVar(const VarOrTerm& v) {
  if (const Term* t = std::get_if<Term>(&v); t && t->is_blank()) return Var{"_:" + t->value};
  return v;
}

TriplePattern PatternVars(TriplePattern t) {
  t.subject = BlankToVar(t.subject);
  t.predicate = BlankToVar(t.predicate);
  t.object = BlankToVar(t.object);
  return t;
}

Result<AlgebraQuery> TranslateQuery(const Query& query);

OpPtr TranslateGroup(const GroupPattern& group);
OpPtr TranslateGroupParts(const GroupPattern& group, std::vector<ExprPtr>& filters);

OpPtr TranslateElement(OpPtr g, const PatternElement& e, std::vector<ExprPtr>& filters) {
  using K = PatternElement::Kind;
  switch (e.kind) {
    case K::kTriples: {
      Op bgp;
      bgp.kind = Op::Kind::kBgp;
      for (const auto& t : e.triples) bgp.triples.push_back(PatternVars(t));
      return Join(std::move(g), Make(std::move(bgp)));
    }
    case K::kFilter:
      filters.push_back(e.expr);
      return g;
    case K::kOptional: {
      // §18.2.2.6: the filters of the OPTIONAL's own group become the
      // LeftJoin's condition (a filter of a group nested inside stays there).
      std::vector<ExprPtr> own_filters;
      OpPtr a = TranslateGroupParts(*e.group, own_filters);
      Op lj;
      lj.kind = Op::Kind::kLeftJoin;
      lj.exprs = std::move(own_filters);
      lj.children = {std::move(g), std::move(a)};
      return Make(std::move(lj));
    }
    case K::kMinus: {
      Op m;
      m.kind = Op::Kind::kMinus;
      m.children = {std::move(g), TranslateGroup(*e.group)};
      return Make(std::move(m));
    }
    case K::kBind: {
      Op x;
      x.kind = Op::Kind::kExtend;
      x.var = e.var.name;
      x.expr = e.expr;
      x.children = {std::move(g)};
      return Make(std::move(x));
    }
    case K::kUnion: {
      OpPtr u;
      for (const auto& alt : e.alternatives) {
        OpPtr a = TranslateGroup(*alt);
        if (!u) {
          u = a;
          continue;
        }
        Op op;
        op.kind = Op::Kind::kUnion;
        op.children = {u, a};
        u = Make(std::move(op));
      }
      return Join(std::move(g), u ? u : Unit());
    }
    case K::kGraph:
    case K::kService: {
      Op op;
      op.kind = e.kind == K::kGraph ? Op::Kind::kGraph : Op::Kind::kService;
      op.graph = BlankToVar(e.graph_name);
      op.silent = e.silent;
      op.children = {TranslateGroup(*e.group)};
      return Join(std::move(g), Make(std::move(op)));
    }
    case K::kValues: {
      Op t;
      t.kind = Op::Kind::kTable;
      t.table = e.data;
      return Join(std::move(g), Make(std::move(t)));
    }
    case K::kGroup:
      return Join(std::move(g), TranslateGroup(*e.group));
    case K::kSubSelect: {
      auto sub = TranslateQuery(*e.subquery);
      // The parser has validated the subquery; a failure here is a bug.
      return Join(std::move(g), sub.ok() ? sub->root : Unit());
    }
  }
  return g;
}

// A group without its filters, which are returned in `filters`.
OpPtr TranslateGroupParts(const GroupPattern& group, std::vector<ExprPtr>& filters) {
  OpPtr g = Unit();
  for (const auto& e : group.elements) g = TranslateElement(std::move(g), e, filters);
  return g;
}

// §18.2.2.6: translate a group, its filters applying to all of it, last.
OpPtr TranslateGroup(const GroupPattern& group) {
  std::vector<ExprPtr> filters;
  OpPtr g = TranslateGroupParts(group, filters);
  if (!filters.empty()) {
    Op f;
    f.kind = Op::Kind::kFilter;
    f.exprs = std::move(filters);
    f.children = {std::move(g)};
    g = Make(std::move(f));
  }
  return g;
}

// Replaces every aggregate in `e` by a fresh variable, recording it (§18.2.4.1).
ExprPtr ReplaceAggregates(const ExprPtr& e, std::vector<std::pair<std::string, ExprPtr>>& aggs) {
  if (!e) return e;
  if (e->kind == Expr::Kind::kAggregate) {
    std::string name = ".agg" + std::to_string(aggs.size());
    aggs.emplace_back(name, e);
    auto v = std::make_shared<Expr>();
    v->kind = Expr::Kind::kVar;
    v->var = name;
    return v;
  }
  bool changed = false;
  std::vector<ExprPtr> args;
  for (const auto& a : e->args) {
    args.push_back(ReplaceAggregates(a, aggs));
    changed |= args.back() != a;
  }
  if (!changed) return e;
  auto copy = std::make_shared<Expr>(*e);
  copy->args = std::move(args);
  return copy;
}

bool HasAggregate(const ExprPtr& e) {
  if (!e) return false;
  if (e->kind == Expr::Kind::kAggregate) return true;
  return std::any_of(e->args.begin(), e->args.end(), HasAggregate);
}

void AddUnique(std::vector<std::string>& out, const std::string& v) {
  if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

void VarsOf(const VarOrTerm& v, std::vector<std::string>& out) {
  if (const Var* var = std::get_if<Var>(&v)) AddUnique(out, var->name);
}

Result<AlgebraQuery> TranslateQuery(const Query& query) {
  AlgebraQuery out;
  out.form = query.form;
  out.base = query.base;
  out.from = query.from;
  out.from_named = query.from_named;
  out.describe = query.describe;
  OpPtr g = TranslateGroup(*query.where);

  // Grouping and aggregation (§18.2.4.1).
  bool aggregating = !query.group_by.empty();
  for (const auto& p : query.projection) aggregating |= HasAggregate(p.expr);
  for (const auto& h : query.having) aggregating |= HasAggregate(h);
  for (const auto& o : query.order_by) aggregating |= HasAggregate(o.expr);
  std::vector<std::pair<std::string, ExprPtr>> aggs;
  std::vector<ExprPtr> having;
  std::vector<Projection> projection = query.projection;
  std::vector<OrderCondition> order = query.order_by;
  if (aggregating) {
    Op grp;
    grp.kind = Op::Kind::kGroup;
    int unnamed = 0;
    for (const auto& k : query.group_by) {
      std::string var;
      if (k.as) var = k.as->name;
      else if (k.expr->kind == Expr::Kind::kVar) var = k.expr->var;
      else var = ".key" + std::to_string(unnamed++);
      grp.group_keys.emplace_back(k.expr, var);
    }
    for (auto& p : projection) p.expr = ReplaceAggregates(p.expr, aggs);
    for (const auto& h : query.having) having.push_back(ReplaceAggregates(h, aggs));
    for (auto& o : order) o.expr = ReplaceAggregates(o.expr, aggs);
    grp.aggregates = aggs;
    grp.children = {g};
    g = Make(std::move(grp));
  }
  if (!having.empty()) {
    Op f;
    f.kind = Op::Kind::kFilter;
    f.exprs = having;
    f.children = {g};
    g = Make(std::move(f));
  }
  if (query.values) {
    Op t;
    t.kind = Op::Kind::kTable;
    t.table = *query.values;
    g = Join(g, Make(std::move(t)));
  }
  // SELECT expressions (§18.2.4.4), in order, each an Extend.
  for (const auto& p : projection) {
    if (!p.expr) continue;
    Op x;
    x.kind = Op::Kind::kExtend;
    x.var = p.var.name;
    x.expr = p.expr;
    x.children = {g};
    g = Make(std::move(x));
  }
  if (!order.empty()) {
    Op o;
    o.kind = Op::Kind::kOrderBy;
    o.order = order;
    o.children = {g};
    g = Make(std::move(o));
  }
  if (query.form == Query::Form::kSelect) {
    if (query.select_star) {
      std::vector<std::string> all;
      CollectVariables(*g, all);
      for (const auto& v : all)
        if (v.rfind("_:", 0) != 0 && v.rfind(".", 0) != 0) out.result_vars.push_back(v);
    } else {
      for (const auto& p : query.projection) out.result_vars.push_back(p.var.name);
    }
    Op p;
    p.kind = Op::Kind::kProject;
    p.vars = out.result_vars;
    p.children = {g};
    g = Make(std::move(p));
  } else if (query.form == Query::Form::kDescribe && query.describe_star) {
    std::vector<std::string> all;
    CollectVariables(*g, all);
    for (const auto& v : all)
      if (v.rfind("_:", 0) != 0 && v.rfind(".", 0) != 0) out.describe.push_back(Var{v});
  }
  if (query.distinct || query.reduced) {
    Op d;
    d.kind = query.distinct ? Op::Kind::kDistinct : Op::Kind::kReduced;
    d.children = {g};
    g = Make(std::move(d));
  }
  if (query.limit || query.offset) {
    Op s;
    s.kind = Op::Kind::kSlice;
    s.offset = query.offset.value_or(0);
    s.limit = query.limit;
    s.children = {g};
    g = Make(std::move(s));
  }
  out.root = g;
  out.construct_template = query.construct_template;
  return out;
}

}  // namespace

Result<AlgebraQuery> Translate(const Query& query) { return TranslateQuery(query); }

OpPtr TranslatePattern(const GroupPattern& group) { return TranslateGroup(group); }

bool ExpressionVariables(const Expr& e, std::set<std::string>& out) {
  if (e.kind == Expr::Kind::kExists || e.kind == Expr::Kind::kNotExists) return false;
  if (e.kind == Expr::Kind::kVar) out.insert(e.var);
  for (const auto& a : e.args)
    if (!ExpressionVariables(*a, out)) return false;
  return true;
}

void CollectVariables(const Op& op, std::vector<std::string>& out) {
  switch (op.kind) {
    case Op::Kind::kBgp:
      for (const auto& t : op.triples) {
        VarsOf(t.subject, out);
        if (!t.path) VarsOf(t.predicate, out);
        VarsOf(t.object, out);
      }
      return;
    case Op::Kind::kGraph:
      VarsOf(op.graph, out);
      break;
    case Op::Kind::kExtend:
      for (const auto& c : op.children) CollectVariables(*c, out);
      AddUnique(out, op.var);
      return;
    case Op::Kind::kTable:
      for (const auto& v : op.table.variables) AddUnique(out, v.name);
      return;
    case Op::Kind::kProject:
      for (const auto& v : op.vars) AddUnique(out, v);
      return;
    case Op::Kind::kGroup:
      for (const auto& [e, v] : op.group_keys) AddUnique(out, v);
      for (const auto& [v, e] : op.aggregates) AddUnique(out, v);
      return;
    case Op::Kind::kMinus:
      CollectVariables(*op.children[0], out);
      return;
    default:
      break;
  }
  for (const auto& c : op.children) CollectVariables(*c, out);
}

}  // namespace kg::sparql

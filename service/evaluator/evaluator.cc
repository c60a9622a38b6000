#include "evaluator/evaluator.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <deque>
#include <unordered_set>

#include "algebra/translate.h"
#include "evaluator/filter_kernel.h"
#include "evaluator/row_buffer.h"
#include "evaluator/term_order.h"
#include "evaluator/xsd_value.h"
#include "planner/bgp_order.h"

namespace kg::sparql {
namespace {

std::string NowLexical() {
  std::timespec ts{};
  std::timespec_get(&ts, TIME_UTC);
  std::tm tm{};
  gmtime_r(&ts.tv_sec, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char frac[32];
  std::snprintf(frac, sizeof frac, ".%03ldZ", static_cast<long>(ts.tv_nsec / 1000000) % 1000);
  return std::string(buf) + frac;
}

bool IsEmpty(const Row& r) {
  return std::all_of(r.begin(), r.end(), [](TermId id) { return id == 0; });
}

// An expression context over one row, optionally masked to the variables in
// scope of the operator whose expression it is (bottom-up semantics: an
// expression never sees bindings from outside its operator).
class RowContext : public ExprContext {
 public:
  RowContext(Evaluator& ev, const Row& row, const std::vector<bool>* mask,
             const Evaluator::GraphCtx& g)
      : ev_(ev), row_(row), mask_(mask), g_(g) {}

  const Term* Lookup(const std::string& var) const override {
    int i = ev_.vars().FindByAddress(var);
    if (i < 0) return nullptr;
    if (mask_ && (static_cast<std::size_t>(i) >= mask_->size() || !(*mask_)[i])) return nullptr;
    if (static_cast<std::size_t>(i) >= row_.size() || !row_[i]) return nullptr;
    return &ev_.terms().Get(row_[i]);
  }

  std::optional<bool> Exists(const GroupPattern& pattern) override {
    OpPtr op = ev_.PatternOp(pattern);
    Row input = row_;
    if (mask_)
      for (std::size_t i = 0; i < input.size(); ++i)
        if (!(*mask_)[i]) input[i] = 0;
    input.resize(ev_.vars().size(), 0);
    // §8.3 / §18.6 substitution: inside the pattern the current solution's
    // values are constants, visible to its filters too.
    auto saved = ev_.Substitute(input);
    bool found = false;
    ev_.Eval(*op, input, g_, [&](const Row&) {
      found = true;
      return false;
    });
    ev_.Restore(std::move(saved));
    return found;
  }

  const std::string& Now() const override { return ev_.now(); }

  Term BlankNode(const std::optional<std::string>& key) override {
    if (!key) return ev_.FreshBlank();
    if (solution_) return ev_.SolutionBlank(*solution_, *key);
    auto it = blanks_.find(*key);
    if (it != blanks_.end()) return it->second;
    return blanks_.emplace(*key, ev_.FreshBlank()).first->second;
  }

  // BNODE(str) gives the same node for the same string within one solution
  // (§17.4.2.9), also across the SELECT expressions that extend it.
  void SetSolution(const Row* solution) { solution_ = solution; }

  const std::string& BaseIri() const override { return ev_.base(); }

 private:
  Evaluator& ev_;
  const Row& row_;
  const std::vector<bool>* mask_;
  const Evaluator::GraphCtx& g_;
  std::map<std::string, Term> blanks_;
  const Row* solution_ = nullptr;
};

}  // namespace

Evaluator::Evaluator(const Store& store, const AlgebraQuery& query,
                     const Dataset& protocol_dataset, const QueryLimits& limits,
                     std::string base_iri)
    : store_(store),
      query_(query),
      limits_(limits),
      base_(std::move(base_iri)),
      now_(NowLexical()),
      terms_(&store.Terms()) {
  // The dataset (§13): the protocol's overrides the query's FROM / FROM NAMED.
  const bool protocol = !protocol_dataset.empty();
  const auto& from = protocol ? protocol_dataset.default_graphs : query.from;
  const auto& from_named = protocol ? protocol_dataset.named_graphs : query.from_named;
  if (from.empty() && from_named.empty()) {
    default_graphs_.push_back(Store::GraphRef{true, std::nullopt});
    named_graphs_ = store.GraphNames();
  } else {
    for (const auto& g : from) default_graphs_.push_back(Store::GraphRef{false, g});
    named_graphs_ = from_named;
  }
  named_set_.insert(named_graphs_.begin(), named_graphs_.end());
  if (query.root) RegisterVariables(*query.root);
  for (const auto& v : query.result_vars) vars_.Index(v);
  for (const auto& d : query.describe)
    if (const Var* v = std::get_if<Var>(&d)) vars_.Index(v->name);
  for (const auto& t : query.construct_template) {
    for (const VarOrTerm* pos : {&t.subject, &t.predicate, &t.object})
      if (const Var* v = std::get_if<Var>(pos)) vars_.Index(v->name);
  }
  FindUnusedVariables();
  FindDuplicateFreeBgps();
}

void Evaluator::FindDuplicateFreeBgps() {
  // Below a DISTINCT / REDUCED, a projection, an ordering or a filter
  // without side effects gives equal outputs for equal inputs, so a BGP
  // reached through only those may drop repeated solutions itself.
  std::function<void(const Op&, bool)> walk = [&](const Op& op, bool distinct_above) {
    const bool pass = op.kind == Op::Kind::kProject || op.kind == Op::Kind::kOrderBy ||
                      (op.kind == Op::Kind::kFilter && Memoizable(op));
    if (op.kind == Op::Kind::kBgp && distinct_above) drop_duplicates_.insert(&op);
    const bool below = op.kind == Op::Kind::kDistinct || op.kind == Op::Kind::kReduced ||
                       (distinct_above && pass);
    for (const auto& c : op.children) walk(*c, below);
  };
  if (query_.root) walk(*query_.root, false);
}

// A variable written exactly once in the whole query, in a triple pattern,
// and not part of the answer, constrains nothing: the pattern can match it as
// a wildcard without binding (and interning) a term per row. SELECT ?p {
// ?s ?p ?o } then costs one binding per triple instead of three.
void Evaluator::FindUnusedVariables() {
  std::vector<int> uses(vars_.size(), 0);
  auto use = [&](const std::string& name) {
    int i = vars_.Find(name);
    if (i >= 0) ++uses[i];
  };
  auto use_pos = [&](const VarOrTerm& v) {
    if (const Var* var = std::get_if<Var>(&v)) use(var->name);
  };
  bool whole_rows = false;
  std::function<void(const Op&)> walk_op;
  std::function<void(const Expr&)> walk_expr = [&](const Expr& e) {
    if (e.kind == Expr::Kind::kVar) use(e.var);
    if (e.pattern) walk_op(*PatternOp(*e.pattern));
    for (const auto& a : e.args) walk_expr(*a);
  };
  walk_op = [&](const Op& op) {
    for (const auto& t : op.triples) {
      use_pos(t.subject);
      if (!t.path) use_pos(t.predicate);
      use_pos(t.object);
    }
    for (const auto& e : op.exprs) walk_expr(*e);
    if (op.expr) walk_expr(*op.expr);
    if (op.kind == Op::Kind::kExtend) use(op.var);
    use_pos(op.graph);
    for (const auto& v : op.table.variables) use(v.name);
    for (const auto& v : op.vars) use(v);
    for (const auto& c : op.order) walk_expr(*c.expr);
    for (const auto& [e, v] : op.group_keys) {
      walk_expr(*e);
      use(v);
    }
    for (const auto& [v, e] : op.aggregates) {
      use(v);
      walk_expr(*e);
      // COUNT(DISTINCT *) compares whole solutions: every variable counts.
      if (e->star && e->distinct) whole_rows = true;
    }
    for (const auto& c : op.children) walk_op(*c);
  };
  if (query_.root) walk_op(*query_.root);
  // The answer counts as a use, and so does anything DESCRIBE or a
  // CONSTRUCT template reads.
  for (const auto& v : query_.result_vars) use(v);
  for (const auto& d : query_.describe) use_pos(d);
  for (const auto& t : query_.construct_template) {
    use_pos(t.subject);
    use_pos(t.predicate);
    use_pos(t.object);
  }
  unused_.assign(vars_.size(), false);
  if (whole_rows) return;
  for (std::size_t i = 0; i < uses.size(); ++i) unused_[i] = uses[i] == 1;
  // Only triple-pattern positions may be skipped: a variable used once in a
  // BIND, VALUES or GROUP BY still has to be bound there.
  std::function<void(const Op&)> keep_bound = [&](const Op& op) {
    if (op.kind == Op::Kind::kExtend) unused_[vars_.Index(op.var)] = false;
    for (const auto& v : op.table.variables) unused_[vars_.Index(v.name)] = false;
    for (const auto& v : op.vars) unused_[vars_.Index(v)] = false;
    for (const auto& [e, v] : op.group_keys) unused_[vars_.Index(v)] = false;
    for (const auto& [v, e] : op.aggregates) unused_[vars_.Index(v)] = false;
    if (const Var* g = std::get_if<Var>(&op.graph)) unused_[vars_.Index(g->name)] = false;
    for (const auto& t : op.triples)
      if (t.path) {
        // path ends are bound by the path code, which always binds them
        for (const VarOrTerm* pos : {&t.subject, &t.object})
          if (const Var* v = std::get_if<Var>(pos)) unused_[vars_.Index(v->name)] = false;
      }
    for (const auto& c : op.children) keep_bound(*c);
  };
  if (query_.root) keep_bound(*query_.root);
}

bool Evaluator::Unused(const VarOrTerm& pos) const {
  const Var* v = std::get_if<Var>(&pos);
  if (!v) return false;
  int i = vars_.Find(v->name);
  return i >= 0 && static_cast<std::size_t>(i) < unused_.size() && unused_[i];
}

void Evaluator::RegisterVariables(const Op& op) {
  std::vector<std::string> names;
  CollectVariables(op, names);
  for (const auto& n : names) vars_.Index(n);
  // Variables that only appear in expressions still need a slot (they are
  // simply never bound).
  std::function<void(const Expr&)> expr_vars = [&](const Expr& e) {
    if (e.kind == Expr::Kind::kVar) vars_.Index(e.var);
    // EXISTS patterns get their slots now: rows never grow mid-query.
    if (e.pattern) PatternOp(*e.pattern);
    for (const auto& a : e.args) expr_vars(*a);
  };
  for (const auto& e : op.exprs) expr_vars(*e);
  if (op.expr) expr_vars(*op.expr);
  for (const auto& c : op.order) expr_vars(*c.expr);
  for (const auto& [e, v] : op.group_keys) expr_vars(*e);
  for (const auto& [v, e] : op.aggregates) expr_vars(*e);
  if (const Var* v = std::get_if<Var>(&op.graph)) vars_.Index(v->name);
  for (const auto& c : op.children) RegisterVariables(*c);
}

void Evaluator::Tick() {
  if ((++ticks_ & 1023) == 0 && limits_.deadline &&
      std::chrono::steady_clock::now() > *limits_.deadline)
    throw Cancelled{};
}

Term Evaluator::FreshBlank() { return Term::Blank("e" + std::to_string(++blank_counter_)); }

Term Evaluator::SolutionBlank(const Row& solution, const std::string& key) {
  auto [it, inserted] = solution_blanks_.try_emplace({solution, key});
  if (inserted) it->second = FreshBlank();
  return it->second;
}

OpPtr Evaluator::PatternOp(const GroupPattern& pattern) {
  auto it = patterns_.find(&pattern);
  if (it != patterns_.end()) return it->second;
  OpPtr op = TranslatePattern(pattern);
  RegisterVariables(*op);
  patterns_[&pattern] = op;
  return op;
}

std::vector<bool> Evaluator::Substitute(const Row& input) {
  std::vector<bool> saved = substituted_;
  substituted_.resize(vars_.size(), false);
  for (std::size_t i = 0; i < input.size() && i < substituted_.size(); ++i)
    if (input[i]) substituted_[i] = true;
  return saved;
}

void Evaluator::Restore(std::vector<bool> saved) { substituted_ = std::move(saved); }

const std::vector<bool>& Evaluator::Scope(const Op& op) {
  const std::vector<bool>& own = OwnScope(op);
  if (std::find(substituted_.begin(), substituted_.end(), true) == substituted_.end()) return own;
  std::vector<bool>& combined = substituted_scopes_[&op];
  combined = own;
  combined.resize(std::max(combined.size(), substituted_.size()), false);
  for (std::size_t i = 0; i < substituted_.size(); ++i) combined[i] = combined[i] || substituted_[i];
  return combined;
}

const std::vector<bool>& Evaluator::OwnScope(const Op& op) {
  auto it = scopes_.find(&op);
  if (it != scopes_.end() && it->second.size() == vars_.size()) return it->second;
  std::vector<std::string> names;
  CollectVariables(op, names);
  std::vector<bool> mask(vars_.size(), false);
  for (const auto& n : names) {
    int i = vars_.Index(n);
    if (static_cast<std::size_t>(i) >= mask.size()) mask.resize(i + 1, false);
    mask[i] = true;
  }
  return scopes_[&op] = std::move(mask);
}

std::optional<Term> Evaluator::Resolve(const VarOrTerm& v, const Row& row) {
  if (const Term* t = std::get_if<Term>(&v)) return *t;
  int i = vars_.Find(std::get<Var>(v).name);
  if (i < 0 || !row[i]) return std::nullopt;
  return terms_.Get(row[i]);
}

TermId Evaluator::ConstantId(const Term& t) {
  auto [it, inserted] = constant_ids_.try_emplace(&t, 0);
  if (inserted) it->second = terms_.Intern(t);
  return it->second;
}

TermId Evaluator::IriId(const std::string& iri) {
  auto [it, inserted] = constant_ids_.try_emplace(&iri, 0);
  if (inserted) it->second = terms_.Intern(Term::Iri(iri));
  return it->second;
}

template <class Fn>
bool Evaluator::Match(const GraphCtx& g, TermId s, TermId p, TermId o, Fn&& fn) {
  // A term the store does not have is in no triple.
  for (TermId id : {s, p, o})
    if (id && !TermTable::Stored(id)) return true;
  auto scan = [&](const TripleIndex* index) {
    if (!index) return true;
    IdRange r = index->Match(s, p, o);
    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
      Tick();
      if (!fn(r[i])) return false;
    }
    return true;
  };
  if (!g.is_default) return scan(store_.Index(Store::GraphRef{false, g.name}));
  if (default_graphs_.size() == 1) return scan(store_.Index(default_graphs_.front()));
  // An RDF merge of several graphs: a triple counts once.
  std::set<IdTriple> seen;
  for (const auto& ref : default_graphs_) {
    const TripleIndex* index = store_.Index(ref);
    if (!index) continue;
    IdRange r = index->Match(s, p, o);
    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
      Tick();
      if (seen.insert(r[i]).second && !fn(r[i])) return false;
    }
  }
  return true;
}

bool Evaluator::IsNode(const GraphCtx& g, TermId id) {
  bool found = false;
  Match(g, id, 0, 0, [&](const IdTriple&) { return !(found = true); });
  if (!found) Match(g, 0, 0, id, [&](const IdTriple&) { return !(found = true); });
  return found;
}

template <class Fn>
bool Evaluator::ForEachIndex(const GraphCtx& g, Fn&& fn) {
  if (!g.is_default) {
    const TripleIndex* index = store_.Index(Store::GraphRef{false, g.name});
    return !index || fn(*index);
  }
  for (const auto& ref : default_graphs_)
    if (const TripleIndex* index = store_.Index(ref); index && !fn(*index)) return false;
  return true;
}

std::size_t Evaluator::CountMatches(const GraphCtx& g, TermId s, TermId p, TermId o) {
  for (TermId id : {s, p, o})
    if (id && !TermTable::Stored(id)) return 0;
  std::size_t n = 0;
  ForEachIndex(g, [&](const TripleIndex& index) {
    n += index.Count(s, p, o);
    return true;
  });
  return n;
}

double Evaluator::Estimate(const GraphCtx& g, const std::optional<Term>& s,
                           const std::optional<Term>& p, const std::optional<Term>& o,
                           unsigned unknown) {
  if (!g.is_default) return store_.Estimate(Store::GraphRef{false, g.name}, s, p, o, unknown);
  double n = 0;
  for (const auto& ref : default_graphs_) n += store_.Estimate(ref, s, p, o, unknown);
  return n;
}

const Evaluator::CachedKernel& Evaluator::KernelFor(const Expr& e) {
  auto [it, inserted] = kernels_.try_emplace(&e);
  if (inserted) {
    it->second.fn = CompileFilter(e, vars_, terms_);
    std::set<std::string> need;
    ExpressionVariables(e, need);
    for (const auto& v : need) it->second.slots.push_back(vars_.Find(v));
  }
  return it->second;
}

bool Evaluator::Test(const std::vector<ExprPtr>& exprs, const Row& row,
                     const std::vector<bool>* mask, const GraphCtx& g,
                     const std::vector<const CachedKernel*>* kernels) {
  // What expression i's compiled kernel says, or kAsk when it has none or
  // reads a variable outside the mask (a kernel reads the row unmasked).
  auto verdict = [&](std::size_t i) {
    const CachedKernel& k = kernels ? *(*kernels)[i] : KernelFor(*exprs[i]);
    if (!k.fn) return KernelResult::kAsk;
    for (int slot : k.slots)
      if (slot < 0 || (mask && (static_cast<std::size_t>(slot) >= mask->size() || !(*mask)[slot])))
        return KernelResult::kAsk;
    return k.fn(row);
  };
  // Kernels decide most filters (a label's language, say) on their own:
  // the general evaluator's context is made only when one cannot.
  std::size_t i = 0;
  for (; i < exprs.size(); ++i) {
    KernelResult r = verdict(i);
    if (r == KernelResult::kFalse) return false;
    if (r == KernelResult::kAsk) break;
  }
  if (i == exprs.size()) return true;
  RowContext ctx(*this, row, mask, g);
  for (bool asked = true; i < exprs.size(); ++i, asked = false) {
    if (!asked) {
      KernelResult r = verdict(i);
      if (r == KernelResult::kFalse) return false;
      if (r == KernelResult::kTrue) continue;
    }
    auto v = Evaluate(*exprs[i], ctx);
    if (!v) return false;
    auto b = EffectiveBooleanValue(*v);
    if (!b || !*b) return false;
  }
  return true;
}

// ---- Basic graph patterns ------------------------------------------------------

bool Evaluator::EvalBgp(const Op& op, const std::vector<ExprPtr>& pushed, const Row& input,
                        const GraphCtx& g, const Emit& emit) {
  const auto& pats = op.triples;
  // The plan for this set of bound variables (compared in place: this runs
  // once per input row of a join).
  std::deque<BgpPlan>& plans = bgp_plans_[&op];
  const BgpPlan* found = nullptr;
  for (const auto& candidate : plans) {
    bool same = true;
    for (std::size_t i = 0; i < candidate.bound.size() && same; ++i)
      same = candidate.bound[i] == (i < input.size() && input[i] != 0);
    if (same) {
      found = &candidate;
      break;
    }
  }
  if (!found) {
    BgpPlan plan;
    plan.bound.assign(vars_.size(), false);
    for (std::size_t i = 0; i < vars_.size() && i < input.size(); ++i) plan.bound[i] = input[i] != 0;
    const std::vector<bool>& bound_mask = plan.bound;
    std::set<std::string> bound;
    for (std::size_t i = 0; i < bound_mask.size(); ++i)
      if (bound_mask[i]) bound.insert(vars_.Name(i));
    std::vector<PatternInfo> infos;
    for (const auto& t : pats) infos.push_back(PatternVariables(t));
    plan.order = OrderBgp(
        pats, bound, [&](const std::string& name) { return Resolve(Var{name}, input); },
        [&](const std::optional<Term>& s, const std::optional<Term>& p,
            const std::optional<Term>& o, unsigned unknown) { return Estimate(g, s, p, o, unknown); });
    // Each pushed filter runs right after the pattern that binds its last
    // variable (or before the first pattern if the input binds them all).
    plan.filters_at.resize(pats.size() + 1);
    std::set<std::string> have = bound;
    std::vector<std::set<std::string>> after(pats.size() + 1);
    after[0] = have;
    for (std::size_t k = 0; k < plan.order.size(); ++k) {
      for (const auto& v : infos[plan.order[k]].vars) have.insert(v);
      after[k + 1] = have;
    }
    // A conjunction's parts are separate filters (FILTER(a && b) keeps a
    // solution iff both are true): each runs as soon as its own variables
    // are bound.
    std::vector<ExprPtr> parts;
    std::function<void(const ExprPtr&)> split = [&](const ExprPtr& e) {
      if (e->kind == Expr::Kind::kAnd && e->args.size() == 2) {
        split(e->args[0]);
        split(e->args[1]);
      } else {
        parts.push_back(e);
      }
    };
    for (const auto& e : pushed) split(e);
    for (const auto& e : parts) {
      std::set<std::string> need;
      ExpressionVariables(*e, need);
      std::size_t level = pats.size();
      for (std::size_t k = 0; k <= pats.size(); ++k) {
        if (std::includes(after[k].begin(), after[k].end(), need.begin(), need.end())) {
          level = k;
          break;
        }
      }
      plan.filters_at[level].push_back(e);
    }
    // Per pattern position: the variable's slot (-1 for a constant) and the
    // constant's id, once per plan rather than once per match; `unused`
    // marks variables matched as wildcards (never bound).
    plan.positions.resize(pats.size());
    for (std::size_t i = 0; i < pats.size(); ++i) {
      const VarOrTerm* at[3] = {&pats[i].subject, &pats[i].predicate, &pats[i].object};
      for (int j = 0; j < 3; ++j) {
        if (j == 1 && pats[i].path) continue;
        if (const Var* v = std::get_if<Var>(at[j])) {
          plan.positions[i][j].slot = vars_.Index(v->name);
          plan.positions[i][j].unused = Unused(*at[j]);
        } else {
          plan.positions[i][j].constant = ConstantId(std::get<Term>(*at[j]));
        }
      }
    }
    // A level whose pattern binds an object variable that a prefix filter
    // right after it tests (the filter's only variables are then bound).
    plan.object_prefix.resize(pats.size());
    for (std::size_t k = 0; k < plan.order.size(); ++k) {
      const TriplePattern& t = pats[plan.order[k]];
      const Var* ov = std::get_if<Var>(&t.object);
      if (t.path || !ov || after[k].count(ov->name)) continue;
      for (const auto& e : plan.filters_at[k + 1]) {
        auto probe = LowerCasePrefixOf(*e);
        if (probe && probe->var == ov->name &&
            (!plan.object_prefix[k] || probe->prefix.size() > plan.object_prefix[k]->size()))
          plan.object_prefix[k] = probe->prefix;
      }
    }
    plan.kernels_at.resize(plan.filters_at.size());
    for (std::size_t k = 0; k < plan.filters_at.size(); ++k)
      for (const auto& e : plan.filters_at[k]) plan.kernels_at[k].push_back(&KernelFor(*e));
    plans.push_back(std::move(plan));
    found = &plans.back();
  }
  const std::vector<std::size_t>& order = found->order;
  const std::vector<std::vector<ExprPtr>>& filters_at = found->filters_at;
  const std::vector<std::vector<const CachedKernel*>>& kernels_at = found->kernels_at;
  const std::vector<bool>& mask = Scope(op);

  using Position = BgpPlan::Position;
  const std::vector<std::array<Position, 3>>& positions = found->positions;
  const std::vector<std::optional<std::string>>& object_prefix = found->object_prefix;
  auto resolve = [](const Position& pos, const Row& row) {
    return pos.slot >= 0 ? row[pos.slot] : pos.constant;
  };
  // Binds slot i (if any) to id; false when it holds another value.
  auto bind = [](int i, TermId id, Row& row) {
    if (i < 0) return true;
    if (!row[i]) {
      row[i] = id;
      return true;
    }
    return row[i] == id;
  };
  // One row buffer per level, reused for every match at that level and,
  // through bgp_scratch_, by every later BGP evaluated at the same nesting
  // depth (the right side of a join runs once per left row).
  struct Nesting {
    std::size_t& depth;
    ~Nesting() { --depth; }
  } nesting{++bgp_depth_};
  if (bgp_scratch_.size() < bgp_depth_) bgp_scratch_.resize(bgp_depth_);
  std::vector<Row>& scratch = bgp_scratch_[bgp_depth_ - 1];
  if (scratch.size() < order.size() + 1) scratch.resize(order.size() + 1);
  // Under a DISTINCT (drop_duplicates_): the solution each level passed on
  // last; an equal one right after it (a match differing only in wildcard
  // positions) would only be removed again above, so it stops here.
  const bool dedupe = drop_duplicates_.count(&op) > 0;
  std::vector<Row> last(dedupe ? order.size() + 1 : 0);
  auto repeated = [&](std::size_t level, const Row& next) {
    if (!dedupe) return false;
    Row& before = last[level];
    if (before == next) return true;
    before.assign(next.begin(), next.end());
    return false;
  };
  // Recursive through `self` (a generic lambda), not a std::function: this
  // runs once per input row of a join, and a std::function of this closure
  // allocates.
  auto step = [&](auto& self, std::size_t k, const Row& row) -> bool {
    if (k == order.size()) return emit(row);
    const TriplePattern& t = pats[order[k]];
    const std::array<Position, 3>& pos = positions[order[k]];
    const TermId s = resolve(pos[0], row), o = resolve(pos[2], row);
    const auto& next_filters = filters_at[k + 1];
    const auto* next_kernels = &kernels_at[k + 1];
    const int si = s ? -1 : pos[0].slot, oi = o ? -1 : pos[2].slot;
    Row& next = scratch[k + 1];
    if (t.path) {
      // A path end bound through a variable must be a node of the graph:
      // only constants written in the query match zero-length paths
      // without being in the data (W3C property-path/values_and_path).
      if ((s && std::holds_alternative<Var>(t.subject) && !IsNode(g, s)) ||
          (o && std::holds_alternative<Var>(t.object) && !IsNode(g, o)))
        return true;
      return PathPairs(*t.path, s, o, g, [&](TermId x, TermId y) {
        next = row;
        if (!bind(si, x, next) || !bind(oi, y, next)) return true;
        if (!next_filters.empty() && !Test(next_filters, next, &mask, g, next_kernels)) return true;
        return self(self, k + 1, next);
      });
    }
    const TermId p = resolve(pos[1], row);
    // Only positions that were unbound need binding (the index matched the
    // others exactly); a variable used nowhere else is a wildcard.
    const int pi = p || pos[1].unused ? -1 : pos[1].slot;
    const int si2 = pos[0].unused ? -1 : si, oi2 = pos[2].unused ? -1 : oi;
    auto on_match = [&](const IdTriple& tr) {
      next = row;  // reuses the level's buffer: no allocation per match
      if (!bind(si2, tr.s, next) || !bind(pi, tr.p, next) || !bind(oi2, tr.o, next)) return true;
      if (repeated(k + 1, next)) return true;
      if (!next_filters.empty() && !Test(next_filters, next, &mask, g, next_kernels)) return true;
      return self(self, k + 1, next);
    };
    // A prefix filter on the object: look each candidate up when they are
    // fewer than a third of the pattern's matches (a lookup is a binary
    // search, ~3 times a scanned match and its filter test, measured with
    // bench/engine_bench on q04). The filter still runs.
    const std::optional<std::string>& prefix = object_prefix[k];
    if (prefix && !o && terms_.base()) {
      std::span<const TermId> candidates = terms_.base()->WithLowerCasePrefix(*prefix);
      if (candidates.size() * 3 < CountMatches(g, s, p, 0)) {
        // By object first: a literal's run in OSP is a direct offset and
        // a triple or two, where (p, o) would binary-search p's whole run.
        auto with_p = [&](const IdTriple& tr) { return (p && tr.p != p) || on_match(tr); };
        for (TermId candidate : candidates) {
          Tick();
          if (!Match(g, s, 0, candidate, with_p)) return false;
        }
        return true;
      }
    }
    // Under a DISTINCT, nothing bound and one position wanted (the others
    // wildcards nobody reads): its distinct values are the runs of the
    // permutation it leads, one step per value, not per triple (SELECT
    // DISTINCT ?p { ?s ?p ?o } walks POS).
    if (dedupe && !s && !p && !o) {
      const bool want_s = si2 >= 0, want_p = pi >= 0, want_o = oi2 >= 0;
      if (want_s + want_p + want_o == 1) {
        const IdRange::Order scan_order = want_p   ? IdRange::Order::kPos
                                          : want_o ? IdRange::Order::kOsp
                                                   : IdRange::Order::kSpo;
        return ForEachIndex(g, [&](const TripleIndex& index) {
          for (TermId id : index.Leading(scan_order)) {
            Tick();
            IdTriple tr{want_s ? id : 0, want_p ? id : 0, want_o ? id : 0};
            if (!on_match(tr)) return false;
          }
          return true;
        });
      }
    }
    return Match(g, s, p, o, on_match);
  };
  if (!filters_at[0].empty() && !Test(filters_at[0], input, &mask, g, &kernels_at[0])) return true;
  return step(step, 0, input);
}

// ---- Property paths (§9.3, §18.4) --------------------------------------------------

bool Evaluator::PathSequence(const std::vector<PathPtr>& parts, std::size_t from, TermId s,
                             TermId o, const GraphCtx& g, const PairFn& fn) {
  if (from + 1 == parts.size()) return PathPairs(*parts[from], s, o, g, fn);
  if (!s && o) {
    // Bound at the end only: walk backwards from o.
    return PathSequence(parts, from + 1, 0, o, g, [&](TermId m, TermId y) {
      return PathPairs(*parts[from], 0, m, g, [&](TermId x, TermId) { return fn(x, y); });
    });
  }
  return PathPairs(*parts[from], s, 0, g, [&](TermId x, TermId m) {
    return PathSequence(parts, from + 1, m, o, g, [&](TermId, TermId y) { return fn(x, y); });
  });
}

bool Evaluator::Closure(const Path& step, bool zero, TermId s, TermId o, const GraphCtx& g,
                        const PairFn& fn) {
  // Breadth-first from one node, each node once (ALP, §18.4): cycles end.
  // Ids, not terms: a visited set of integers and no term copies.
  std::unordered_set<TermId> seen;
  std::vector<TermId> queue;
  auto reach = [&](TermId start, bool forward, FunctionRef<bool(TermId)> visit) {
    seen.clear();
    queue.clear();
    if (zero) {
      seen.insert(start);
      if (!visit(start)) return false;
    }
    queue.push_back(start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      TermId n = queue[head];
      bool go_on = true;
      auto next = [&](TermId x, TermId y) {
        TermId m = forward ? y : x;
        if (seen.insert(m).second) {
          if (!visit(m)) return go_on = false;
          queue.push_back(m);
        }
        return true;
      };
      if (forward) PathPairs(step, n, 0, g, next);
      else PathPairs(step, 0, n, g, next);
      if (!go_on) return false;
    }
    return true;
  };
  if (s && o) {
    bool found = false;
    reach(s, true, [&](TermId m) {
      if (m == o) found = true;
      return !found;
    });
    return found ? fn(s, o) : true;
  }
  if (s) return reach(s, true, [&](TermId m) { return fn(s, m); });
  if (o) return reach(o, false, [&](TermId m) { return fn(m, o); });
  // Neither end bound: start from every node that can start a path.
  std::set<TermId> starts;
  if (zero) {
    Match(g, 0, 0, 0, [&](const IdTriple& t) {
      starts.insert(t.s);
      starts.insert(t.o);
      return true;
    });
  } else {
    PathPairs(step, 0, 0, g, [&](TermId x, TermId) {
      starts.insert(x);
      return true;
    });
  }
  for (TermId start : starts)
    if (!reach(start, true, [&](TermId m) { return fn(start, m); })) return false;
  return true;
}

bool Evaluator::PathPairs(const Path& path, TermId s, TermId o, const GraphCtx& g,
                          const PairFn& fn) {
  switch (path.kind) {
    case Path::Kind::kLink: {
      TermId p = IriId(path.iri);
      return Match(g, s, p, o, [&](const IdTriple& t) { return fn(t.s, t.o); });
    }
    case Path::Kind::kInverse:
      return PathPairs(*path.args[0], o, s, g, [&](TermId x, TermId y) { return fn(y, x); });
    case Path::Kind::kSequence:
      return PathSequence(path.args, 0, s, o, g, fn);
    case Path::Kind::kAlternative:
      for (const auto& a : path.args)
        if (!PathPairs(*a, s, o, g, fn)) return false;
      return true;
    case Path::Kind::kZeroOrMore:
      return Closure(*path.args[0], true, s, o, g, fn);
    case Path::Kind::kOneOrMore:
      return Closure(*path.args[0], false, s, o, g, fn);
    case Path::Kind::kZeroOrOne: {
      // Distinct pairs of the zero-length and the one-step path.
      std::set<std::pair<TermId, TermId>> pairs;
      if (s && o) {
        if (s == o) pairs.emplace(s, o);
      } else if (s) {
        pairs.emplace(s, s);
      } else if (o) {
        pairs.emplace(o, o);
      } else {
        Match(g, 0, 0, 0, [&](const IdTriple& t) {
          pairs.emplace(t.s, t.s);
          pairs.emplace(t.o, t.o);
          return true;
        });
      }
      PathPairs(*path.args[0], s, o, g, [&](TermId x, TermId y) {
        pairs.emplace(x, y);
        return true;
      });
      for (const auto& [x, y] : pairs)
        if (!fn(x, y)) return false;
      return true;
    }
    case Path::Kind::kNegated: {
      auto excluded = [&](const std::vector<std::string>& set, TermId p) {
        for (const auto& iri : set)
          if (IriId(iri) == p) return true;
        return false;
      };
      bool forward = !path.negated.empty() || path.negated_inverse.empty();
      if (forward && !Match(g, s, 0, o, [&](const IdTriple& t) {
            return excluded(path.negated, t.p) ? true : fn(t.s, t.o);
          }))
        return false;
      if (!path.negated_inverse.empty())
        return Match(g, o, 0, s, [&](const IdTriple& t) {
          return excluded(path.negated_inverse, t.p) ? true : fn(t.o, t.s);
        });
      return true;
    }
  }
  return true;
}

// ---- Operators ---------------------------------------------------------------

// Same-input reuse for the right side of a nested-loop join: when the left
// side repeats the values the right side can see (q07 looks up the same top
// concept's subtree and label for every row below it), the right side's
// solutions for those values are computed once and replayed. Keyed on the
// input restricted to the variables in scope of op, which are all op's
// evaluation reads; only for deterministic ops (no EXISTS, BNODE, RAND,
// UUID, SERVICE) and up to kMemoRows rows per op.
bool Evaluator::Memoizable(const Op& op) {
  auto [it, inserted] = memoizable_.try_emplace(&op, true);
  if (!inserted) return it->second;
  std::function<bool(const Expr&)> pure_expr = [&](const Expr& e) {
    if (e.kind == Expr::Kind::kExists || e.kind == Expr::Kind::kNotExists) return false;
    if (e.kind == Expr::Kind::kBuiltin &&
        (e.name == "BNODE" || e.name == "RAND" || e.name == "UUID" || e.name == "STRUUID"))
      return false;
    for (const auto& a : e.args)
      if (!pure_expr(*a)) return false;
    return true;
  };
  std::function<bool(const Op&)> pure = [&](const Op& o) {
    if (o.kind == Op::Kind::kService) return false;
    for (const auto& e : o.exprs)
      if (!pure_expr(*e)) return false;
    if (o.expr && !pure_expr(*o.expr)) return false;
    for (const auto& c : o.order)
      if (!pure_expr(*c.expr)) return false;
    for (const auto& [e, v] : o.group_keys)
      if (!pure_expr(*e)) return false;
    for (const auto& [v, e] : o.aggregates)
      if (!pure_expr(*e)) return false;
    for (const auto& c : o.children)
      if (!pure(*c)) return false;
    return true;
  };
  return memoizable_[&op] = pure(op);
}

bool Evaluator::EvalMemo(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit) {
  if (op.kind == Op::Kind::kBgp && op.triples.size() <= 1) return Eval(op, input, g, emit);
  if (!Memoizable(op)) return Eval(op, input, g, emit);
  const std::vector<bool>& scope = Scope(op);
  Row key(input.size(), 0);
  for (std::size_t i = 0; i < input.size() && i < scope.size(); ++i)
    if (scope[i]) key[i] = input[i];
  Memo& memo = memos_[std::make_pair(&op, g.is_default ? std::string() : "<" + g.name)];
  // Inputs that never repeat (one per concept) are not worth storing.
  if (memo.size > kMemoRows || (memo.misses > 256 && memo.hits * 8 < memo.misses))
    return Eval(op, key, g, emit);
  auto it = memo.rows.find(key);
  if (it != memo.rows.end()) {
    ++memo.hits;
    for (const auto& r : it->second) {
      Tick();
      if (!emit(r)) return false;
    }
    return true;
  }
  ++memo.misses;
  std::vector<Row> rows;
  Eval(op, key, g, [&](const Row& r) {
    rows.push_back(r);
    return true;
  });
  memo.size += rows.size() + 1;
  const std::vector<Row>& stored = memo.rows.emplace(std::move(key), std::move(rows)).first->second;
  for (const auto& r : stored)
    if (!emit(r)) return false;
  return true;
}

bool Evaluator::EvalIndependent(const Op& op, const Row& input, const GraphCtx& g,
                                const Emit& emit, FunctionRef<bool(const Emit&)> fresh) {
  if (IsEmpty(input)) return fresh(emit);
  auto key = std::make_pair(&op, g.is_default ? std::string() : "<" + g.name);
  auto it = materialized_.find(key);
  if (it == materialized_.end()) {
    std::vector<Row> rows;
    fresh([&](const Row& r) {
      rows.push_back(r);
      return true;
    });
    it = materialized_.emplace(key, std::move(rows)).first;
  }
  for (const auto& r : it->second) {
    Tick();
    if (Compatible(r, input) && !emit(Merge(input, r))) return false;
  }
  return true;
}

int Evaluator::InScopeSlot(const Expr& e, const std::vector<bool>& mask) const {
  if (e.kind != Expr::Kind::kVar) return -1;
  int i = vars_.Find(e.var);
  return i >= 0 && static_cast<std::size_t>(i) < mask.size() && mask[i] ? i : -1;
}

bool Evaluator::EvalGroup(const Op& op, const GraphCtx& g, const Emit& emit) {
  const Op& child = *op.children[0];
  std::vector<Row> rows;
  Eval(child, EmptyRow(), g, [&](const Row& r) {
    rows.push_back(r);
    return true;
  });
  const std::vector<bool>& mask = Scope(child);
  std::vector<std::vector<TermId>> keys_in_order;
  std::unordered_map<std::vector<TermId>, std::vector<std::size_t>, RowHash> groups;
  // A key that is a variable in scope is its id as it stands (no term
  // copy, no interning); other keys are evaluated.
  std::vector<int> key_slots;
  for (const auto& [e, v] : op.group_keys) key_slots.push_back(InScopeSlot(*e, mask));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Tick();
    std::vector<TermId> key;
    std::optional<RowContext> ctx;
    for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
      if (key_slots[k] >= 0) {
        key.push_back(rows[i][key_slots[k]]);
        continue;
      }
      if (!ctx) ctx.emplace(*this, rows[i], &mask, g);
      auto val = Evaluate(*op.group_keys[k].first, *ctx);
      key.push_back(val ? terms_.Intern(*val) : 0);
    }
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) keys_in_order.push_back(key);
    it->second.push_back(i);
  }
  // Aggregation without GROUP BY over no solutions is one empty group.
  if (op.group_keys.empty() && rows.empty()) {
    keys_in_order.push_back({});
    groups[{}];
  }
  for (const auto& key : keys_in_order) {
    Row out = EmptyRow();
    for (std::size_t k = 0; k < op.group_keys.size(); ++k)
      out[vars_.Index(op.group_keys[k].second)] = key[k];
    out.resize(vars_.size(), 0);
    for (const auto& [var, agg_expr] : op.aggregates) {
      const std::vector<std::size_t>& members = groups[key];
      // COUNT(*), COUNT(?v) and COUNT(DISTINCT ?v) count ids: no terms.
      if (agg_expr->name == "COUNT" && (!agg_expr->distinct || !agg_expr->args.empty())) {
        int slot = agg_expr->args.empty() ? -2 : InScopeSlot(*agg_expr->args[0], mask);
        if (slot != -1) {
          std::size_t n = 0;
          if (slot == -2) {
            n = members.size();
          } else if (!agg_expr->distinct) {
            for (std::size_t i : members) n += rows[i][slot] != 0;
          } else {
            std::unordered_set<TermId> ids;
            for (std::size_t i : members)
              if (rows[i][slot]) ids.insert(rows[i][slot]);
            n = ids.size();
          }
          out[vars_.Index(var)] = terms_.Intern(xsd::IntegerTerm(static_cast<xsd::Int>(n)));
          continue;
        }
      }
      auto agg = Aggregator::Make(*agg_expr);
      for (std::size_t i : members) {
        if (agg_expr->star || agg_expr->args.empty()) {
          // COUNT(*) counts solutions; with DISTINCT, distinct solutions: a
          // term that identifies the whole row.
          std::string id;
          if (agg_expr->distinct)
            for (TermId t : rows[i]) id += std::to_string(t) + ",";
          agg->Add(Term::Literal(id.empty() ? "1" : id));
          continue;
        }
        RowContext ctx(*this, rows[i], &mask, g);
        agg->Add(Evaluate(*agg_expr->args[0], ctx));
      }
      auto value = agg->Finish();
      int idx = vars_.Index(var);
      out.resize(vars_.size(), 0);
      out[idx] = value ? terms_.Intern(*value) : 0;
    }
    if (!emit(out)) return false;
  }
  return true;
}

bool Evaluator::EvalOrderBy(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit) {
  const Op& child = *op.children[0];
  // Over a DISTINCT (where the optimizer puts SELECT DISTINCT's ORDER BY),
  // the set's own buffer holds the distinct rows: sorting them there saves
  // copying every row a second time.
  RowSet distinct;
  RowBuffer collected;
  const bool over_distinct =
      child.kind == Op::Kind::kDistinct || child.kind == Op::Kind::kReduced;
  if (over_distinct) {
    Tick();
    Eval(*child.children[0], input, g, [&](const Row& r) {
      distinct.Insert(r);
      return true;
    });
  } else {
    Eval(child, input, g, [&](const Row& r) {
      collected.Add(r);
      return true;
    });
  }
  const RowBuffer& rows = over_distinct ? distinct.rows() : collected;
  const std::vector<bool>& mask = Scope(child);
  const std::size_t nk = op.order.size(), n = rows.size();
  std::vector<int> key_slots;
  for (const auto& c : op.order) key_slots.push_back(InScopeSlot(*c.expr, mask));
  auto slot_id = [&](std::size_t i, int slot) -> TermId {
    return static_cast<std::size_t>(slot) < rows.width() ? rows[i][slot] : 0;
  };
  // A key that is a variable bound to stored terms only (or unbound) sorts
  // by the terms' ranks (evaluator/term_order.h): one integer per row. A
  // key LCASE(STR(?v)) over stored terms (a search's hits by label, q04)
  // sorts by the ranks of the dictionary's case-folded index, which holds
  // the same lower-cased values (core/utf8.h): no string per row; a blank
  // node's STR is an error, as an unbound ?v: rank 0, first. Either kind of
  // ranks is extended only when that costs at most about four times this
  // sort's n log n, and only when some key can use it.
  std::vector<int> fold_slots(nk, -1);
  for (std::size_t k = 0; k < nk; ++k)
    if (const Expr* v = LowerCaseStrVar(*op.order[k].expr)) fold_slots[k] = InScopeSlot(*v, mask);
  auto any_slot = [](const std::vector<int>& slots) {
    return std::any_of(slots.begin(), slots.end(), [](int s) { return s >= 0; });
  };
  std::size_t log2n = 1;
  while ((std::size_t{1} << log2n) < n) ++log2n;
  const std::size_t budget = 4 * n * log2n;
  std::span<const std::uint32_t> ranks, fold_ranks;
  if (terms_.base() && n > 1 && any_slot(key_slots)) ranks = OrderRanks(*terms_.base(), budget);
  if (terms_.base() && n > 1 && any_slot(fold_slots))
    fold_ranks = terms_.base()->LowerCaseRanks(budget);
  // Per key: the ranks its ids are compared by, if every id has one.
  std::vector<std::uint8_t> by_rank(nk, 0);
  std::vector<std::span<const std::uint32_t>> rank_of(nk);
  std::vector<int> rank_slot(nk, -1);
  for (std::size_t k = 0; k < nk; ++k) {
    if (key_slots[k] >= 0 && !ranks.empty()) {
      rank_of[k] = ranks;
      rank_slot[k] = key_slots[k];
    } else if (fold_slots[k] >= 0 && !fold_ranks.empty()) {
      rank_of[k] = fold_ranks;
      rank_slot[k] = fold_slots[k];
    } else {
      continue;
    }
    bool all = true;
    for (std::size_t i = 0; i < n && all; ++i) {
      TermId id = slot_id(i, rank_slot[k]);
      all = id == 0 || (TermTable::Stored(id) && id <= rank_of[k].size());
    }
    by_rank[k] = all;
  }
  // The ranked keys first: the spans point into the dictionary, and a
  // computed key below may run a nested query (EXISTS) whose own ORDER BY
  // extends, and so moves, the ranks.
  std::vector<std::uint32_t> rank_keys(n * nk, 0);
  for (std::size_t k = 0; k < nk; ++k) {
    if (!by_rank[k]) continue;
    for (std::size_t i = 0; i < n; ++i) {
      // The ranks of scattered ids: ask for those of the rows ahead.
      if (TermId ahead = i + 16 < n ? slot_id(i + 16, rank_slot[k]) : 0)
        __builtin_prefetch(&rank_of[k][ahead - 1]);
      TermId id = slot_id(i, rank_slot[k]);
      rank_keys[i * nk + k] = id ? rank_of[k][id - 1] : 0;
    }
  }
  // Every other key once per row: a variable's is the term in the table
  // itself (no copy), computed keys live in `computed`.
  std::deque<Term> computed;
  std::vector<OrderKey> keys(n * nk);
  Row row;
  const bool ranked_only =
      std::all_of(by_rank.begin(), by_rank.end(), [](std::uint8_t b) { return b; });
  for (std::size_t i = 0; i < n && !ranked_only; ++i) {
    Tick();
    std::optional<RowContext> ctx;
    for (std::size_t k = 0; k < nk; ++k) {
      if (by_rank[k]) continue;
      if (key_slots[k] >= 0) {
        TermId id = slot_id(i, key_slots[k]);
        keys[i * nk + k] = MakeOrderKey(id ? &terms_.Get(id) : nullptr);
        continue;
      }
      if (!ctx) {
        rows.CopyTo(i, row);
        ctx.emplace(*this, row, &mask, g);
      }
      if (auto v = Evaluate(*op.order[k].expr, *ctx)) {
        computed.push_back(std::move(*v));
        keys[i * nk + k] = MakeOrderKey(&computed.back());
      }
    }
  }
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  // Ties keep the order the rows came in (the position is the last key), so
  // sorting only the first `order_limits_` rows gives the same prefix.
  std::size_t comparisons = 0;
  auto less = [&](std::size_t a, std::size_t b) {
    if ((++comparisons & 1023) == 0) Tick();
    for (std::size_t k = 0; k < nk; ++k) {
      int c;
      if (by_rank[k]) {
        std::uint32_t x = rank_keys[a * nk + k], y = rank_keys[b * nk + k];
        c = x < y ? -1 : x > y ? 1 : 0;
      } else {
        c = CompareOrderKeys(keys[a * nk + k], keys[b * nk + k]);
      }
      if (c != 0) return op.order[k].descending ? c > 0 : c < 0;
    }
    return a < b;
  };
  auto limit = order_limits_.find(&op);
  const std::size_t keep =
      limit != order_limits_.end() && limit->second < n ? limit->second : n;
  auto sort = [&](auto& v, auto&& cmp) {
    if (keep < v.size()) {
      std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(), cmp);
      v.resize(keep);
    } else {
      std::sort(v.begin(), v.end(), cmp);
    }
  };
  if (nk <= 2 && ranked_only) {
    // Ranks only: one 64-bit key per row (a descending rank inverted), and
    // the row's position after it, so a comparison is two integers.
    std::vector<std::pair<std::uint64_t, std::size_t>> flat(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t key = 0;
      for (std::size_t k = 0; k < nk; ++k) {
        std::uint32_t r = rank_keys[i * nk + k];
        key = key << 32 | (op.order[k].descending ? ~r : r);
      }
      flat[i] = {key, i};
    }
    // Counting comparisons for Tick costs about a quarter of a small sort,
    // and a sort of fewer than 2^16 pairs takes a few milliseconds: the
    // deadline is checked while the rows are collected and again above.
    if (n < (std::size_t{1} << 16)) {
      sort(flat, [](const auto& a, const auto& b) { return a < b; });
    } else {
      sort(flat, [&](const auto& a, const auto& b) {
        if ((++comparisons & 1023) == 0) Tick();
        return a < b;
      });
    }
    idx.resize(flat.size());
    for (std::size_t i = 0; i < flat.size(); ++i) idx[i] = flat[i].second;
  } else {
    sort(idx, less);
  }
  for (std::size_t i : idx) {
    rows.CopyTo(i, row);
    if (!emit(row)) return false;
  }
  return true;
}

bool Evaluator::Eval(const Op& op, const Row& input, const GraphCtx& g, const Emit& emit) {
  Tick();
  switch (op.kind) {
    case Op::Kind::kUnit:
      return emit(input);

    case Op::Kind::kBgp:
      return EvalBgp(op, {}, input, g, emit);

    case Op::Kind::kJoin:
      return Eval(*op.children[0], input, g, [&](const Row& l) {
        return EvalMemo(*op.children[1], l, g, [&](const Row& r) { return emit(Merge(l, r)); });
      });

    case Op::Kind::kLeftJoin: {
      const Op& left = *op.children[0];
      const Op& right = *op.children[1];
      const std::vector<bool>& lmask = Scope(left);
      std::vector<bool> both = lmask;
      const std::vector<bool>& rmask = Scope(right);
      both.resize(std::max(both.size(), rmask.size()), false);
      for (std::size_t i = 0; i < rmask.size(); ++i) both[i] = both[i] || rmask[i];
      std::vector<const CachedKernel*> kernels;
      for (const auto& e : op.exprs) kernels.push_back(&KernelFor(*e));
      // Buffers reused for every left row (a left side of thousands of rows
      // would otherwise allocate three rows each). Nested evaluation of the
      // right side never re-enters this operator with these buffers live:
      // each Eval of the LeftJoin has its own.
      Row scoped, r, out, matched;
      // OPTIONAL { one triple pattern } (a label in one language, say) is
      // matched here, straight from the index: through EvalMemo and EvalBgp
      // it cost ~2,500 instructions per left row in workload q06, mostly
      // finding the BGP's plan again for every row. Per position: the
      // constant's id, or the variable's slot.
      std::array<BgpPlan::Position, 3> single;
      const bool one_pattern =
          right.kind == Op::Kind::kBgp && right.triples.size() == 1 && !right.triples[0].path;
      if (one_pattern) {
        const TriplePattern& t = right.triples[0];
        const VarOrTerm* at[3] = {&t.subject, &t.predicate, &t.object};
        for (int j = 0; j < 3; ++j) {
          if (const Var* v = std::get_if<Var>(at[j])) single[j].slot = vars_.Index(v->name);
          else single[j].constant = ConstantId(std::get<Term>(*at[j]));
        }
      }
      // Per position, once: the slot to read the id from when the left side
      // binds it (-1: the constant, or a wildcard when that is 0).
      std::array<int, 3> key_slot{-1, -1, -1};
      for (int j = 0; j < 3; ++j) {
        const int slot = single[j].slot;
        if (slot >= 0 && static_cast<std::size_t>(slot) < lmask.size() && lmask[slot])
          key_slot[j] = slot;
      }
      // The one pattern's ids for left row l: the value where l's scope
      // binds the variable (as `scoped` below has it), else the constant,
      // else a wildcard.
      auto key_of = [&](const Row& l) {
        IdKey k{};
        for (int j = 0; j < 3; ++j) {
          const int slot = key_slot[j];
          k[j] = slot < 0 ? single[j].constant
                 : static_cast<std::size_t>(slot) < l.size() ? l[slot] : 0;
        }
        return k;
      };
      // The batched path's common case, without the general path's four
      // row copies per match: a pattern naming each variable once, and a
      // left row binding nothing outside the left side's scope. Then the
      // right side's view of the row is the row itself, every match
      // extends it (so it is compatible), and the extended row is what
      // both the filter and the output see.
      bool distinct_vars = one_pattern;
      for (int a = 0; a < 3 && distinct_vars; ++a)
        for (int b = a + 1; b < 3; ++b)
          if (single[a].slot >= 0 && single[a].slot == single[b].slot) distinct_vars = false;
      int max_slot = -1;
      for (const auto& pos : single) max_slot = std::max(max_slot, pos.slot);
      // The slots the left side's scope lacks, of rows as wide as `width`.
      const std::size_t width = vars_.size();
      std::vector<std::size_t> outside;
      for (std::size_t i = 0; i < width; ++i)
        if (i >= lmask.size() || !lmask[i]) outside.push_back(i);
      auto extends_plainly = [&](const Row& l) {
        if (!distinct_vars || l.size() > width) return false;
        for (std::size_t i : outside)
          if (i < l.size() && l[i]) return false;
        return true;
      };
      // One left row: `pre`, when given, is the one pattern's matches
      // already looked up (the batched path below).
      auto join_row = [&](const Row& l, const IdRange* pre) {
        if (pre && extends_plainly(l)) {
          out.assign(l.begin(), l.end());
          if (out.size() <= static_cast<std::size_t>(max_slot)) out.resize(max_slot + 1, 0);
          bool found = false;
          for (std::size_t i = 0, n = pre->size(); i < n; ++i) {
            Tick();
            const IdTriple tr = (*pre)[i];
            const TermId got[3] = {tr.s, tr.p, tr.o};
            for (int j = 0; j < 3; ++j)
              if (single[j].slot >= 0) out[single[j].slot] = got[j];
            // No mask: such a row binds nothing outside `both`, so hiding
            // what lies outside it changes nothing, and Test need not check
            // each kernel's variables against it.
            if (!op.exprs.empty() && !Test(op.exprs, out, nullptr, g, &kernels)) continue;
            found = true;
            if (!emit(out)) return false;
          }
          return found ? true : emit(l);
        }
        // The right side sees only what the left side bound (bottom-up
        // meaning); the input's other bindings are checked afterwards.
        scoped.assign(l.begin(), l.end());
        for (std::size_t i = 0; i < scoped.size(); ++i)
          if (i >= lmask.size() || !lmask[i]) scoped[i] = 0;
        bool found = false, go_on = true;
        auto right_solution = [&](const Row& r0) {
          MergeInto(r, scoped, r0);
          if (!op.exprs.empty() && !Test(op.exprs, r, &both, g, &kernels)) return true;
          found = true;
          if (Compatible(r, l)) {
            MergeInto(out, l, r);
            go_on = emit(out);
          }
          return go_on;
        };
        if (one_pattern) {
          auto on_triple = [&](const IdTriple& tr) {
            matched.assign(scoped.begin(), scoped.end());
            const TermId got[3] = {tr.s, tr.p, tr.o};
            // A variable twice in the pattern (?x :p ?x) must match one value.
            for (int j = 0; j < 3; ++j) {
              if (single[j].slot < 0) continue;
              TermId& cell = matched[single[j].slot];
              if (cell && cell != got[j]) return true;
              cell = got[j];
            }
            return right_solution(matched);
          };
          if (pre) {
            for (std::size_t i = 0, n = pre->size(); i < n; ++i) {
              Tick();
              if (!on_triple((*pre)[i])) break;
            }
          } else {
            const IdKey k = key_of(l);
            Match(g, k[0], k[1], k[2], on_triple);
          }
        } else {
          EvalMemo(right, scoped, g, right_solution);
        }
        if (!go_on) return false;
        return found ? true : emit(l);
      };
      // With one index to read (one graph), the one pattern's lookups are
      // batched: each is two dependent reads at scattered places (the
      // leading id's offset, then its run), which one row at a time cost
      // their full latency, a seventh of q06's time. Asking for them rows
      // ahead overlaps those waits. The rows come out in the same order.
      const TripleIndex* index = nullptr;
      if (one_pattern) {
        if (!g.is_default) index = store_.Index(Store::GraphRef{false, g.name});
        else if (default_graphs_.size() == 1) index = store_.Index(default_graphs_.front());
      }
      if (!index) return Eval(left, input, g, [&](const Row& l) { return join_row(l, nullptr); });
      constexpr std::size_t kBatch = 64, kOffsetAhead = 12, kRunAhead = 6, kFactsAhead = 2;
      std::vector<Row> batch(kBatch);
      std::vector<IdKey> keys(kBatch);
      std::vector<IdRange> ranges(kBatch);
      std::size_t filled = 0;
      auto lookup = [&](const IdKey& k) {
        for (TermId id : k)
          if (id && !TermTable::Stored(id)) return IdRange();  // in no triple
        return index->Match(k[0], k[1], k[2]);
      };
      auto flush = [&] {
        const std::size_t n = filled;
        filled = 0;
        // Looks up row i's matches and asks for the facts (kind, language)
        // of the terms they bind: the filter of an OPTIONAL often tests them.
        auto look = [&](std::size_t i) {
          ranges[i] = lookup(keys[i]);
          for (std::size_t t = 0; t < ranges[i].size() && t < 8; ++t) {
            IdTriple tr = ranges[i][t];
            const TermId got[3] = {tr.s, tr.p, tr.o};
            for (int j = 0; j < 3; ++j)
              if (single[j].slot >= 0 && !keys[i][j]) terms_.PrefetchFacts(got[j]);
          }
        };
        auto prefetch = [&](std::size_t i, int step) {
          index->Prefetch(keys[i][0], keys[i][1], keys[i][2], step);
        };
        for (std::size_t i = 0; i < n && i < kOffsetAhead; ++i) prefetch(i, 0);
        for (std::size_t i = 0; i < n && i < kRunAhead; ++i) prefetch(i, 1);
        for (std::size_t i = 0; i < n && i < kFactsAhead; ++i) look(i);
        for (std::size_t i = 0; i < n; ++i) {
          if (i + kOffsetAhead < n) prefetch(i + kOffsetAhead, 0);
          if (i + kRunAhead < n) prefetch(i + kRunAhead, 1);
          if (i + kFactsAhead < n) look(i + kFactsAhead);
          if (!join_row(batch[i], &ranges[i])) return false;
        }
        return true;
      };
      bool more = Eval(left, input, g, [&](const Row& l) {
        batch[filled].assign(l.begin(), l.end());
        keys[filled] = key_of(l);
        return ++filled < kBatch || flush();
      });
      return more && flush();
    }

    case Op::Kind::kFilter: {
      const Op& child = *op.children[0];
      const std::vector<bool>& mask = Scope(child);
      if (child.kind == Op::Kind::kBgp) {
        // Push each filter into the BGP, right after its variables are bound.
        std::vector<ExprPtr> pushed, rest;
        for (const auto& e : op.exprs) {
          std::set<std::string> need;
          bool pushable = ExpressionVariables(*e, need);
          for (const auto& v : need) {
            int i = vars_.Find(v);
            pushable = pushable && i >= 0 && static_cast<std::size_t>(i) < mask.size() && mask[i];
          }
          (pushable ? pushed : rest).push_back(e);
        }
        return EvalBgp(child, pushed, input, g, [&](const Row& r) {
          return rest.empty() || Test(rest, r, &mask, g) ? emit(r) : true;
        });
      }
      return Eval(child, input, g,
                  [&](const Row& r) { return Test(op.exprs, r, &mask, g) ? emit(r) : true; });
    }

    case Op::Kind::kUnion:
      return Eval(*op.children[0], input, g, emit) && Eval(*op.children[1], input, g, emit);

    case Op::Kind::kMinus: {
      const Op& left = *op.children[0];
      const std::vector<bool>& lmask = Scope(left);
      std::vector<Row> right;
      Eval(*op.children[1], EmptyRow(), g, [&](const Row& r) {
        right.push_back(r);
        return true;
      });
      return Eval(left, input, g, [&](const Row& l) {
        for (const auto& r : right) {
          bool shared = false, compatible = true;
          for (std::size_t i = 0; i < r.size() && i < l.size(); ++i) {
            if (i >= lmask.size() || !lmask[i] || !l[i] || !r[i]) continue;
            shared = true;
            if (l[i] != r[i]) compatible = false;
          }
          if (shared && compatible) return true;  // removed (§18.5 Minus)
        }
        return emit(l);
      });
    }

    case Op::Kind::kGraph: {
      const Op& child = *op.children[0];
      if (const Term* t = std::get_if<Term>(&op.graph)) {
        if (!named_set_.count(t->value)) return true;
        return Eval(child, input, GraphCtx{false, t->value}, emit);
      }
      int gi = vars_.Index(std::get<Var>(op.graph).name);
      if (input[gi]) {
        const Term& name = terms_.Get(input[gi]);
        if (!name.is_iri() || !named_set_.count(name.value)) return true;
        return Eval(child, input, GraphCtx{false, name.value}, emit);
      }
      for (const auto& name : named_graphs_) {
        Row r = input;
        r[gi] = terms_.Intern(Term::Iri(name));
        if (!Eval(child, r, GraphCtx{false, name}, [&](const Row& out) {
              // The graph variable may have been bound inside to something else.
              return out[gi] == r[gi] ? emit(out) : true;
            }))
          return false;
      }
      return true;
    }

    case Op::Kind::kService:
      if (op.silent) return emit(input);
      throw Error::Unsupported("SERVICE (federated query) is not supported");

    case Op::Kind::kExtend: {
      const Op& child = *op.children[0];
      const std::vector<bool>& mask = Scope(child);
      // The solution a chain of Extends works on: the row masked to what
      // the operator below the chain binds.
      const Op* bottom = &child;
      while (bottom->kind == Op::Kind::kExtend) bottom = bottom->children[0].get();
      const std::vector<bool>& base_mask = Scope(*bottom);
      int vi = vars_.Index(op.var);
      Row out;  // reused for every row (a sink copies what it keeps)
      auto bind = [&](const Row& r, TermId id) {
        if (r[vi] == 0) {
          out.assign(r.begin(), r.end());
          out[vi] = id;
          return emit(out);
        }
        return r[vi] == id ? emit(r) : true;
      };
      // BIND(LANG(?v) AS ?x) over stored terms: the tag's id from the
      // dictionary's tag number, without copying the literal (q11 binds one
      // per literal of the store).
      const TermDictionary* dict = terms_.base();
      const int lang_of = op.expr->kind == Expr::Kind::kBuiltin && op.expr->name == "LANG" &&
                                  op.expr->args.size() == 1 && dict
                              ? InScopeSlot(*op.expr->args[0], mask)
                              : -1;
      std::unordered_map<std::uint32_t, TermId> lang_ids;
      return Eval(child, input, g, [&](const Row& r) {
        if (lang_of >= 0 && TermTable::Stored(r[lang_of])) {
          TermId v = r[lang_of];
          if (dict->KindOf(v) != Term::Kind::kLiteral) return emit(r);  // an error: unbound
          auto [it, inserted] = lang_ids.try_emplace(dict->LangOf(v), 0);
          if (inserted) it->second = terms_.Intern(Term::Literal(dict->Get(v).language));
          return bind(r, it->second);
        }
        RowContext ctx(*this, r, &mask, g);
        Row solution = r;
        for (std::size_t i = 0; i < solution.size(); ++i)
          if (i >= base_mask.size() || !base_mask[i]) solution[i] = 0;
        ctx.SetSolution(&solution);
        auto value = Evaluate(*op.expr, ctx);
        if (!value) return emit(r);
        return bind(r, terms_.Intern(*value));
      });
    }

    case Op::Kind::kTable: {
      for (const auto& data_row : op.table.rows) {
        Row r = input;
        bool ok = true;
        for (std::size_t k = 0; k < op.table.variables.size() && ok; ++k) {
          if (k >= data_row.size() || !data_row[k]) continue;
          int vi = vars_.Index(op.table.variables[k].name);
          TermId id = terms_.Intern(*data_row[k]);
          if (r[vi] && r[vi] != id) ok = false;
          r[vi] = id;
        }
        if (ok && !emit(r)) return false;
      }
      return true;
    }

    case Op::Kind::kGroup:
      return EvalIndependent(op, input, g, emit,
                             [&](const Emit& e) { return EvalGroup(op, g, e); });

    case Op::Kind::kOrderBy:
      return EvalOrderBy(op, input, g, emit);

    case Op::Kind::kProject: {
      std::vector<int> keep;
      for (const auto& v : op.vars) keep.push_back(vars_.Index(v));
      // When the input binds only projected variables, passing it inside is
      // the same as filtering afterwards, and turns bound values into index
      // lookups (a concept page with ?concept given).
      // The query's own projection also takes the initial bindings inside:
      // they act as a VALUES row joined before projecting (§18.2.4).
      auto binds_only_projected = [&] {
        for (std::size_t i = 0; i < input.size(); ++i)
          if (input[i] && std::find(keep.begin(), keep.end(), static_cast<int>(i)) == keep.end())
            return false;
        return true;
      };
      const bool pass_input = top_chain_.count(&op) > 0 || binds_only_projected();
      // One output buffer for every row: a sink copies what it keeps.
      Row out = EmptyRow();
      auto project = [&](const Row& r) -> const Row& {
        for (int i : keep) out[i] = r[i];
        return out;
      };
      if (pass_input && !IsEmpty(input)) {
        return Eval(*op.children[0], input, g, [&](const Row& r) { return emit(project(r)); });
      }
      return EvalIndependent(op, input, g, emit, [&](const Emit& e) {
        return Eval(*op.children[0], EmptyRow(), g, [&](const Row& r) { return e(project(r)); });
      });
    }

    case Op::Kind::kDistinct:
    case Op::Kind::kReduced: {
      // REDUCED may drop any duplicates; kg drops them all.
      RowSet seen;
      return Eval(*op.children[0], input, g,
                  [&](const Row& r) { return seen.Insert(r) ? emit(r) : true; });
    }

    case Op::Kind::kSlice: {
      // The query's own LIMIT/OFFSET apply after the initial bindings.
      const bool through = top_chain_.count(&op) > 0;
      if (op.limit) {
        // An ORDER BY under projections only: it needs to sort just the
        // rows this slice reads.
        const Op* below = op.children[0].get();
        while (below->kind == Op::Kind::kProject) below = below->children[0].get();
        if (below->kind == Op::Kind::kOrderBy) order_limits_[below] = op.offset + *op.limit;
      }
      return EvalIndependent(op, through ? Row() : input, g, emit, [&](const Emit& e) {
        std::uint64_t skipped = 0, taken = 0;
        if (op.limit && *op.limit == 0) return true;
        return Eval(*op.children[0], through ? input : EmptyRow(), g, [&](const Row& r) {
          if (skipped < op.offset) {
            ++skipped;
            return true;
          }
          ++taken;
          if (!e(r)) return false;
          return !(op.limit && taken >= *op.limit);
        }) || (op.limit && taken >= *op.limit);
      });
    }
  }
  return true;
}

// ---- Query forms -------------------------------------------------------------

Graph Evaluator::Describe(const std::vector<Row>& rows) {
  // The concise bounded description of each resource: its triples as
  // subject, and recursively those of blank-node objects.
  std::vector<Term> todo;
  for (const auto& d : query_.describe) {
    if (const Term* t = std::get_if<Term>(&d)) {
      todo.push_back(*t);
      continue;
    }
    int vi = vars_.Find(std::get<Var>(d).name);
    for (const auto& r : rows)
      if (vi >= 0 && r[vi] && !terms_.Get(r[vi]).is_literal()) todo.push_back(terms_.Get(r[vi]));
  }
  std::set<Term> done;
  std::set<Triple> seen;
  Graph out;
  GraphCtx def;
  while (!todo.empty()) {
    Term r = std::move(todo.back());
    todo.pop_back();
    if (!done.insert(r).second) continue;
    Match(def, terms_.Intern(r), 0, 0, [&](const IdTriple& id) {
      Triple t{terms_.Get(id.s), terms_.Get(id.p), terms_.Get(id.o)};
      if (t.object.is_blank()) todo.push_back(t.object);
      if (seen.insert(t).second) out.push_back(std::move(t));
      return true;
    });
  }
  return out;
}

Result<QueryResult> Evaluator::Run(const std::map<std::string, Term>& bindings) {
  try {
    GraphCtx def;
    Row empty = EmptyRow();
    for (const auto& [name, value] : bindings) {
      int i = vars_.Find(name);
      if (i >= 0) empty[i] = terms_.Intern(value);  // a variable the query lacks changes nothing
    }
    // Bound parameters are constants everywhere in the query, so a FILTER
    // sees them even when no pattern of its group mentions the variable.
    Substitute(empty);
    // The solution modifiers on top of the query let the bindings through.
    for (const Op* op = query_.root.get(); op; op = op->children.empty() ? nullptr : op->children[0].get()) {
      if (op->kind != Op::Kind::kSlice && op->kind != Op::Kind::kDistinct &&
          op->kind != Op::Kind::kReduced && op->kind != Op::Kind::kOrderBy &&
          op->kind != Op::Kind::kProject)
        break;
      top_chain_.insert(op);
    }
    QueryResult result;
    switch (query_.form) {
      case Query::Form::kAsk: {
        bool any = false;
        Eval(*query_.root, empty, def, [&](const Row&) {
          any = true;
          return false;
        });
        result.value = any;
        break;
      }
      case Query::Form::kSelect: {
        ResultSet rs;
        rs.variables = query_.result_vars;
        // Stored terms are borrowed from the store's dictionary, which the
        // result keeps alive; terms the query computed are copied (the
        // evaluator's own table ends with the query).
        rs.keep_alive = store_.SharedTerms();
        std::vector<int> cols;
        for (const auto& v : rs.variables) cols.push_back(vars_.Index(v));
        // A stored term's cell is its address in the dictionary, which
        // costs no read of the term (TermDictionary::Get).
        std::size_t count = 0;
        Eval(*query_.root, empty, def, [&](const Row& r) {
          if (limits_.max_results && count >= limits_.max_results) throw TooManyResults{};
          ++count;
          std::span<ResultCell> row = rs.rows.AddRow(cols.size());
          for (std::size_t k = 0; k < cols.size(); ++k) {
            TermId id = r[cols[k]];
            if (!id) continue;  // unbound: the cell as added
            if (TermTable::Stored(id)) row[k] = ResultCell::Borrowed(&terms_.Get(id));
            else row[k] = ResultCell(terms_.Get(id));
          }
          return true;
        });
        result.value = std::move(rs);
        break;
      }
      case Query::Form::kConstruct: {
        Graph g;
        std::set<Triple> seen;
        std::size_t solution = 0;
        Eval(*query_.root, empty, def, [&](const Row& r) {
          ++solution;
          // Template blank nodes are fresh per solution (§16.2).
          auto inst = [&](const VarOrTerm& pos) -> std::optional<Term> {
            if (const Term* t = std::get_if<Term>(&pos)) {
              if (t->is_blank()) return Term::Blank(t->value + "_" + std::to_string(solution));
              return *t;
            }
            return Resolve(pos, r);
          };
          for (const auto& t : query_.construct_template) {
            auto s = inst(t.subject), p = inst(t.predicate), o = inst(t.object);
            if (!s || !p || !o || s->is_literal() || !p->is_iri()) continue;
            Triple tr{*s, *p, *o};
            if (seen.insert(tr).second) g.push_back(std::move(tr));
          }
          if (limits_.max_results && g.size() > limits_.max_results) throw TooManyResults{};
          return true;
        });
        result.value = std::move(g);
        break;
      }
      case Query::Form::kDescribe: {
        std::vector<Row> rows;
        bool has_vars = std::any_of(query_.describe.begin(), query_.describe.end(),
                                    [](const VarOrTerm& v) { return v.index() == 0; });
        if (has_vars)
          Eval(*query_.root, empty, def, [&](const Row& r) {
            if (limits_.max_results && rows.size() >= limits_.max_results) throw TooManyResults{};
            rows.push_back(r);
            return true;
          });
        result.value = Describe(rows);
        if (limits_.max_results && std::get<Graph>(result.value).size() > limits_.max_results)
          throw TooManyResults{};
        break;
      }
    }
    return result;
  } catch (const Cancelled&) {
    return Error::Timeout("the query was stopped at its time limit");
  } catch (const TooManyResults&) {
    return Error::ResultTooLarge("the answer has more than " +
                                 std::to_string(limits_.max_results) +
                                 (query_.form == Query::Form::kSelect ? " solutions" : " triples") +
                                 ", the limit of this server; add a LIMIT (and page with OFFSET)");
  } catch (const Error& e) {
    return e;
  }
}

}  // namespace kg::sparql

#include "evaluator/evaluator.h"

#include <algorithm>
#include <ctime>
#include <deque>
#include <unordered_set>

#include "algebra/translate.h"
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
    for (const auto& [vi, term] : overlay_)
      if (vi == i) return term;
    if (static_cast<std::size_t>(i) >= row_.size() || !row_[i]) return nullptr;
    return &ev_.terms().Get(row_[i]);
  }

  // Bindings not yet in the row (terms of a triple just matched), so that a
  // filter can reject it before its terms are interned.
  void SetOverlay(std::vector<std::pair<int, const Term*>> overlay) { overlay_ = std::move(overlay); }

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
  std::vector<std::pair<int, const Term*>> overlay_;
};

}  // namespace

Evaluator::Evaluator(const Store& store, const AlgebraQuery& query,
                     const Dataset& protocol_dataset, const QueryLimits& limits,
                     std::string base_iri)
    : store_(store), query_(query), limits_(limits), base_(std::move(base_iri)), now_(NowLexical()) {
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

bool Evaluator::Bind(const VarOrTerm& pos, const Term& value, Row& row) {
  const Var* v = std::get_if<Var>(&pos);
  if (!v) return true;
  int i = vars_.Index(v->name);
  TermId id = terms_.Intern(value);
  if (!row[i]) {
    row[i] = id;
    return true;
  }
  return row[i] == id;
}

bool Evaluator::Match(const GraphCtx& g, const std::optional<Term>& s,
                      const std::optional<Term>& p, const std::optional<Term>& o,
                      const std::function<bool(const Triple&)>& fn, unsigned want) {
  bool go_on = true;
  auto each = [&](Triple&& t) {
    Tick();
    go_on = fn(t);
    return go_on;
  };
  if (!g.is_default) {
    store_.ForEach(Store::GraphRef{false, g.name}, s, p, o, each, want);
    return go_on;
  }
  if (default_graphs_.size() == 1) {
    store_.ForEach(default_graphs_.front(), s, p, o, each, want);
    return go_on;
  }
  // An RDF merge of several graphs: a triple counts once.
  std::set<Triple> seen;
  for (const auto& ref : default_graphs_) {
    store_.ForEach(ref, s, p, o, [&](Triple&& t) {
      if (!seen.insert(t).second) return true;
      return each(std::move(t));
    });
    if (!go_on) break;
  }
  return go_on;
}

double Evaluator::Estimate(const GraphCtx& g, const std::optional<Term>& s,
                           const std::optional<Term>& p, const std::optional<Term>& o) {
  if (!g.is_default) return store_.Estimate(Store::GraphRef{false, g.name}, s, p, o);
  double n = 0;
  for (const auto& ref : default_graphs_) n += store_.Estimate(ref, s, p, o);
  return n;
}

bool Evaluator::Test(const std::vector<ExprPtr>& exprs, const Row& row,
                     const std::vector<bool>* mask, const GraphCtx& g) {
  RowContext ctx(*this, row, mask, g);
  for (const auto& e : exprs) {
    auto v = Evaluate(*e, ctx);
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
  std::set<std::string> bound;
  for (std::size_t i = 0; i < vars_.size() && i < input.size(); ++i)
    if (input[i]) bound.insert(vars_.Name(i));
  std::vector<PatternInfo> infos;
  for (const auto& t : pats) infos.push_back(PatternVariables(t));
  std::vector<std::size_t> order = OrderBgp(
      pats, bound, [&](const std::string& name) { return Resolve(Var{name}, input); },
      [&](const std::optional<Term>& s, const std::optional<Term>& p,
          const std::optional<Term>& o) { return Estimate(g, s, p, o); });

  // Each pushed filter runs right after the pattern that binds its last
  // variable (or before the first pattern if the input binds them all).
  std::vector<std::vector<ExprPtr>> filters_at(pats.size() + 1);
  {
    std::set<std::string> have = bound;
    std::vector<std::set<std::string>> after(pats.size() + 1);
    after[0] = have;
    for (std::size_t k = 0; k < order.size(); ++k) {
      for (const auto& v : infos[order[k]].vars) have.insert(v);
      after[k + 1] = have;
    }
    for (const auto& e : pushed) {
      std::set<std::string> need;
      ExpressionVariables(*e, need);
      std::size_t level = pats.size();
      for (std::size_t k = 0; k <= pats.size(); ++k) {
        if (std::includes(after[k].begin(), after[k].end(), need.begin(), need.end())) {
          level = k;
          break;
        }
      }
      filters_at[level].push_back(e);
    }
  }
  const std::vector<bool>& mask = Scope(op);

  // One row buffer per level, reused for every match at that level.
  std::vector<Row> scratch(order.size() + 1);
  std::function<bool(std::size_t, const Row&, bool)> step = [&](std::size_t k, const Row& row,
                                                               bool checked) -> bool {
    if (!checked && !filters_at[k].empty() && !Test(filters_at[k], row, &mask, g)) return true;
    if (k == order.size()) return emit(row);
    const TriplePattern& t = pats[order[k]];
    auto s = Resolve(t.subject, row);
    auto o = Resolve(t.object, row);
    if (t.path) {
      // A path end bound through a variable must be a node of the graph:
      // only constants written in the query match zero-length paths
      // without being in the data (W3C property-path/values_and_path).
      auto in_graph = [&](const VarOrTerm& pos, const std::optional<Term>& v) {
        if (!v || std::holds_alternative<Term>(pos)) return true;
        bool found = false;
        Match(g, v, std::nullopt, std::nullopt, [&](const Triple&) { return !(found = true); });
        if (!found)
          Match(g, std::nullopt, std::nullopt, v, [&](const Triple&) { return !(found = true); });
        return found;
      };
      if (!in_graph(t.subject, s) || !in_graph(t.object, o)) return true;
      return PathPairs(*t.path, s, o, g, [&](const Term& x, const Term& y) {
        Row& next = scratch[k + 1];
        next = row;
        if (!Bind(t.subject, x, next) || !Bind(t.object, y, next)) return true;
        return step(k + 1, next, false);
      });
    }
    auto p = Resolve(t.predicate, row);
    // Only positions that were unbound need binding: the store matched the
    // others exactly (and interning is the evaluator's main cost).
    const bool bind_s = !s && !Unused(t.subject), bind_p = !p && !Unused(t.predicate),
               bind_o = !o && !Unused(t.object);
    const auto& next_filters = filters_at[k + 1];
    auto var_index = [&](const VarOrTerm& pos) {
      const Var* v = std::get_if<Var>(&pos);
      return v ? vars_.Index(v->name) : -1;
    };
    const int si = bind_s ? var_index(t.subject) : -1, pi = bind_p ? var_index(t.predicate) : -1,
              oi = bind_o ? var_index(t.object) : -1;
    return Match(g, s, p, o, [&](const Triple& tr) {
      if (!next_filters.empty()) {
        // Check the filters on the raw triple first: most candidates of a
        // filtered pattern are rejected, and then never interned.
        std::vector<std::pair<int, const Term*>> overlay;
        if (si >= 0) overlay.emplace_back(si, &tr.subject);
        if (pi >= 0) overlay.emplace_back(pi, &tr.predicate);
        if (oi >= 0) overlay.emplace_back(oi, &tr.object);
        RowContext ctx(*this, row, &mask, g);
        ctx.SetOverlay(std::move(overlay));
        for (const auto& e : next_filters) {
          auto v = Evaluate(*e, ctx);
          auto b = v ? EffectiveBooleanValue(*v) : std::nullopt;
          if (!b || !*b) return true;
        }
      }
      Row& next = scratch[k + 1];
      next = row;  // reuses the level's buffer: no allocation per match
      if ((bind_s && !Bind(t.subject, tr.subject, next)) ||
          (bind_p && !Bind(t.predicate, tr.predicate, next)) ||
          (bind_o && !Bind(t.object, tr.object, next)))
        return true;
      return step(k + 1, next, true);
    }, (bind_s ? 1u : 0u) | (bind_p ? 2u : 0u) | (bind_o ? 4u : 0u));
  };
  return step(0, input, false);
}

// ---- Property paths (§9.3, §18.4) --------------------------------------------------

bool Evaluator::PathSequence(const std::vector<PathPtr>& parts, std::size_t from,
                             const std::optional<Term>& s, const std::optional<Term>& o,
                             const GraphCtx& g,
                             const std::function<bool(const Term&, const Term&)>& fn) {
  if (from + 1 == parts.size()) return PathPairs(*parts[from], s, o, g, fn);
  if (!s && o) {
    // Bound at the end only: walk backwards from o.
    return PathSequence(parts, from + 1, std::nullopt, o, g, [&](const Term& m, const Term& y) {
      return PathPairs(*parts[from], std::nullopt, m, g,
                       [&](const Term& x, const Term&) { return fn(x, y); });
    });
  }
  return PathPairs(*parts[from], s, std::nullopt, g, [&](const Term& x, const Term& m) {
    return PathSequence(parts, from + 1, m, o, g,
                        [&](const Term&, const Term& y) { return fn(x, y); });
  });
}

bool Evaluator::Closure(const Path& step, bool zero, const std::optional<Term>& s,
                        const std::optional<Term>& o, const GraphCtx& g,
                        const std::function<bool(const Term&, const Term&)>& fn) {
  // Breadth-first from one node, each node once (ALP, §18.4): cycles end.
  auto reach = [&](const Term& start, bool forward, const std::function<bool(const Term&)>& visit) {
    std::set<Term> seen;
    std::deque<Term> queue;
    if (zero) {
      seen.insert(start);
      if (!visit(start)) return false;
    }
    queue.push_back(start);
    while (!queue.empty()) {
      Term n = std::move(queue.front());
      queue.pop_front();
      bool go_on = true;
      auto next = [&](const Term& x, const Term& y) {
        const Term& m = forward ? y : x;
        if (seen.insert(m).second) {
          if (!visit(m)) return go_on = false;
          queue.push_back(m);
        }
        return true;
      };
      if (forward) PathPairs(step, n, std::nullopt, g, next);
      else PathPairs(step, std::nullopt, n, g, next);
      if (!go_on) return false;
    }
    return true;
  };
  if (s && o) {
    bool found = false;
    reach(*s, true, [&](const Term& m) {
      if (m == *o) found = true;
      return !found;
    });
    return found ? fn(*s, *o) : true;
  }
  if (s) return reach(*s, true, [&](const Term& m) { return fn(*s, m); });
  if (o) return reach(*o, false, [&](const Term& m) { return fn(m, *o); });
  // Neither end bound: start from every node that can start a path.
  std::set<Term> starts;
  if (zero) {
    Match(g, std::nullopt, std::nullopt, std::nullopt, [&](const Triple& t) {
      starts.insert(t.subject);
      starts.insert(t.object);
      return true;
    });
  } else {
    PathPairs(step, std::nullopt, std::nullopt, g, [&](const Term& x, const Term&) {
      starts.insert(x);
      return true;
    });
  }
  for (const auto& start : starts)
    if (!reach(start, true, [&](const Term& m) { return fn(start, m); })) return false;
  return true;
}

bool Evaluator::PathPairs(const Path& path, const std::optional<Term>& s,
                          const std::optional<Term>& o, const GraphCtx& g,
                          const std::function<bool(const Term&, const Term&)>& fn) {
  switch (path.kind) {
    case Path::Kind::kLink:
      return Match(g, s, Term::Iri(path.iri), o,
                   [&](const Triple& t) { return fn(t.subject, t.object); });
    case Path::Kind::kInverse:
      return PathPairs(*path.args[0], o, s, g,
                       [&](const Term& x, const Term& y) { return fn(y, x); });
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
      std::set<std::pair<Term, Term>> pairs;
      if (s && o) {
        if (*s == *o) pairs.emplace(*s, *o);
      } else if (s) {
        pairs.emplace(*s, *s);
      } else if (o) {
        pairs.emplace(*o, *o);
      } else {
        Match(g, std::nullopt, std::nullopt, std::nullopt, [&](const Triple& t) {
          pairs.emplace(t.subject, t.subject);
          pairs.emplace(t.object, t.object);
          return true;
        });
      }
      PathPairs(*path.args[0], s, o, g, [&](const Term& x, const Term& y) {
        pairs.emplace(x, y);
        return true;
      });
      for (const auto& [x, y] : pairs)
        if (!fn(x, y)) return false;
      return true;
    }
    case Path::Kind::kNegated: {
      auto excluded = [](const std::vector<std::string>& set, const Term& p) {
        return std::find(set.begin(), set.end(), p.value) != set.end();
      };
      bool forward = !path.negated.empty() || path.negated_inverse.empty();
      if (forward &&
          !Match(g, s, std::nullopt, o, [&](const Triple& t) {
            return excluded(path.negated, t.predicate) ? true : fn(t.subject, t.object);
          }))
        return false;
      if (!path.negated_inverse.empty())
        return Match(g, o, std::nullopt, s, [&](const Triple& t) {
          return excluded(path.negated_inverse, t.predicate) ? true : fn(t.object, t.subject);
        });
      return true;
    }
  }
  return true;
}

// ---- Operators ---------------------------------------------------------------

bool Evaluator::EvalIndependent(const Op& op, const Row& input, const GraphCtx& g,
                                const Emit& emit, const std::function<bool(const Emit&)>& fresh) {
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

bool Evaluator::EvalGroup(const Op& op, const GraphCtx& g, const Emit& emit) {
  const Op& child = *op.children[0];
  std::vector<Row> rows;
  Eval(child, EmptyRow(), g, [&](const Row& r) {
    rows.push_back(r);
    return true;
  });
  const std::vector<bool>& mask = Scope(child);
  std::vector<std::vector<TermId>> keys_in_order;
  std::map<std::vector<TermId>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Tick();
    std::vector<TermId> key;
    RowContext ctx(*this, rows[i], &mask, g);
    for (const auto& [e, v] : op.group_keys) {
      auto val = Evaluate(*e, ctx);
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
      auto agg = Aggregator::Make(*agg_expr);
      for (std::size_t i : groups[key]) {
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
  std::vector<Row> rows;
  Eval(child, input, g, [&](const Row& r) {
    rows.push_back(r);
    return true;
  });
  const std::vector<bool>& mask = Scope(child);
  // Evaluate every sort key once per row.
  std::vector<std::vector<std::optional<Term>>> keys(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Tick();
    RowContext ctx(*this, rows[i], &mask, g);
    for (const auto& c : op.order) keys[i].push_back(Evaluate(*c.expr, ctx));
  }
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < op.order.size(); ++k) {
      int c = CompareForOrderBy(keys[a][k], keys[b][k]);
      if (c != 0) return op.order[k].descending ? c > 0 : c < 0;
    }
    return false;
  });
  for (std::size_t i : idx)
    if (!emit(rows[i])) return false;
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
      return Eval(*op.children[0], input, g,
                  [&](const Row& l) { return Eval(*op.children[1], l, g, emit); });

    case Op::Kind::kLeftJoin: {
      const Op& left = *op.children[0];
      const Op& right = *op.children[1];
      const std::vector<bool>& lmask = Scope(left);
      std::vector<bool> both = lmask;
      const std::vector<bool>& rmask = Scope(right);
      both.resize(std::max(both.size(), rmask.size()), false);
      for (std::size_t i = 0; i < rmask.size(); ++i) both[i] = both[i] || rmask[i];
      return Eval(left, input, g, [&](const Row& l) {
        // The right side sees only what the left side bound (bottom-up
        // meaning); the input's other bindings are checked afterwards.
        Row scoped = l;
        for (std::size_t i = 0; i < scoped.size(); ++i)
          if (i >= lmask.size() || !lmask[i]) scoped[i] = 0;
        bool found = false, go_on = true;
        Eval(right, scoped, g, [&](const Row& r) {
          if (!op.exprs.empty() && !Test(op.exprs, r, &both, g)) return true;
          found = true;
          if (Compatible(r, l)) go_on = emit(Merge(l, r));
          return go_on;
        });
        if (!go_on) return false;
        return found ? true : emit(l);
      });
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
      return Eval(child, input, g, [&](const Row& r) {
        RowContext ctx(*this, r, &mask, g);
        Row solution = r;
        for (std::size_t i = 0; i < solution.size(); ++i)
          if (i >= base_mask.size() || !base_mask[i]) solution[i] = 0;
        ctx.SetSolution(&solution);
        auto value = Evaluate(*op.expr, ctx);
        if (!value) return emit(r);
        TermId id = terms_.Intern(*value);
        if (r[vi] == 0) {
          Row out = r;
          out[vi] = id;
          return emit(out);
        }
        return r[vi] == id ? emit(r) : true;
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
      if (pass_input && !IsEmpty(input)) {
        return Eval(*op.children[0], input, g, [&](const Row& r) {
          Row out = EmptyRow();
          for (int i : keep) out[i] = r[i];
          return emit(out);
        });
      }
      return EvalIndependent(op, input, g, emit, [&](const Emit& e) {
        return Eval(*op.children[0], EmptyRow(), g, [&](const Row& r) {
          Row out = EmptyRow();
          for (int i : keep) out[i] = r[i];
          return e(out);
        });
      });
    }

    case Op::Kind::kDistinct:
    case Op::Kind::kReduced: {
      // REDUCED may drop any duplicates; kg drops them all.
      std::unordered_set<Row, RowHash> seen;
      return Eval(*op.children[0], input, g,
                  [&](const Row& r) { return seen.insert(r).second ? emit(r) : true; });
    }

    case Op::Kind::kSlice: {
      // The query's own LIMIT/OFFSET apply after the initial bindings.
      const bool through = top_chain_.count(&op) > 0;
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
    Match(def, r, std::nullopt, std::nullopt, [&](const Triple& t) {
      if (t.object.is_blank()) todo.push_back(t.object);
      if (seen.insert(t).second) out.push_back(t);
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
        std::vector<int> cols;
        for (const auto& v : rs.variables) cols.push_back(vars_.Index(v));
        Eval(*query_.root, empty, def, [&](const Row& r) {
          std::vector<std::optional<Term>> row;
          row.reserve(cols.size());
          for (int c : cols)
            row.push_back(r[c] ? std::optional<Term>(terms_.Get(r[c])) : std::nullopt);
          if (limits_.max_results && rs.rows.size() >= limits_.max_results) throw TooManyResults{};
          rs.rows.push_back(std::move(row));
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

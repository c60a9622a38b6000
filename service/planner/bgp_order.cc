#include "planner/bgp_order.h"

#include <limits>

namespace kg::sparql {

std::vector<std::size_t> OrderPatterns(
    const std::vector<PatternInfo>& patterns, std::set<std::string> bound,
    const std::function<double(std::size_t, const std::set<std::string>&)>& cost) {
  std::vector<std::size_t> order;
  std::vector<bool> used(patterns.size(), false);
  for (std::size_t step = 0; step < patterns.size(); ++step) {
    std::size_t best = patterns.size();
    double best_cost = std::numeric_limits<double>::infinity();
    bool best_connected = false;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      // Prefer patterns that share a bound variable: a disconnected pattern
      // would multiply the rows (a cross product) however cheap it looks.
      bool connected = bound.empty();
      for (const auto& v : patterns[i].vars) connected |= bound.count(v) > 0;
      if (patterns[i].vars.empty()) connected = true;
      double c = cost(i, bound);
      if (best == patterns.size() || (connected && !best_connected) ||
          (connected == best_connected && c < best_cost)) {
        best = i;
        best_cost = c;
        best_connected = connected;
      }
    }
    used[best] = true;
    order.push_back(best);
    for (const auto& v : patterns[best].vars) bound.insert(v);
  }
  return order;
}

PatternInfo PatternVariables(const TriplePattern& t) {
  PatternInfo info;
  for (const VarOrTerm* pos : {&t.subject, &t.predicate, &t.object}) {
    if (pos == &t.predicate && t.path) continue;
    if (const Var* v = std::get_if<Var>(pos)) info.vars.push_back(v->name);
  }
  return info;
}

std::vector<std::size_t> OrderBgp(
    const std::vector<TriplePattern>& patterns, const std::set<std::string>& bound,
    const std::function<std::optional<Term>(const std::string&)>& value,
    const BgpEstimate& estimate) {
  std::vector<PatternInfo> infos;
  for (const auto& t : patterns) infos.push_back(PatternVariables(t));
  auto cost = [&](std::size_t i, const std::set<std::string>& b) {
    const auto& t = patterns[i];
    unsigned unknown = 0;
    auto known = [&](const VarOrTerm& pos, unsigned bit) -> std::optional<Term> {
      if (const Term* term = std::get_if<Term>(&pos)) return *term;
      const auto& name = std::get<Var>(pos).name;
      if (!b.count(name)) return std::nullopt;
      auto v = value(name);
      if (!v) unknown |= bit;  // bound, value not known yet
      return v;
    };
    auto s = known(t.subject, 1), o = known(t.object, 4);
    if (t.path) return (s || o || (unknown & 5)) ? 50.0 : 1e9;
    auto p = known(t.predicate, 2);
    return estimate(s, p, o, unknown);
  };
  return OrderPatterns(infos, bound, cost);
}

}  // namespace kg::sparql

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

}  // namespace kg::sparql

// Join order of a basic graph pattern: greedy, cheapest pattern first, where
// a pattern's cost is the store's estimate of its matches given the
// variables already bound (by the input solution or by earlier patterns).
// Binding the most selective pattern first and then following bound
// variables turns a BGP into a chain of index lookups (index nested loops).
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kg::sparql {

struct PatternInfo {
  std::vector<std::string> vars;  // variables the pattern mentions
};

// cost(i, bound): estimated matches of pattern i when `bound` are bound.
// Returns pattern indexes in evaluation order. Ties keep source order.
std::vector<std::size_t> OrderPatterns(
    const std::vector<PatternInfo>& patterns, std::set<std::string> bound,
    const std::function<double(std::size_t, const std::set<std::string>&)>& cost);

}  // namespace kg::sparql

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
#include <optional>
#include <vector>

#include "core/term.h"
#include "parser/ast.h"

namespace kg::sparql {

struct PatternInfo {
  std::vector<std::string> vars;  // variables the pattern mentions
};

// cost(i, bound): estimated matches of pattern i when `bound` are bound.
// Returns pattern indexes in evaluation order. Ties keep source order.
std::vector<std::size_t> OrderPatterns(
    const std::vector<PatternInfo>& patterns, std::set<std::string> bound,
    const std::function<double(std::size_t, const std::set<std::string>&)>& cost);

// The variables a triple pattern binds (a path's predicate binds none).
PatternInfo PatternVariables(const TriplePattern& pattern);

// Orders the triple patterns of a BGP by the store's estimates.
// `value(var)`: the value of a variable bound before the BGP, if known
// (nullopt: bound, value not known); `estimate(s, p, o, unknown)`: the
// store's count with nullopt as wildcard, where the positions in `unknown`
// (bits 1 s, 2 p, 4 o; nullopt there too) are bound to a value not known
// yet: a variable bound by an earlier pattern or by the input without a
// known value. The store answers those with averages from its exact
// statistics (TripleIndex::Estimate). A property path is cheap with a bound
// end, very dear without.
using BgpEstimate = std::function<double(const std::optional<Term>&, const std::optional<Term>&,
                                         const std::optional<Term>&, unsigned unknown)>;
std::vector<std::size_t> OrderBgp(
    const std::vector<TriplePattern>& patterns, const std::set<std::string>& bound,
    const std::function<std::optional<Term>(const std::string&)>& value,
    const BgpEstimate& estimate);

}  // namespace kg::sparql

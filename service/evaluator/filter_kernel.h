// Compiled forms of the FILTER shapes that dominate real SKOS queries
// (LANG(?l) = "en", LANG(?v) != "", isLiteral(?v), STRSTARTS(LCASE(STR(?l)),
// "pre") and && / || of them). A kernel reads the term behind a row's id in
// place: no Term copies and no allocations, where the general expression
// evaluator (expression.h) copies every value it touches. Label searches
// test tens of thousands of literals per query; this is what makes them
// cheap.
//
// A kernel answers kTrue, kFalse (false or an error: a FILTER keeps only
// true) or kAsk ("evaluate the expression normally"), so a shape it cannot
// decide for some value (a non-ASCII character under LCASE) stays exact.
// Only && and || combine kernels (both keep "true or not" exact); ! does not.
// Private to the evaluator; not thread-safe (it reads the query's tables).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "evaluator/bindings.h"
#include "parser/ast.h"

namespace kg::sparql {

enum class KernelResult { kFalse, kTrue, kAsk };
using FilterKernel = std::function<KernelResult(const Row&)>;

// The kernel for `e`, or an empty function when e has no compiled form.
// Variables are looked up in `vars` now; rows are read through `terms`.
FilterKernel CompileFilter(const Expr& e, const VarTable& vars, const TermTable& terms);

// For e = STRSTARTS(LCASE(STR(?v)), "pre") or STRSTARTS(STR(?v), "pre")
// ("pre" a simple literal): ?v's name and a prefix that LowerCase(value) of
// every term passing e has ("pre", resp. LowerCase("pre")). The evaluator then takes
// ?v's candidates from the store's case-folded index
// (TermDictionary::WithLowerCasePrefix) instead of scanning; e itself still
// decides, so the candidates need only be a superset.
struct LowerCasePrefix {
  std::string var, prefix;
};
std::optional<LowerCasePrefix> LowerCasePrefixOf(const Expr& e);

// The ?v of LCASE(STR(?v)) (a kVar expression), or nullptr: the key the
// store's case-folded index orders by (ORDER BY LCASE(STR(?v))).
const Expr* LowerCaseStrVar(const Expr& e);

}  // namespace kg::sparql

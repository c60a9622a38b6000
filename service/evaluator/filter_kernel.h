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

#include "evaluator/bindings.h"
#include "parser/ast.h"

namespace kg::sparql {

enum class KernelResult { kFalse, kTrue, kAsk };
using FilterKernel = std::function<KernelResult(const Row&)>;

// The kernel for `e`, or an empty function when e has no compiled form.
// Variables are looked up in `vars` now; rows are read through `terms`.
FilterKernel CompileFilter(const Expr& e, const VarTable& vars, const TermTable& terms);

}  // namespace kg::sparql

// Algebra rewrites that keep the meaning and cut the work (run before
// evaluation): filters are pushed down towards the patterns that bind their
// variables — into both branches of a UNION, into the side of a JOIN or the
// left side of a LEFTJOIN that certainly binds all of them, below an
// EXTEND that does not bind them — where the evaluator then checks them as
// soon as a basic graph pattern has bound their variables. A filter with
// EXISTS goes into UNION branches (the same solutions) but never below one
// side of a join: it substitutes the whole solution. DISTINCT over an ORDER
// BY whose keys are all projected sorts after removing duplicates.
// Pure; thread-safe.
#pragma once

#include <set>
#include <string>

#include "algebra/algebra.h"

namespace kg::sparql {

OpPtr Optimize(const OpPtr& op);

// Variables bound in every solution of op (used to decide what is safe).
std::set<std::string> CertainVariables(const Op& op);

}  // namespace kg::sparql

// The solutions of one group graph pattern, as plain maps (variable name ->
// term; unbound variables are absent). The entry point of the update
// executor into the evaluator: DELETE/INSERT ... WHERE evaluates its WHERE
// clause through here. Threading: as engine.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "evaluator/engine.h"
#include "parser/ast.h"
#include "store/store.h"

namespace kg::sparql {

using Solution = std::map<std::string, Term>;

// Evaluates `pattern` over `dataset` (empty: the query default graph of the
// store, and every named graph). Blank nodes of the pattern act as
// non-distinguished variables (they may appear in the maps under internal
// names; templates never refer to them). Errors: Error::Timeout,
// Error::Unsupported (SERVICE).
Result<std::vector<Solution>> EvaluatePattern(const Store& store, const GroupPattern& pattern,
                                              const Dataset& dataset,
                                              const std::string& base_iri = {},
                                              const QueryLimits& limits = {});

}  // namespace kg::sparql

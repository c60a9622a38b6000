#include "evaluator/pattern_solutions.h"

#include <set>

#include "algebra/translate.h"
#include "evaluator/evaluator.h"

namespace kg::sparql {

Result<std::vector<Solution>> EvaluatePattern(const Store& store, const GroupPattern& pattern,
                                              const Dataset& dataset, const std::string& base_iri,
                                              const QueryLimits& limits) {
  AlgebraQuery query;
  query.form = Query::Form::kSelect;
  query.root = TranslatePattern(pattern);
  query.base = base_iri;
  std::vector<std::string> names;
  CollectVariables(*query.root, names);
  std::set<std::string> seen;
  for (auto& n : names)
    if (seen.insert(n).second) query.result_vars.push_back(n);
  Evaluator evaluator(store, query, dataset, limits, base_iri);
  auto result = evaluator.Run();
  if (!result.ok()) return result.error();
  const auto* rs = std::get_if<ResultSet>(&result->value);
  if (!rs) return Error::Internal("pattern evaluation gave no solutions table");
  std::vector<Solution> out;
  out.reserve(rs->rows.size());
  for (const auto& row : rs->rows) {
    Solution s;
    for (std::size_t i = 0; i < row.size() && i < rs->variables.size(); ++i)
      if (row[i]) s.emplace(rs->variables[i], *row[i]);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kg::sparql

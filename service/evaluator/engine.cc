#include "evaluator/engine.h"

#include <functional>
#include <sstream>

#include "algebra/translate.h"
#include "evaluator/evaluator.h"
#include "parser/parser.h"
#include "planner/bgp_order.h"
#include "planner/optimize.h"

namespace kg::sparql {

Result<QueryResult> ExecuteQuery(const Store& store, const std::string& text,
                                 const Dataset& dataset, const std::string& base_iri,
                                 const QueryLimits& limits, const Bindings& bindings) {
  auto parsed = ParseQuery(text, base_iri);
  if (!parsed.ok()) return parsed.error();
  auto algebra = Translate(*parsed);
  if (!algebra.ok()) return algebra.error();
  algebra->root = Optimize(algebra->root);
  Evaluator evaluator(store, *algebra, dataset, limits,
                      parsed->base.empty() ? base_iri : parsed->base);
  return evaluator.Run(bindings);
}

Result<QueryResult> ExecuteOnRasqal(Store& store, const std::string& text,
                                    const Dataset& dataset, const std::string& base_iri) {
  auto parsed = ParseQuery(text, base_iri);
  if (!parsed.ok()) return parsed.error();
  auto algebra = Translate(*parsed);
  if (!algebra.ok()) return algebra.error();
  return store.Query(text, dataset, base_iri);
}

Result<std::string> ExplainQuery(const Store& store, const std::string& text,
                                 const std::string& base_iri) {
  auto parsed = ParseQuery(text, base_iri);
  if (!parsed.ok()) return parsed.error();
  auto algebra = Translate(*parsed);
  if (!algebra.ok()) return algebra.error();
  algebra->root = Optimize(algebra->root);
  std::ostringstream out;
  out << "algebra:\n" << ToString(*algebra->root, 1);
  // The order the planner gives each BGP when nothing is bound beforehand
  // (inside joins the real order also uses the variables bound on the left).
  int n = 0;
  std::function<void(const Op&)> walk = [&](const Op& op) {
    if (op.kind == Op::Kind::kBgp && op.triples.size() > 1) {
      auto order = OrderBgp(
          op.triples, {}, [](const std::string&) { return std::optional<Term>(); },
          [&](const std::optional<Term>& s, const std::optional<Term>& p,
              const std::optional<Term>& o,
              unsigned unknown) { return store.Estimate(Store::GraphRef{}, s, p, o, unknown); });
      out << "bgp " << ++n << " order:";
      for (auto i : order) out << " " << i + 1;
      out << "\n";
    }
    for (const auto& c : op.children) walk(*c);
  };
  walk(*algebra->root);
  return out.str();
}

}  // namespace kg::sparql

#include "evaluator/engine.h"

#include <functional>
#include <sstream>

#include "algebra/translate.h"
#include "evaluator/evaluator.h"
#include "parser/parser.h"
#include "planner/bgp_order.h"
#include "planner/optimize.h"

namespace kg::sparql {

namespace {

// The front half every entry point shares: parse, translate (with the
// algebra's static checks), optimize. `base` is the query's BASE, else the
// caller's.
struct Compiled {
  AlgebraQuery algebra;
  std::string base;
};

Result<Compiled> Compile(const std::string& text, const std::string& base_iri) {
  auto parsed = ParseQuery(text, base_iri);
  if (!parsed.ok()) return parsed.error();
  auto algebra = Translate(*parsed);
  if (!algebra.ok()) return algebra.error();
  algebra->root = Optimize(algebra->root);
  return Compiled{std::move(*algebra), parsed->base.empty() ? base_iri : parsed->base};
}

}  // namespace

Result<QueryResult> ExecuteQuery(const Store& store, const std::string& text,
                                 const Dataset& dataset, const std::string& base_iri,
                                 const QueryLimits& limits, const Bindings& bindings) {
  auto compiled = Compile(text, base_iri);
  if (!compiled.ok()) return compiled.error();
  Evaluator evaluator(store, compiled->algebra, dataset, limits, compiled->base);
  return evaluator.Run(bindings);
}

Result<QueryResult> ExecuteOnRasqal(Store& store, const std::string& text,
                                    const Dataset& dataset, const std::string& base_iri) {
  if (auto compiled = Compile(text, base_iri); !compiled.ok()) return compiled.error();
  return store.Query(text, dataset, base_iri);
}

Result<std::string> ExplainQuery(const Store& store, const std::string& text,
                                 const std::string& base_iri) {
  auto compiled = Compile(text, base_iri);
  if (!compiled.ok()) return compiled.error();
  const Op& root = *compiled->algebra.root;
  std::ostringstream out;
  out << "algebra:\n" << ToString(root, 1);
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
  walk(root);
  return out.str();
}

}  // namespace kg::sparql

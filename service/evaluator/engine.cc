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
      std::vector<PatternInfo> infos;
      for (const auto& t : op.triples) {
        PatternInfo info;
        for (const VarOrTerm* pos : {&t.subject, &t.predicate, &t.object})
          if (const Var* v = std::get_if<Var>(pos)) info.vars.push_back(v->name);
        infos.push_back(info);
      }
      auto cost = [&](std::size_t i, const std::set<std::string>& bound) {
        const auto& t = op.triples[i];
        auto known = [&](const VarOrTerm& pos) -> std::optional<Term> {
          if (const Term* term = std::get_if<Term>(&pos)) return *term;
          if (bound.count(std::get<Var>(pos).name)) return Term::Iri("urn:kg:bound");
          return std::nullopt;
        };
        if (t.path) return known(t.subject) || known(t.object) ? 50.0 : 1e9;
        return store.Estimate(Store::GraphRef{}, known(t.subject), known(t.predicate),
                              known(t.object));
      };
      auto order = OrderPatterns(infos, {}, cost);
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

// §17.4.4 functions on numerics: ABS, ROUND, CEIL, FLOOR, RAND; and
// §17.4.2.4 isNUMERIC. Results keep the argument's numeric type (XPath
// fn:abs etc. return "the same type as $arg"; derived integer types are
// returned as xsd:integer).
#include <array>
#include <cmath>
#include <random>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

template <typename F>
Result Apply(const Term& t, F f) {
  auto n = xsd::ParseNumeric(t);
  if (!n) return std::nullopt;
  if (n->kind == xsd::NumKind::kInteger) {
    // Integers are already whole; only ABS changes them.
    return xsd::NumericTerm(*n);
  }
  xsd::Numeric r = *n;
  r.v = f(n->v);
  if (r.kind == xsd::NumKind::kFloat) r.v = static_cast<float>(r.v);
  if (r.kind == xsd::NumKind::kDouble) r.v = static_cast<double>(r.v);
  return xsd::NumericTerm(r);
}

Result Abs(const Args& a, ExprContext&) {
  auto n = xsd::ParseNumeric(a[0]);
  if (!n) return std::nullopt;
  if (n->kind == xsd::NumKind::kInteger) return xsd::IntegerTerm(n->i < 0 ? -n->i : n->i);
  return Apply(a[0], [](long double v) { return std::fabs(v); });
}

// XPath fn:round: half rounds towards positive infinity (round(-2.5) = -2).
Result Round(const Args& a, ExprContext&) {
  return Apply(a[0], [](long double v) { return std::isfinite(v) ? std::floor(v + 0.5L) : v; });
}
Result Ceil(const Args& a, ExprContext&) {
  return Apply(a[0], [](long double v) { return std::ceil(v); });
}
Result Floor(const Args& a, ExprContext&) {
  return Apply(a[0], [](long double v) { return std::floor(v); });
}

// §17.4.4.5 RAND: an xsd:double in [0, 1), per-thread generator.
Result Rand(const Args&, ExprContext&) {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  std::uniform_real_distribution<double> dist(0.0, 1.0);
  return xsd::NumericTerm(xsd::Numeric::Double(dist(gen)));
}

// §17.4.2.4 isNUMERIC: a numeric datatype with a valid lexical form.
Result IsNumeric(const Args& a, ExprContext&) {
  return xsd::BooleanTerm(xsd::ParseNumeric(a[0]).has_value());
}

constexpr std::array<Builtin, 6> kBuiltins{{
    {"ABS", 1, 1, Abs},
    {"ROUND", 1, 1, Round},
    {"CEIL", 1, 1, Ceil},
    {"FLOOR", 1, 1, Floor},
    {"RAND", 0, 0, Rand},
    {"ISNUMERIC", 1, 1, IsNumeric},
}};

}  // namespace

std::span<const Builtin> NumericBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

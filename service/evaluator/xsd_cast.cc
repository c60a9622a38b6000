// §17.5 XPath constructor functions (casts), restricted as SPARQL 1.1's table
// says: from xsd:string (and simple literals), the numeric types, boolean and
// dateTime; an IRI casts only to xsd:string; blank nodes never cast.
// Casting to a derived integer type (xsd:int, ...) casts to xsd:integer and
// then checks the type's range.
#include <cmath>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

// XPath F&O §17.1.2: a float/double cast to string is written like a decimal
// when 1e-6 <= |v| < 1e6 ("1", "1.5"), else in the canonical E notation.
std::string FloatingToString(const xsd::Numeric& n) {
  long double v = n.v;
  if (std::isfinite(v) && v != 0 && std::fabs(v) >= 1e-6L && std::fabs(v) < 1e6L) {
    // Use the shortest digits of the float/double, then print them plainly.
    std::string canon = n.kind == xsd::NumKind::kFloat ? xsd::FormatFloat(static_cast<float>(v))
                                                       : xsd::FormatDouble(static_cast<double>(v));
    long double shortest = std::strtold(canon.c_str(), nullptr);
    std::string d = xsd::FormatDecimal(shortest);
    if (d.ends_with(".0")) d.resize(d.size() - 2);
    return d;
  }
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  return n.kind == xsd::NumKind::kFloat ? xsd::FormatFloat(static_cast<float>(v))
                                        : xsd::FormatDouble(static_cast<double>(v));
}

std::string NumericToString(const xsd::Numeric& n) {
  switch (n.kind) {
    case xsd::NumKind::kInteger: return xsd::FormatInteger(n.i);
    case xsd::NumKind::kDecimal: {
      std::string d = xsd::FormatDecimal(n.v);  // XPath: "1.0" casts to "1"
      if (d.ends_with(".0")) d.resize(d.size() - 2);
      return d;
    }
    default: return FloatingToString(n);
  }
}

// The source value classes of the §17.5 table.
enum class Source { kString, kNumeric, kBoolean, kDateTime, kIri, kNone };

Source Classify(const Term& t) {
  if (t.is_iri()) return Source::kIri;
  if (!t.is_literal()) return Source::kNone;
  if (IsStringLiteral(t)) return Source::kString;
  if (xsd::IsNumericDatatype(t.datatype)) return Source::kNumeric;
  if (t.datatype == xsd::kBoolean) return Source::kBoolean;
  if (t.datatype == xsd::kDateTime) return Source::kDateTime;
  return Source::kNone;
}

Result ToString(const Term& t, Source s) {
  switch (s) {
    case Source::kIri:
    case Source::kString: return SimpleString(t.value);
    case Source::kNumeric: {
      auto n = xsd::ParseNumeric(t);
      if (!n) return std::nullopt;
      return SimpleString(NumericToString(*n));
    }
    case Source::kBoolean: {
      auto b = xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(t.value));
      if (!b) return std::nullopt;
      return SimpleString(*b ? "true" : "false");
    }
    case Source::kDateTime: {
      auto dt = xsd::ParseDateTime(xsd::TrimXsdWhitespace(t.value));
      if (!dt) return std::nullopt;
      return SimpleString(xsd::FormatDateTime(*dt));
    }
    default: return std::nullopt;
  }
}

Result ToBoolean(const Term& t, Source s) {
  switch (s) {
    case Source::kString: {
      auto b = xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(t.value));
      if (!b) return std::nullopt;
      return xsd::BooleanTerm(*b);
    }
    case Source::kBoolean: {
      auto b = xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(t.value));
      if (!b) return std::nullopt;
      return xsd::BooleanTerm(*b);
    }
    case Source::kNumeric: {  // 0 and NaN are false
      auto n = xsd::ParseNumeric(t);
      if (!n) return std::nullopt;
      return xsd::BooleanTerm(!xsd::IsNaN(*n) && n->AsLongDouble() != 0);
    }
    default: return std::nullopt;
  }
}

// Numeric targets: parse strings in the target's lexical space; convert
// numbers (to integer by truncation; NaN/INF cannot become integer/decimal);
// booleans are 1 / 0.
std::optional<xsd::Numeric> ToNumeric(const Term& t, Source s, xsd::NumKind target) {
  std::optional<xsd::Numeric> n;
  if (s == Source::kString) {
    std::string_view lex = xsd::TrimXsdWhitespace(t.value);
    switch (target) {
      case xsd::NumKind::kInteger:
        if (auto v = xsd::ParseIntegerLex(lex)) return xsd::Numeric::Integer(*v);
        return std::nullopt;
      case xsd::NumKind::kDecimal:
        // The integer lexical space is part of the decimal one.
        if (auto v = xsd::ParseDecimalLex(lex)) return xsd::Numeric::Decimal(*v);
        return std::nullopt;
      case xsd::NumKind::kFloat:
        if (auto v = xsd::ParseDoubleLex(lex)) return xsd::Numeric::Float(*v);
        return std::nullopt;
      case xsd::NumKind::kDouble:
        if (auto v = xsd::ParseDoubleLex(lex)) return xsd::Numeric::Double(*v);
        return std::nullopt;
    }
  }
  if (s == Source::kBoolean) {
    auto b = xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(t.value));
    if (!b) return std::nullopt;
    n = xsd::Numeric::Integer(*b ? 1 : 0);
  } else if (s == Source::kNumeric) {
    n = xsd::ParseNumeric(t);
  }
  if (!n) return std::nullopt;
  long double v = n->AsLongDouble();
  switch (target) {
    case xsd::NumKind::kInteger: {
      if (n->kind == xsd::NumKind::kInteger) return n;
      if (!std::isfinite(v) || std::fabs(v) >= 1.7e38L) return std::nullopt;
      return xsd::Numeric::Integer(static_cast<xsd::Int>(std::trunc(v)));
    }
    case xsd::NumKind::kDecimal:
      if (!std::isfinite(v)) return std::nullopt;
      return xsd::Numeric::Decimal(v);
    case xsd::NumKind::kFloat: return xsd::Numeric::Float(v);
    case xsd::NumKind::kDouble: return xsd::Numeric::Double(v);
  }
  return std::nullopt;
}

Result ToDateTime(const Term& t, Source s) {
  if (s != Source::kString && s != Source::kDateTime) return std::nullopt;
  auto dt = xsd::ParseDateTime(xsd::TrimXsdWhitespace(t.value));
  if (!dt) return std::nullopt;
  return Term::Literal(xsd::FormatDateTime(*dt), "", xsd::kDateTime);
}

}  // namespace

std::optional<Term> CastTo(const std::string& iri, const Term& arg, bool* known) {
  *known = true;
  Source s = Classify(arg);
  if (iri == xsd::kString) return ToString(arg, s);
  if (s == Source::kIri || s == Source::kNone) {
    *known = iri == xsd::kBoolean || iri == xsd::kDateTime || xsd::IsNumericDatatype(iri);
    return std::nullopt;
  }
  if (iri == xsd::kBoolean) return ToBoolean(arg, s);
  if (iri == xsd::kDateTime) return ToDateTime(arg, s);
  if (s == Source::kDateTime) {
    *known = xsd::IsNumericDatatype(iri);
    return std::nullopt;
  }
  if (iri == xsd::kDecimal || iri == xsd::kFloat || iri == xsd::kDouble) {
    xsd::NumKind k = iri == xsd::kDecimal ? xsd::NumKind::kDecimal
                     : iri == xsd::kFloat ? xsd::NumKind::kFloat
                                          : xsd::NumKind::kDouble;
    auto n = ToNumeric(arg, s, k);
    if (!n) return std::nullopt;
    return xsd::NumericTerm(*n);
  }
  if (xsd::IsIntegerDatatype(iri)) {
    auto n = ToNumeric(arg, s, xsd::NumKind::kInteger);
    if (!n || !xsd::IntegerInRange(iri, n->i)) return std::nullopt;
    return Term::Literal(xsd::FormatInteger(n->i), "", iri);
  }
  *known = false;
  return std::nullopt;
}

}  // namespace kg::sparql

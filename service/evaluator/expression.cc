// Expression evaluation (§17): dispatch over the Expr tree, the operators of
// §17.3 with their error semantics (§17.2), effective boolean value
// (§17.2.2) and the ORDER BY ordering of §15.1.
#include "evaluator/expression.h"

#include <algorithm>
#include <cmath>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

// The value spaces the operators of §17.3 know about.
// xsd:date is an extension (§17.3.1 allows them) compared on the timeline.
enum class ValueKind { kSimple, kLang, kNumeric, kBoolean, kDateTime, kDate, kOther };

ValueKind KindOf(const Term& t) {
  if (IsSimpleString(t)) return ValueKind::kSimple;
  if (IsLangString(t)) return ValueKind::kLang;
  if (xsd::IsNumericDatatype(t.datatype)) return ValueKind::kNumeric;
  if (t.datatype == xsd::kBoolean) return ValueKind::kBoolean;
  if (t.datatype == xsd::kDateTime) return ValueKind::kDateTime;
  if (t.datatype == xsd::kDate) return ValueKind::kDate;
  return ValueKind::kOther;
}

// A literal of a known datatype whose lexical form is valid: only these are
// compared by value. An ill-formed "abc"^^xsd:integer is treated like a
// literal of an unknown datatype (RDFterm-equal only).
std::optional<xsd::DateTime> ParseTime(const Term& t) {
  std::string_view lex = xsd::TrimXsdWhitespace(t.value);
  return t.datatype == xsd::kDate ? xsd::ParseDate(lex) : xsd::ParseDateTime(lex);
}

bool WellFormed(const Term& t, ValueKind k) {
  switch (k) {
    case ValueKind::kNumeric: return xsd::ParseNumeric(t).has_value();
    case ValueKind::kBoolean: return xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(t.value)).has_value();
    case ValueKind::kDateTime:
    case ValueKind::kDate: return ParseTime(t).has_value();
    default: return true;
  }
}

bool SameTerm(const Term& a, const Term& b) {
  if (a.kind != b.kind || a.value != b.value) return false;
  if (!a.is_literal()) return true;
  return a.language == b.language && DatatypeIri(a) == DatatypeIri(b);
}

// Value comparison for <, >, <=, >= and the value part of =: unordered means
// "these two are not comparable" (type error), except for NaN which callers
// see through `nan`.
std::optional<std::partial_ordering> CompareValues(const Term& a, const Term& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  ValueKind ka = KindOf(a), kb = KindOf(b);
  if (ka != kb || !WellFormed(a, ka) || !WellFormed(b, kb)) return std::nullopt;
  switch (ka) {
    case ValueKind::kSimple: return a.value <=> b.value;  // UTF-8 byte order = code point order
    case ValueKind::kNumeric: return xsd::Compare(*xsd::ParseNumeric(a), *xsd::ParseNumeric(b));
    case ValueKind::kBoolean:  // false < true (XPath op:boolean-less-than)
      return *xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(a.value)) <=>
             *xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(b.value));
    case ValueKind::kDateTime:
    case ValueKind::kDate: return xsd::Compare(*ParseTime(a), *ParseTime(b));
    default: return std::nullopt;
  }
}

}  // namespace

// §17.3 "=": value equality for numerics, strings, booleans and dateTimes;
// RDFterm-equal otherwise. Two literals that are not the same term and whose
// values cannot be compared (an unknown datatype, an ill-formed lexical form)
// are an error, not false (§17.4.1.7); literals of two different known value
// spaces (1 = "1", "a"@en = "a") are simply unequal.
std::optional<bool> TermsEqual(const Term& a, const Term& b) {
  if (!a.is_literal() || !b.is_literal()) return SameTerm(a, b);
  ValueKind ka = KindOf(a), kb = KindOf(b);
  bool known = ka != ValueKind::kOther && kb != ValueKind::kOther && WellFormed(a, ka) &&
               WellFormed(b, kb);
  // Value comparison first: "NaN"^^xsd:double is the same term as itself but
  // not equal to it.
  if (!known) {
    if (SameTerm(a, b)) return true;
    // A language-tagged literal is never equal to a literal without a tag,
    // whatever the other's datatype (W3C open-world open-eq-08..12).
    if (a.language.empty() != b.language.empty()) return false;
    return std::nullopt;
  }
  if (ka == kb && ka == ValueKind::kLang) return SameTerm(a, b);
  if (ka != kb) return false;
  auto c = CompareValues(a, b);
  if (!c) return std::nullopt;
  if (*c == std::partial_ordering::unordered) {
    // NaN = NaN is false; an indeterminate dateTime comparison is an error.
    if (ka == ValueKind::kNumeric) return false;
    return std::nullopt;
  }
  return *c == std::partial_ordering::equivalent;
}

// §17.2.2 effective boolean value.
std::optional<bool> EffectiveBooleanValue(const Term& term) {
  if (!term.is_literal()) return std::nullopt;
  ValueKind k = KindOf(term);
  switch (k) {
    case ValueKind::kBoolean: {
      // An ill-formed boolean has EBV false (§17.2.2 rule 1).
      auto b = xsd::ParseBooleanLex(xsd::TrimXsdWhitespace(term.value));
      return b.value_or(false);
    }
    case ValueKind::kSimple: return !term.value.empty();
    case ValueKind::kNumeric: {
      auto n = xsd::ParseNumeric(term);
      if (!n || xsd::IsNaN(*n)) return false;
      return n->AsLongDouble() != 0;
    }
    default: return std::nullopt;  // lang-tagged, dateTime, other datatypes
  }
}

namespace {

Result Bool(std::optional<bool> b) {
  if (!b) return std::nullopt;
  return xsd::BooleanTerm(*b);
}

Result Arithmetic(Expr::Kind kind, const Term& a, const Term& b) {
  auto x = xsd::ParseNumeric(a), y = xsd::ParseNumeric(b);
  if (!x || !y) return std::nullopt;
  std::optional<xsd::Numeric> r;
  switch (kind) {
    case Expr::Kind::kAdd: r = xsd::Add(*x, *y); break;
    case Expr::Kind::kSub: r = xsd::Subtract(*x, *y); break;
    case Expr::Kind::kMul: r = xsd::Multiply(*x, *y); break;
    default: r = xsd::Divide(*x, *y); break;
  }
  if (!r) return std::nullopt;
  return xsd::NumericTerm(*r);
}

std::optional<bool> Ordered(Expr::Kind kind, const Term& a, const Term& b) {
  auto c = CompareValues(a, b);
  if (!c) return std::nullopt;
  if (*c == std::partial_ordering::unordered) {
    // NaN compares false with everything; indeterminate dateTimes are errors.
    if (KindOf(a) == ValueKind::kNumeric) return false;
    return std::nullopt;
  }
  switch (kind) {
    case Expr::Kind::kLt: return *c < 0;
    case Expr::Kind::kGt: return *c > 0;
    case Expr::Kind::kLe: return *c <= 0;
    default: return *c >= 0;
  }
}

// §17.2: logical-or / logical-and over EBVs with errors.
Result Logical(const Expr& expr, ExprContext& ctx) {
  bool is_or = expr.kind == Expr::Kind::kOr;
  bool error = false;
  for (const ExprPtr& arg : expr.args) {
    Result v = Evaluate(*arg, ctx);
    std::optional<bool> b = v ? EffectiveBooleanValue(*v) : std::nullopt;
    if (!b) {
      error = true;
      continue;
    }
    if (*b == is_or) return xsd::BooleanTerm(is_or);  // true || E = true; false && E = false
  }
  if (error) return std::nullopt;
  return xsd::BooleanTerm(!is_or);
}

// §17.4.1.9 IN: (a = b1) || (a = b2) ...; §17.4.1.10 NOT IN is its negation.
Result In(const Expr& expr, ExprContext& ctx) {
  if (expr.args.empty()) return std::nullopt;
  Result lhs = Evaluate(*expr.args[0], ctx);
  bool error = !lhs;
  for (size_t k = 1; k < expr.args.size(); ++k) {
    Result v = Evaluate(*expr.args[k], ctx);
    std::optional<bool> eq = (lhs && v) ? TermsEqual(*lhs, *v) : std::nullopt;
    if (!eq) {
      error = true;
      continue;
    }
    if (*eq) return xsd::BooleanTerm(expr.kind == Expr::Kind::kIn);
  }
  if (error) return std::nullopt;
  return xsd::BooleanTerm(expr.kind != Expr::Kind::kIn);
}

Result CallBuiltin(const Expr& expr, ExprContext& ctx) {
  const std::string& name = expr.name;
  // Functional forms that do not evaluate all their arguments (§17.4.1).
  if (name == "BOUND") {
    if (expr.args.size() != 1 || expr.args[0]->kind != Expr::Kind::kVar) return std::nullopt;
    return xsd::BooleanTerm(ctx.Lookup(expr.args[0]->var) != nullptr);
  }
  if (name == "IF") {
    if (expr.args.size() != 3) return std::nullopt;
    Result c = Evaluate(*expr.args[0], ctx);
    std::optional<bool> b = c ? EffectiveBooleanValue(*c) : std::nullopt;
    if (!b) return std::nullopt;
    return Evaluate(*expr.args[*b ? 1 : 2], ctx);
  }
  if (name == "COALESCE") {
    for (const ExprPtr& arg : expr.args)
      if (Result v = Evaluate(*arg, ctx)) return v;
    return std::nullopt;
  }
  const Builtin* b = FindBuiltin(name);
  if (!b) return std::nullopt;
  int n = static_cast<int>(expr.args.size());
  if (n < b->min_args || (b->max_args >= 0 && n > b->max_args)) return std::nullopt;
  Args args;
  args.reserve(expr.args.size());
  for (const ExprPtr& arg : expr.args) {
    Result v = Evaluate(*arg, ctx);
    if (!v) return std::nullopt;
    args.push_back(std::move(*v));
  }
  return b->fn(args, ctx);
}

Result CallFunction(const Expr& expr, ExprContext& ctx) {
  // Only the XSD constructor functions of §17.5 are known; any other IRI is
  // an unknown extension function, which §17.6 makes an error.
  if (expr.args.size() != 1) return std::nullopt;
  Result v = Evaluate(*expr.args[0], ctx);
  if (!v) return std::nullopt;
  bool known = false;
  return CastTo(expr.name, *v, &known);
}

}  // namespace

std::optional<Term> Evaluate(const Expr& expr, ExprContext& ctx) {
  using K = Expr::Kind;
  switch (expr.kind) {
    case K::kTerm: return expr.term;
    case K::kVar: {
      const Term* t = ctx.Lookup(expr.var);
      if (!t) return std::nullopt;  // an unbound variable is an error (§17.2)
      return *t;
    }
    case K::kOr:
    case K::kAnd: return Logical(expr, ctx);
    case K::kNot: {
      if (expr.args.size() != 1) return std::nullopt;
      Result v = Evaluate(*expr.args[0], ctx);
      std::optional<bool> b = v ? EffectiveBooleanValue(*v) : std::nullopt;
      if (!b) return std::nullopt;
      return xsd::BooleanTerm(!*b);
    }
    case K::kEq:
    case K::kNe:
    case K::kLt:
    case K::kGt:
    case K::kLe:
    case K::kGe:
    case K::kAdd:
    case K::kSub:
    case K::kMul:
    case K::kDiv: {
      if (expr.args.size() != 2) return std::nullopt;
      Result a = Evaluate(*expr.args[0], ctx);
      if (!a) return std::nullopt;
      Result b = Evaluate(*expr.args[1], ctx);
      if (!b) return std::nullopt;
      switch (expr.kind) {
        case K::kEq: return Bool(TermsEqual(*a, *b));
        case K::kNe: {
          auto eq = TermsEqual(*a, *b);
          if (!eq) return std::nullopt;
          return xsd::BooleanTerm(!*eq);
        }
        case K::kLt:
        case K::kGt:
        case K::kLe:
        case K::kGe: return Bool(Ordered(expr.kind, *a, *b));
        default: return Arithmetic(expr.kind, *a, *b);
      }
    }
    case K::kIn:
    case K::kNotIn: return In(expr, ctx);
    case K::kUnaryMinus:
    case K::kUnaryPlus: {
      if (expr.args.size() != 1) return std::nullopt;
      Result v = Evaluate(*expr.args[0], ctx);
      if (!v) return std::nullopt;
      auto n = xsd::ParseNumeric(*v);
      if (!n) return std::nullopt;
      if (expr.kind == K::kUnaryPlus) return xsd::NumericTerm(*n);
      auto r = xsd::Negate(*n);
      if (!r) return std::nullopt;
      return xsd::NumericTerm(*r);
    }
    case K::kBuiltin: return CallBuiltin(expr, ctx);
    case K::kFunction: return CallFunction(expr, ctx);
    case K::kExists:
    case K::kNotExists: {
      if (!expr.pattern) return std::nullopt;
      std::optional<bool> e = ctx.Exists(*expr.pattern);
      if (!e) return std::nullopt;
      return xsd::BooleanTerm(expr.kind == K::kExists ? *e : !*e);
    }
    case K::kAggregate:
      // Aggregates are computed by the group operator (Aggregator) and
      // substituted before expressions over them are evaluated.
      return std::nullopt;
  }
  return std::nullopt;
}

// ---- ORDER BY (§15.1) -------------------------------------------------------------
namespace {

int Sign(std::partial_ordering c) { return c < 0 ? -1 : c > 0 ? 1 : 0; }
int Sign(std::strong_ordering c) { return c < 0 ? -1 : c > 0 ? 1 : 0; }

// Literals are ordered first by value space, then by value, then by lexical
// form and datatype so that the order is total and stable (§15.1 leaves the
// order between kinds of literals to the implementation).
int LiteralRank(ValueKind k) {
  switch (k) {
    case ValueKind::kNumeric: return 0;
    case ValueKind::kSimple: return 1;
    case ValueKind::kLang: return 2;
    case ValueKind::kBoolean: return 3;
    case ValueKind::kDateTime: return 4;
    case ValueKind::kDate: return 5;
    default: return 6;
  }
}

// a and b are literals of the (well-formedness-checked) kinds ka, kb; va,
// vb their values parsed ahead, or null.
int CompareLiterals(const Term& a, ValueKind ka, const Term& b, ValueKind kb,
                    const OrderValue* va, const OrderValue* vb) {
  if (int r = LiteralRank(ka) - LiteralRank(kb)) return r < 0 ? -1 : 1;
  switch (ka) {
    case ValueKind::kNumeric: {
      auto x = va && va->number ? *va->number : *xsd::ParseNumeric(a);
      auto y = vb && vb->number ? *vb->number : *xsd::ParseNumeric(b);
      bool nx = xsd::IsNaN(x), ny = xsd::IsNaN(y);
      if (nx != ny) return nx ? -1 : 1;  // NaN first, to keep the order total
      if (!nx)
        if (int r = Sign(xsd::Compare(x, y))) return r;
      break;
    }
    // Simple and language-tagged literals of one kind never get here:
    // CompareOrderKeys orders them by their values' bytes, then the tag,
    // which is also what the datatype / lexical form / tag order below gives.
    case ValueKind::kBoolean:
      if (int r = Sign(*CompareValues(a, b))) return r;
      break;
    case ValueKind::kDateTime:
    case ValueKind::kDate: {
      // Indeterminate pairs (timezone vs none) fall back to the UTC reading.
      std::optional<xsd::DateTime> pa, pb;  // parsed here when not ahead (no copies)
      const xsd::DateTime& x = va && va->time ? *va->time : *(pa = ParseTime(a));
      const xsd::DateTime& y = vb && vb->time ? *vb->time : *(pb = ParseTime(b));
      auto c = xsd::Compare(x, y);
      if (c == std::partial_ordering::unordered) c = xsd::TimelineSeconds(x) <=> xsd::TimelineSeconds(y);
      if (int r = Sign(c)) return r;
      break;
    }
    default: break;
  }
  // (the datatype IRIs as views: this runs inside sorts, so no copies)
  auto datatype = [](const Term& t) -> std::string_view {
    if (IsLangString(t)) return kRdfLangString;
    if (t.datatype.empty()) return kXsdString;
    return t.datatype;
  };
  if (int r = Sign(datatype(a) <=> datatype(b))) return r;
  if (int r = Sign(a.value <=> b.value)) return r;
  return Sign(a.language <=> b.language);
}

// The kind a literal sorts as: ill-formed typed literals sort with the
// unknown datatypes.
ValueKind SortKind(const Term& t) {
  ValueKind k = KindOf(t);
  return WellFormed(t, k) ? k : ValueKind::kOther;
}

int Rank(const Term* t) {
  if (!t) return 0;
  switch (t->kind) {
    case Term::Kind::kBlank: return 1;
    case Term::Kind::kIri: return 2;
    case Term::Kind::kLiteral: return 3;
  }
  return 3;
}

}  // namespace

int CompareForOrderBy(const std::optional<Term>& a, const std::optional<Term>& b) {
  return CompareForOrderBy(a ? &*a : nullptr, b ? &*b : nullptr);
}

int CompareForOrderBy(const Term* a, const Term* b) {
  return CompareOrderKeys(MakeOrderKey(a), MakeOrderKey(b));
}

OrderKey MakeOrderKey(const Term* t) {
  // Rank in the tens, the literal's kind in the units: LiteralRank orders
  // kinds as CompareLiterals does, so classes compare as integers.
  OrderKey key{t, Rank(t) * 10};
  if (!t) return key;
  ValueKind kind = ValueKind::kOther;
  if (t->is_literal()) {
    kind = SortKind(*t);
    key.order_class += static_cast<int>(kind) + 1;
  }
  // Within these classes the order starts with the values' bytes (IRIs and
  // blank nodes below; simple and language-tagged literals by lexical form
  // first in CompareLiterals), so their first eight order two keys that
  // differ there.
  key.by_prefix = !t->is_literal() || kind == ValueKind::kSimple || kind == ValueKind::kLang;
  if (key.by_prefix) {
    key.value = t->value;
    const std::size_t n = std::min<std::size_t>(t->value.size(), 8);
    for (std::size_t i = 0; i < 8; ++i)
      key.prefix = key.prefix << 8 | (i < n ? static_cast<unsigned char>(t->value[i]) : 0u);
  }
  return key;
}

OrderValue ParseOrderValue(const OrderKey& key) {
  OrderValue v;
  if (!key.term || !key.term->is_literal()) return v;
  switch (static_cast<ValueKind>(key.order_class % 10 - 1)) {
    case ValueKind::kNumeric: v.number = xsd::ParseNumeric(*key.term); break;
    case ValueKind::kDateTime:
    case ValueKind::kDate: v.time = ParseTime(*key.term); break;
    default: break;
  }
  return v;
}

int CompareOrderKeys(const OrderKey& a, const OrderKey& b) {
  return CompareOrderKeys(a, b, nullptr, nullptr);
}

int CompareOrderKeys(const OrderKey& a, const OrderKey& b, const OrderValue* va,
                     const OrderValue* vb) {
  if (a.term == b.term) return 0;  // the same stored term (or both unbound)
  int ra = a.order_class / 10, rb = b.order_class / 10;
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (a.order_class == b.order_class && a.by_prefix) {
    // Zero padding keeps the order: a value that is a proper prefix of the
    // other gets an abbreviation <= the other's, and equal ones fall
    // through to the whole value (read through the view, not the Term).
    if (a.prefix != b.prefix) return a.prefix < b.prefix ? -1 : 1;
    if (int r = Sign(a.value <=> b.value)) return r;
    // Language-tagged literals of equal lexical form: the tag decides.
    if (!a.term->is_literal()) return 0;
    return Sign(a.term->language <=> b.term->language);
  }
  // (IRIs and blank nodes always took the branch above: same rank, same class.)
  return CompareLiterals(*a.term, static_cast<ValueKind>(a.order_class % 10 - 1), *b.term,
                         static_cast<ValueKind>(b.order_class % 10 - 1), va, vb);
}

}  // namespace kg::sparql

// SPARQL 1.1 expression evaluation (https://www.w3.org/TR/sparql11-query/ §17):
// operators with XSD numeric type promotion, effective boolean value, every
// builtin function, XSD casts, and the aggregates of §18.5.
//
// An expression error (type error, unbound variable, bad cast, ...) is
// std::nullopt, and propagates as §17.2/§17.3 say (|| and && treat errors as
// the spec's three-valued logic; IF/COALESCE/BOUND catch them).
//
// Thread-safety: pure functions of their arguments and the ExprContext.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/term.h"
#include "evaluator/xsd_value.h"
#include "parser/ast.h"

namespace kg::sparql {

// What an expression sees while it is evaluated: the current solution and
// per-query state. Implemented by the evaluator.
class ExprContext {
 public:
  virtual ~ExprContext() = default;
  // The value bound to a variable in the current solution; nullptr = unbound.
  virtual const Term* Lookup(const std::string& var) const = 0;
  // EXISTS { pattern } under the current solution (§8.3, substitute + eval).
  // std::nullopt when evaluation failed or was cancelled.
  virtual std::optional<bool> Exists(const GroupPattern& pattern) = 0;
  // NOW(): the same xsd:dateTime lexical form for the whole query (§17.4.5.1).
  virtual const std::string& Now() const = 0;
  // BNODE() / BNODE(str): fresh blank node; the same `key` within one
  // solution gives the same node (§17.4.2.9). key = nullopt: always fresh.
  virtual Term BlankNode(const std::optional<std::string>& key) = 0;
  // The query's base IRI for IRI()/URI() of relative strings ("" = none).
  virtual const std::string& BaseIri() const = 0;
};

std::optional<Term> Evaluate(const Expr& expr, ExprContext& context);

// Effective boolean value (§17.2.2); std::nullopt = type error.
std::optional<bool> EffectiveBooleanValue(const Term& term);

// ORDER BY ordering (§15.1): unbound < blank nodes < IRIs < literals; numbers,
// dates, strings and booleans by value where comparable, otherwise a stable
// total order on the lexical form. Returns <0, 0, >0.
int CompareForOrderBy(const std::optional<Term>& a, const std::optional<Term>& b);
// The same on pointers (nullptr = unbound), for keys that are not copied.
int CompareForOrderBy(const Term* a, const Term* b);

// A sort key with its class (unbound, blank, IRI, or the kind of literal)
// worked out once, so a sort of n rows classifies n values rather than
// 2 n log n: CompareOrderKeys(MakeOrderKey(a), MakeOrderKey(b)) ==
// CompareForOrderBy(a, b). The key points at `t`, which must outlive it.
//
// Keys whose order starts with the bytes of the term's value (IRIs, blank
// nodes, simple and language-tagged literals) also carry those bytes' first
// eight as one integer (an "abbreviated key"): most comparisons in a sort of
// labels end there, without reading the strings (a third of workload q06's
// instructions went to string comparisons in its sort).
// Such keys also hold the value itself as a view, so the comparison after
// a tie reads the bytes without going through the Term.
struct OrderKey {
  const Term* term = nullptr;
  int order_class = 0;      // compared first
  bool by_prefix = false;   // `prefix`, then `value`, order keys of this class
  std::uint64_t prefix = 0; // the value's first 8 bytes, big-endian, zero-padded
  std::string_view value;   // term->value when by_prefix
};
OrderKey MakeOrderKey(const Term* t);
int CompareOrderKeys(const OrderKey& a, const OrderKey& b);

// The value a key of a number, date or dateTime compares by, parsed ahead,
// for a sort that compares each key many times (the dictionary's ranks,
// evaluator/term_order.h): CompareOrderKeys parses both values on every
// call, and parsing dates was most of ranking a dictionary. Empty for other
// keys. With va, vb from ParseOrderValue(a), ParseOrderValue(b) (or null,
// to parse as usual): CompareOrderKeys(a, b, va, vb) == CompareOrderKeys(a, b).
struct OrderValue {
  std::optional<xsd::Numeric> number;
  std::optional<xsd::DateTime> time;
};
OrderValue ParseOrderValue(const OrderKey& key);
int CompareOrderKeys(const OrderKey& a, const OrderKey& b, const OrderValue* va,
                     const OrderValue* vb);

// Accumulates one aggregate (COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT) over a
// group (§18.5.1). DISTINCT is handled inside. Add() takes the value of the
// aggregate's argument for one solution (nullopt = error/unbound, which makes
// SUM/AVG an error and is skipped by COUNT(expr)); for COUNT(*) call Add with
// any term once per solution.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  virtual void Add(const std::optional<Term>& value) = 0;
  virtual std::optional<Term> Finish() = 0;  // nullopt = error
  // expr.kind must be Expr::Kind::kAggregate.
  static std::unique_ptr<Aggregator> Make(const Expr& expr);
};

// Implementation notes (service/evaluator/expression.cc, functions_*.cc,
// xsd_*.cc, aggregates.cc):
// - Evaluate() of a kAggregate node is an error: the group operator computes
//   aggregates with Aggregator and substitutes their values first.
// - COUNT(DISTINCT *): Add() one term per solution that identifies the whole
//   solution (e.g. a literal serializing its bindings); DISTINCT compares terms.
// - MIN, MAX, SAMPLE, GROUP_CONCAT and COUNT(expr) skip error values; SUM and
//   AVG become an error. SUM/AVG of an empty group are "0"^^xsd:integer.
// - Numbers: xsd:integer is 128-bit exact, xsd:decimal a long double printed
//   with 18 significant digits (see xsd_value.h).

}  // namespace kg::sparql

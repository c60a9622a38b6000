// Helpers shared by the parser unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "parser/parser.h"

namespace kg::sparql::testing {

inline Query MustParse(const std::string& text, const std::string& base = {}) {
  auto r = ParseQuery(text, base);
  EXPECT_TRUE(r.ok()) << text << "\n-> " << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? r.value() : Query{};
}

inline Update MustParseUpdate(const std::string& text, const std::string& base = {}) {
  auto r = ParseUpdate(text, base);
  EXPECT_TRUE(r.ok()) << text << "\n-> " << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? r.value() : Update{};
}

inline Error QueryError(const std::string& text) {
  auto r = ParseQuery(text);
  EXPECT_FALSE(r.ok()) << text << " should not parse";
  return r.ok() ? Error{} : r.error();
}

inline Error UpdateError(const std::string& text) {
  auto r = ParseUpdate(text);
  EXPECT_FALSE(r.ok()) << text << " should not parse";
  return r.ok() ? Error{} : r.error();
}

// The triples of the first element of the WHERE clause.
inline std::vector<TriplePattern> FirstTriples(const Query& q) {
  if (!q.where || q.where->elements.empty()) return {};
  return q.where->elements[0].triples;
}

inline Term T(const VarOrTerm& v) { return std::holds_alternative<Term>(v) ? std::get<Term>(v) : Term{}; }
inline std::string V(const VarOrTerm& v) {
  return std::holds_alternative<Var>(v) ? std::get<Var>(v).name : "";
}

// The first FILTER expression of the WHERE clause.
inline ExprPtr FirstFilter(const Query& q) {
  for (const PatternElement& e : q.where->elements)
    if (e.kind == PatternElement::Kind::kFilter) return e.expr;
  return nullptr;
}

// A compact rendering of an expression tree: (op a b), ?v, literals as lexical forms.
inline std::string Show(const ExprPtr& e) {
  if (!e) return "null";
  using K = Expr::Kind;
  auto list = [&](const std::string& head) {
    std::string s = "(" + head;
    for (const ExprPtr& a : e->args) s += " " + Show(a);
    return s + ")";
  };
  switch (e->kind) {
    case K::kTerm: return e->term.value;
    case K::kVar: return "?" + e->var;
    case K::kOr: return list("||");
    case K::kAnd: return list("&&");
    case K::kEq: return list("=");
    case K::kNe: return list("!=");
    case K::kLt: return list("<");
    case K::kGt: return list(">");
    case K::kLe: return list("<=");
    case K::kGe: return list(">=");
    case K::kIn: return list("in");
    case K::kNotIn: return list("notin");
    case K::kAdd: return list("+");
    case K::kSub: return list("-");
    case K::kMul: return list("*");
    case K::kDiv: return list("/");
    case K::kUnaryMinus: return list("neg");
    case K::kUnaryPlus: return list("pos");
    case K::kNot: return list("!");
    case K::kBuiltin: return list(e->name);
    case K::kFunction: return list("<" + e->name + ">");
    case K::kAggregate: return list(e->name + (e->distinct ? " distinct" : "") + (e->star ? " *" : ""));
    case K::kExists: return "exists";
    case K::kNotExists: return "notexists";
  }
  return "?";
}

inline std::string Show(const PathPtr& p) {
  if (!p) return "null";
  using K = Path::Kind;
  auto list = [&](const std::string& head) {
    std::string s = "(" + head;
    for (const PathPtr& a : p->args) s += " " + Show(a);
    return s + ")";
  };
  switch (p->kind) {
    case K::kLink: return p->iri.substr(p->iri.find_last_of("/#") + 1);
    case K::kInverse: return list("^");
    case K::kSequence: return list("/");
    case K::kAlternative: return list("|");
    case K::kZeroOrMore: return list("*");
    case K::kOneOrMore: return list("+");
    case K::kZeroOrOne: return list("?");
    case K::kNegated: {
      std::string s = "(!";
      for (const auto& i : p->negated) s += " " + i.substr(i.find_last_of("/#") + 1);
      for (const auto& i : p->negated_inverse) s += " ^" + i.substr(i.find_last_of("/#") + 1);
      return s + ")";
    }
  }
  return "?";
}

}  // namespace kg::sparql::testing

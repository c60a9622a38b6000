// Test helpers for service/evaluator/expression.h: term and Expr builders and
// a fake ExprContext, so that expressions can be built without the parser.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evaluator/expression.h"

namespace kg::sparql::test {

inline const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

inline Term S(std::string lex) { return Term::Literal(std::move(lex)); }
inline Term L(std::string lex, std::string lang) { return Term::Literal(std::move(lex), std::move(lang)); }
inline Term Typed(std::string lex, const std::string& local) {
  return Term::Literal(std::move(lex), "", kXsd + local);
}
inline Term XStr(std::string lex) {  // "..."^^xsd:string written with its datatype (not normalized)
  return Term{Term::Kind::kLiteral, std::move(lex), "", kXsd + "string"};
}
inline Term I(std::string lex) { return Typed(std::move(lex), "integer"); }
inline Term D(std::string lex) { return Typed(std::move(lex), "decimal"); }
inline Term F(std::string lex) { return Typed(std::move(lex), "float"); }
inline Term Dbl(std::string lex) { return Typed(std::move(lex), "double"); }
inline Term B(bool b) { return Typed(b ? "true" : "false", "boolean"); }
inline Term DT(std::string lex) { return Typed(std::move(lex), "dateTime"); }
inline Term Iri(std::string iri) { return Term::Iri(std::move(iri)); }
inline Term Blank(std::string label) { return Term::Blank(std::move(label)); }

// An argument: a term constant or a sub-expression.
struct X {
  X(Term t) : e(std::make_shared<Expr>(Expr{.kind = Expr::Kind::kTerm, .term = std::move(t)})) {}
  X(ExprPtr p) : e(std::move(p)) {}
  ExprPtr e;
};

inline ExprPtr Make(Expr::Kind kind, std::vector<X> args, std::string name = {}) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->name = std::move(name);
  for (auto& a : args) e->args.push_back(a.e);
  return e;
}
inline ExprPtr Var(std::string name) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::kVar;
  e->var = std::move(name);
  return e;
}
inline ExprPtr Call(std::string name, std::vector<X> args) {
  return Make(Expr::Kind::kBuiltin, std::move(args), std::move(name));
}
inline ExprPtr Fn(std::string iri, std::vector<X> args) {
  return Make(Expr::Kind::kFunction, std::move(args), std::move(iri));
}
inline ExprPtr Cast(const std::string& local, X arg) { return Fn(kXsd + local, {std::move(arg)}); }
inline ExprPtr Op(Expr::Kind kind, X a, X b) { return Make(kind, {std::move(a), std::move(b)}); }
inline ExprPtr Op(Expr::Kind kind, X a) { return Make(kind, {std::move(a)}); }
// 1/0: a handy error expression.
inline ExprPtr Err() { return Op(Expr::Kind::kDiv, I("1"), I("0")); }

class FakeContext : public ExprContext {
 public:
  std::map<std::string, Term> vars;
  std::string base;
  std::string now = "2024-05-06T07:08:09.5Z";
  std::optional<bool> exists = true;
  int fresh = 0;
  std::map<std::string, Term> keyed;

  const Term* Lookup(const std::string& var) const override {
    auto it = vars.find(var);
    return it == vars.end() ? nullptr : &it->second;
  }
  std::optional<bool> Exists(const GroupPattern&) override { return exists; }
  const std::string& Now() const override { return now; }
  Term BlankNode(const std::optional<std::string>& key) override {
    if (key) {
      auto it = keyed.find(*key);
      if (it != keyed.end()) return it->second;
      return keyed[*key] = Term::Blank("k" + std::to_string(++fresh));
    }
    return Term::Blank("b" + std::to_string(++fresh));
  }
  const std::string& BaseIri() const override { return base; }
};

inline std::optional<Term> Eval(const ExprPtr& e) {
  FakeContext ctx;
  return Evaluate(*e, ctx);
}

inline std::string Show(const std::optional<Term>& t) {
  if (!t) return "(error)";
  switch (t->kind) {
    case Term::Kind::kIri: return "<" + t->value + ">";
    case Term::Kind::kBlank: return "_:" + t->value;
    case Term::Kind::kLiteral: {
      std::string s = "\"" + t->value + "\"";
      if (!t->language.empty()) s += "@" + t->language;
      if (!t->datatype.empty()) s += "^^<" + t->datatype + ">";
      return s;
    }
  }
  return "?";
}

// One row of a table-driven test: the expression and its expected value
// (std::nullopt = expression error).
struct Case {
  std::string what;
  ExprPtr expr;
  std::optional<Term> expected;
};

inline void RunCases(const std::vector<Case>& cases, FakeContext* shared = nullptr) {
  for (const Case& c : cases) {
    FakeContext local;
    FakeContext& ctx = shared ? *shared : local;
    std::optional<Term> got = Evaluate(*c.expr, ctx);
    EXPECT_EQ(Show(got), Show(c.expected)) << c.what;
  }
}

inline const std::optional<Term> kError = std::nullopt;

}  // namespace kg::sparql::test

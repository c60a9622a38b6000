// §17.2-§17.3 operators: arithmetic with numeric type promotion, comparison,
// =/!= with RDFterm-equal errors, IN/NOT IN, ! && || three-valued logic,
// EBV, variables, EXISTS.
#include <gtest/gtest.h>

#include "expr_test_util.h"

namespace kg::sparql::test {
namespace {

using K = Expr::Kind;

TEST(ArithmeticTest, TypePromotionAndCanonicalForms) {
  RunCases({
      {"int+int", Op(K::kAdd, I("1"), I("2")), I("3")},
      {"int+int keeps canonical", Op(K::kAdd, I("01"), I("+2")), I("3")},
      {"int+dec", Op(K::kAdd, I("1"), D("2.5")), D("3.5")},
      {"dec+dec", Op(K::kAdd, D("0.1"), D("0.2")), D("0.3")},
      {"int+float", Op(K::kAdd, I("1"), F("2.5")), F("3.5E0")},
      {"float+double", Op(K::kAdd, F("1.5"), Dbl("1")), Dbl("2.5E0")},
      {"dec*double", Op(K::kMul, D("2"), Dbl("1.5e2")), Dbl("3.0E2")},
      {"int-int", Op(K::kSub, I("1"), I("3")), I("-2")},
      {"int*int", Op(K::kMul, I("6"), I("7")), I("42")},
      {"int/int is decimal", Op(K::kDiv, I("1"), I("2")), D("0.5")},
      {"int/int exact", Op(K::kDiv, I("4"), I("2")), D("2.0")},
      {"1/3", Op(K::kDiv, I("1"), I("3")), D("0.333333333333333333")},
      {"int/0 error", Op(K::kDiv, I("1"), I("0")), kError},
      {"dec/0 error", Op(K::kDiv, D("1.0"), D("0.0")), kError},
      {"double/0 INF", Op(K::kDiv, Dbl("1"), I("0")), Dbl("INF")},
      {"-double/0 -INF", Op(K::kDiv, Dbl("-1"), I("0")), Dbl("-INF")},
      {"0/0.0e0 NaN", Op(K::kDiv, I("0"), Dbl("0")), Dbl("NaN")},
      {"subtype counts as integer", Op(K::kAdd, Typed("1", "byte"), Typed("2", "int")), I("3")},
      {"string + int error", Op(K::kAdd, S("1"), I("2")), kError},
      {"ill-formed integer error", Op(K::kAdd, I("abc"), I("2")), kError},
      {"int64 overflow stays exact (128-bit)",
       Op(K::kMul, I("9223372036854775807"), I("2")), I("18446744073709551614")},
      {"128-bit overflow error",
       Op(K::kMul, I("170141183460469231731687303715884105727"), I("2")), kError},
      {"unary minus int", Op(K::kUnaryMinus, I("3")), I("-3")},
      {"unary minus dec", Op(K::kUnaryMinus, D("-1.50")), D("1.5")},
      {"unary plus", Op(K::kUnaryPlus, D("01.50")), D("1.5")},
      {"unary minus string error", Op(K::kUnaryMinus, S("1")), kError},
      {"double canonical", Op(K::kUnaryPlus, Dbl("100")), Dbl("1.0E2")},
      {"double small", Op(K::kUnaryPlus, Dbl("0.001")), Dbl("1.0E-3")},
      {"float canonical", Op(K::kUnaryPlus, F("0.1")), F("1.0E-1")},
  });
}

TEST(ComparisonTest, ValuesAcrossTypes) {
  RunCases({
      {"1 = 1.0", Op(K::kEq, I("1"), D("1.0")), B(true)},
      {"1 = 1e0", Op(K::kEq, I("1"), Dbl("1e0")), B(true)},
      {"01 = 1", Op(K::kEq, I("01"), I("1")), B(true)},
      {"1 < 2.5", Op(K::kLt, I("1"), D("2.5")), B(true)},
      {"2 >= 2", Op(K::kGe, I("2"), Typed("2", "short")), B(true)},
      {"NaN = NaN false", Op(K::kEq, Dbl("NaN"), Dbl("NaN")), B(false)},
      {"NaN != NaN true", Op(K::kNe, Dbl("NaN"), Dbl("NaN")), B(true)},
      {"NaN < 1 false", Op(K::kLt, Dbl("NaN"), I("1")), B(false)},
      {"simple = xsd:string", Op(K::kEq, S("a"), XStr("a")), B(true)},
      {"string <", Op(K::kLt, S("abc"), S("abd")), B(true)},
      {"string < by code point", Op(K::kLt, S("Z"), S("a")), B(true)},
      {"string vs xsd:string <", Op(K::kLt, XStr("a"), S("b")), B(true)},
      {"a@en = a@en", Op(K::kEq, L("a", "en"), L("a", "en")), B(true)},
      {"a@en = a@fr false", Op(K::kEq, L("a", "en"), L("a", "fr")), B(false)},
      {"a@en = a false", Op(K::kEq, L("a", "en"), S("a")), B(false)},
      {"a@en < b@en error", Op(K::kLt, L("a", "en"), L("b", "en")), kError},
      {"1 = '1' false", Op(K::kEq, I("1"), S("1")), B(false)},
      {"1 < '1' error", Op(K::kLt, I("1"), S("1")), kError},
      {"bool =", Op(K::kEq, B(true), Typed("1", "boolean")), B(true)},
      {"false < true", Op(K::kLt, B(false), B(true)), B(true)},
      {"iri = iri", Op(K::kEq, Iri("http://a"), Iri("http://a")), B(true)},
      {"iri != iri", Op(K::kNe, Iri("http://a"), Iri("http://b")), B(true)},
      {"iri = literal false", Op(K::kEq, Iri("http://a"), S("http://a")), B(false)},
      {"iri < iri error", Op(K::kLt, Iri("http://a"), Iri("http://b")), kError},
      {"blank = blank", Op(K::kEq, Blank("x"), Blank("x")), B(true)},
      {"unknown datatype same term", Op(K::kEq, Typed("x", "unknownType"), Typed("x", "unknownType")),
       B(true)},
      {"iri equal",
       Op(K::kEq, Iri("http://example/t"), Iri("http://example/t")), B(true)},
      {"unknown datatype = error",
       Op(K::kEq, Term::Literal("a", "", "http://example/t"), Term::Literal("b", "", "http://example/t")),
       kError},
      {"unknown datatype != error",
       Op(K::kNe, Term::Literal("a", "", "http://example/t"), Term::Literal("b", "", "http://example/t")),
       kError},
      {"unknown datatype vs string error", Op(K::kEq, Term::Literal("a", "", "http://example/t"), S("a")),
       kError},
      {"ill-formed int vs int error", Op(K::kEq, I("abc"), I("1")), kError},
      {"ill-formed same term true", Op(K::kEq, I("abc"), I("abc")), B(true)},
      {"dateTime =", Op(K::kEq, DT("2002-04-02T12:00:00-01:00"), DT("2002-04-02T17:00:00+04:00")),
       B(true)},
      {"dateTime Z vs +00:00", Op(K::kEq, DT("2002-04-02T12:00:00Z"), DT("2002-04-02T12:00:00+00:00")),
       B(true)},
      {"dateTime <", Op(K::kLt, DT("2002-04-02T12:00:00Z"), DT("2002-04-02T12:00:01Z")), B(true)},
      {"dateTime no tz both", Op(K::kLt, DT("2002-04-02T12:00:00"), DT("2002-04-03T12:00:00")), B(true)},
      {"dateTime tz vs none far apart", Op(K::kLt, DT("2002-04-01T12:00:00Z"), DT("2002-04-03T12:00:00")),
       B(true)},
      {"dateTime tz vs none indeterminate", Op(K::kLt, DT("2002-04-02T12:00:00Z"), DT("2002-04-02T13:00:00")),
       kError},
      {"24:00 is next day", Op(K::kEq, DT("2002-04-02T24:00:00Z"), DT("2002-04-03T00:00:00Z")), B(true)},
      {"error operand", Op(K::kEq, Err(), I("1")), kError},
      {"date =", Op(K::kEq, Typed("2006-08-23", "date"), Typed("2006-08-23", "date")), B(true)},
      {"date tz =", Op(K::kEq, Typed("2006-08-23Z", "date"), Typed("2006-08-23+00:00", "date")), B(true)},
      {"date <", Op(K::kLt, Typed("2006-08-22", "date"), Typed("2006-08-23", "date")), B(true)},
      {"date != ", Op(K::kNe, Typed("2006-08-22-05:00", "date"), Typed("-2006-08-22-05:00", "date")), B(true)},
      {"ill-formed date error", Op(K::kEq, Typed("2006-08-32", "date"), Typed("2006-08-23", "date")), kError},
      {"date vs dateTime false", Op(K::kEq, Typed("2006-08-23", "date"), DT("2006-08-23T00:00:00")), B(false)},
  });
}

TEST(LogicTest, ThreeValuedOrAnd) {
  // §17.2 truth table: A || B and A && B with E = error.
  ExprPtr T = X(B(true)).e, Fa = X(B(false)).e;
  RunCases({
      {"T||T", Op(K::kOr, T, T), B(true)},
      {"T||F", Op(K::kOr, T, Fa), B(true)},
      {"F||T", Op(K::kOr, Fa, T), B(true)},
      {"F||F", Op(K::kOr, Fa, Fa), B(false)},
      {"T||E", Op(K::kOr, T, Err()), B(true)},
      {"E||T", Op(K::kOr, Err(), T), B(true)},
      {"F||E", Op(K::kOr, Fa, Err()), kError},
      {"E||F", Op(K::kOr, Err(), Fa), kError},
      {"E||E", Op(K::kOr, Err(), Err()), kError},
      {"T&&T", Op(K::kAnd, T, T), B(true)},
      {"T&&F", Op(K::kAnd, T, Fa), B(false)},
      {"F&&F", Op(K::kAnd, Fa, Fa), B(false)},
      {"T&&E", Op(K::kAnd, T, Err()), kError},
      {"E&&T", Op(K::kAnd, Err(), T), kError},
      {"F&&E", Op(K::kAnd, Fa, Err()), B(false)},
      {"E&&F", Op(K::kAnd, Err(), Fa), B(false)},
      {"E&&E", Op(K::kAnd, Err(), Err()), kError},
      {"!T", Op(K::kNot, T), B(false)},
      {"!E", Op(K::kNot, Err()), kError},
      {"! uses EBV of string", Op(K::kNot, S("")), B(true)},
      {"! of IRI error", Op(K::kNot, Iri("http://a")), kError},
      {"|| uses EBV", Op(K::kOr, I("0"), S("x")), B(true)},
      {"unbound variable is error", Op(K::kOr, Var("nope"), Fa), kError},
  });
}

TEST(EffectiveBooleanValueTest, Rules) {
  struct Row {
    Term term;
    std::optional<bool> ebv;
  };
  const std::vector<Row> rows = {
      {B(true), true},
      {B(false), false},
      {Typed("1", "boolean"), true},
      {Typed("0", "boolean"), false},
      {Typed("maybe", "boolean"), false},  // ill-formed boolean: false
      {S(""), false},
      {S("x"), true},
      {XStr("x"), true},
      {I("0"), false},
      {I("7"), true},
      {D("0.0"), false},
      {Dbl("NaN"), false},
      {Dbl("-0.0e0"), false},
      {F("1"), true},
      {I("abc"), false},  // ill-formed numeric: false
      {L("x", "en"), std::nullopt},
      {DT("2002-04-02T12:00:00Z"), std::nullopt},
      {Iri("http://a"), std::nullopt},
      {Blank("b"), std::nullopt},
      {Term::Literal("x", "", "http://example/t"), std::nullopt},
  };
  for (const Row& r : rows) EXPECT_EQ(EffectiveBooleanValue(r.term), r.ebv) << Show(r.term);
}

TEST(InTest, SpecExamples) {
  // §17.4.1.9 and §17.4.1.10.
  RunCases({
      {"2 IN (1,2,3)", Make(K::kIn, {I("2"), I("1"), I("2"), I("3")}), B(true)},
      {"2 IN ()", Make(K::kIn, {I("2")}), B(false)},
      {"2 IN (<iri>, 'str', 2.0)", Make(K::kIn, {I("2"), Iri("http://example/iri"), S("str"), D("2.0")}),
       B(true)},
      {"2 IN (1/0, 2)", Make(K::kIn, {I("2"), Err(), I("2")}), B(true)},
      {"2 IN (2, 1/0)", Make(K::kIn, {I("2"), I("2"), Err()}), B(true)},
      {"2 IN (3, 1/0)", Make(K::kIn, {I("2"), I("3"), Err()}), kError},
      {"2 NOT IN (1,2,3)", Make(K::kNotIn, {I("2"), I("1"), I("2"), I("3")}), B(false)},
      {"2 NOT IN ()", Make(K::kNotIn, {I("2")}), B(true)},
      {"2 NOT IN (<iri>, 'str', 2.0)",
       Make(K::kNotIn, {I("2"), Iri("http://example/iri"), S("str"), D("2.0")}), B(false)},
      {"2 NOT IN (1/0, 2)", Make(K::kNotIn, {I("2"), Err(), I("2")}), B(false)},
      {"2 NOT IN (2, 1/0)", Make(K::kNotIn, {I("2"), I("2"), Err()}), B(false)},
      {"2 NOT IN (3, 1/0)", Make(K::kNotIn, {I("2"), I("3"), Err()}), kError},
  });
}

TEST(VariablesTest, LookupAndExists) {
  FakeContext ctx;
  ctx.vars["x"] = I("2");
  RunCases({
      {"?x", Var("x"), I("2")},
      {"?x + 1", Op(K::kAdd, Var("x"), I("1")), I("3")},
      {"?unbound", Var("y"), kError},
  }, &ctx);

  auto exists = std::make_shared<Expr>();
  exists->kind = K::kExists;
  exists->pattern = std::make_shared<GroupPattern>();
  auto not_exists = std::make_shared<Expr>(*exists);
  not_exists->kind = K::kNotExists;
  ctx.exists = true;
  EXPECT_EQ(Evaluate(*exists, ctx), B(true));
  EXPECT_EQ(Evaluate(*not_exists, ctx), B(false));
  ctx.exists = false;
  EXPECT_EQ(Evaluate(*exists, ctx), B(false));
  ctx.exists = std::nullopt;  // evaluation failed / cancelled
  EXPECT_EQ(Evaluate(*exists, ctx), std::nullopt);
}

TEST(FunctionCallTest, UnknownFunctionIsError) {
  RunCases({
      {"unknown IRI", Fn("http://example/f", {I("1")}), kError},
      {"unknown builtin name", Call("NOPE", {I("1")}), kError},
      {"wrong arity", Call("STRLEN", {S("a"), S("b")}), kError},
  });
}

}  // namespace
}  // namespace kg::sparql::test

// §17.4.1 functional forms, §17.4.2 term functions, §17.4.4 numerics,
// §17.4.5 dates, §17.4.6 hashes; examples from the spec text.
#include <gtest/gtest.h>

#include <regex>

#include "expr_test_util.h"

namespace kg::sparql::test {
namespace {

using K = Expr::Kind;

TEST(FunctionalFormsTest, BoundIfCoalesce) {
  FakeContext ctx;
  ctx.vars["x"] = I("2");
  ctx.vars["z"] = I("0");
  RunCases({
      {"bound", Call("BOUND", {Var("x")}), B(true)},
      {"not bound", Call("BOUND", {Var("y")}), B(false)},
      {"bound of non-variable error", Call("BOUND", {I("1")}), kError},
      // §17.4.1.2 IF examples.
      {"if1", Call("IF", {Op(K::kEq, Var("x"), I("2")), S("yes"), S("no")}), S("yes")},
      {"if2", Call("IF", {Call("BOUND", {Var("y")}), S("yes"), S("no")}), S("no")},
      {"if3", Call("IF", {Op(K::kEq, Var("x"), I("2")), S("yes"), Op(K::kDiv, I("1"), Var("z"))}),
       S("yes")},
      {"if4", Call("IF", {Op(K::kEq, Var("x"), I("1")), S("yes"), Op(K::kDiv, I("1"), Var("z"))}),
       kError},
      {"if5", Call("IF", {Op(K::kGt, S("2"), I("1")), S("yes"), S("no")}), kError},
      {"if EBV of string", Call("IF", {S(""), S("yes"), S("no")}), S("no")},
      // §17.4.1.3 COALESCE examples.
      {"co1", Call("COALESCE", {Var("x"), Err()}), I("2")},
      {"co2", Call("COALESCE", {Err(), Var("x")}), I("2")},
      {"co3", Call("COALESCE", {I("5"), Var("x")}), I("5")},
      {"co4", Call("COALESCE", {Var("y"), I("3")}), I("3")},
      {"co5", Call("COALESCE", {Var("y")}), kError},
      {"co none", Call("COALESCE", {}), kError},
  }, &ctx);
}

TEST(TermFunctionsTest, TestsAndAccessors) {
  RunCases({
      {"isIRI", Call("ISIRI", {Iri("http://a")}), B(true)},
      {"isURI", Call("ISURI", {S("http://a")}), B(false)},
      {"isBlank", Call("ISBLANK", {Blank("b")}), B(true)},
      {"isBlank iri", Call("ISBLANK", {Iri("http://a")}), B(false)},
      {"isLiteral", Call("ISLITERAL", {L("a", "en")}), B(true)},
      {"isLiteral iri", Call("ISLITERAL", {Iri("http://a")}), B(false)},
      // §17.4.2.4 isNUMERIC examples.
      {"isNumeric 12", Call("ISNUMERIC", {I("12")}), B(true)},
      {"isNumeric '12'", Call("ISNUMERIC", {S("12")}), B(false)},
      {"isNumeric byte out of range", Call("ISNUMERIC", {Typed("1200", "byte")}), B(false)},
      {"isNumeric iri", Call("ISNUMERIC", {Iri("http://example/")}), B(false)},
      {"isNumeric double", Call("ISNUMERIC", {Dbl("1e3")}), B(true)},
      {"str literal", Call("STR", {L("chat", "en")}), S("chat")},
      {"str iri", Call("STR", {Iri("http://a/b")}), S("http://a/b")},
      {"str int", Call("STR", {I("01")}), S("01")},
      {"str blank error", Call("STR", {Blank("b")}), kError},
      {"lang", Call("LANG", {L("chat", "en")}), S("en")},
      {"lang none", Call("LANG", {S("chat")}), S("")},
      {"lang iri error", Call("LANG", {Iri("http://a")}), kError},
      {"datatype int", Call("DATATYPE", {I("1")}), Iri(kXsd + "integer")},
      {"datatype simple", Call("DATATYPE", {S("a")}), Iri(kXsd + "string")},
      {"datatype xsd:string", Call("DATATYPE", {XStr("a")}), Iri(kXsd + "string")},
      {"datatype tagged", Call("DATATYPE", {L("a", "en")}),
       Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")},
      {"datatype iri error", Call("DATATYPE", {Iri("http://a")}), kError},
      // §17.4.1.8 sameTerm.
      {"sameTerm", Call("SAMETERM", {S("a"), XStr("a")}), B(true)},
      {"sameTerm 1 01", Call("SAMETERM", {I("1"), I("01")}), B(false)},
      {"sameTerm unknown types", Call("SAMETERM", {Term::Literal("a", "", "http://t"), Term::Literal("b", "", "http://t")}),
       B(false)},
      {"sameTerm iri", Call("SAMETERM", {Iri("http://a"), Iri("http://a")}), B(true)},
      // §17.4.2.10/11 STRDT / STRLANG.
      {"strdt", Call("STRDT", {S("123"), Iri(kXsd + "integer")}), I("123")},
      {"strdt custom", Call("STRDT", {S("iiii"), Iri("http://example/romanNumeral")}),
       Term::Literal("iiii", "", "http://example/romanNumeral")},
      {"strdt tagged error", Call("STRDT", {L("a", "en"), Iri(kXsd + "string")}), kError},
      {"strdt non-IRI error", Call("STRDT", {S("a"), S("http://t")}), kError},
      {"strlang", Call("STRLANG", {S("chat"), S("en")}), L("chat", "en")},
      {"strlang lowercases", Call("STRLANG", {S("chat"), S("en-GB")}), L("chat", "en-gb")},
      {"strlang tagged error", Call("STRLANG", {L("chat", "fr"), S("en")}), kError},
      {"strlang empty tag error", Call("STRLANG", {S("chat"), S("")}), kError},
      {"strlang bad tag error", Call("STRLANG", {S("chat"), S("e n")}), kError},
  });
}

TEST(TermFunctionsTest, IriResolution) {
  FakeContext ctx;
  ctx.base = "http://example.org/a/b/c?q#f";
  RunCases({
      {"absolute", Call("IRI", {S("http://x/y")}), Iri("http://x/y")},
      {"iri passes", Call("URI", {Iri("http://x/y")}), Iri("http://x/y")},
      {"relative", Call("IRI", {S("d")}), Iri("http://example.org/a/b/d")},
      {"dot dot", Call("IRI", {S("../d")}), Iri("http://example.org/a/d")},
      {"absolute path", Call("IRI", {S("/d")}), Iri("http://example.org/d")},
      {"fragment only", Call("IRI", {S("#g")}), Iri("http://example.org/a/b/c?q#g")},
      {"network path", Call("IRI", {S("//other/x")}), Iri("http://other/x")},
      {"int error", Call("IRI", {I("1")}), kError},
      {"tagged error", Call("IRI", {L("x", "en")}), kError},
  }, &ctx);
  FakeContext nobase;
  EXPECT_EQ(Evaluate(*Call("IRI", {S("rel")}), nobase), Iri("rel"));
}

TEST(TermFunctionsTest, BnodeUuidStruuid) {
  FakeContext ctx;
  auto a = Evaluate(*Call("BNODE", {}), ctx), b = Evaluate(*Call("BNODE", {}), ctx);
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->is_blank());
  EXPECT_NE(a, b);
  auto k1 = Evaluate(*Call("BNODE", {S("k")}), ctx), k2 = Evaluate(*Call("BNODE", {S("k")}), ctx);
  EXPECT_TRUE(k1 && k1->is_blank());
  EXPECT_EQ(k1, k2);
  EXPECT_EQ(Evaluate(*Call("BNODE", {I("1")}), ctx), std::nullopt);

  std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  auto u = Evaluate(*Call("UUID", {}), ctx);
  ASSERT_TRUE(u && u->is_iri());
  ASSERT_TRUE(u->value.starts_with("urn:uuid:"));
  EXPECT_TRUE(std::regex_match(u->value.substr(9), v4)) << u->value;
  auto s = Evaluate(*Call("STRUUID", {}), ctx), s2 = Evaluate(*Call("STRUUID", {}), ctx);
  ASSERT_TRUE(s && s->is_literal());
  EXPECT_TRUE(s->datatype.empty() && s->language.empty());
  EXPECT_TRUE(std::regex_match(s->value, v4)) << s->value;
  EXPECT_NE(s, s2);
}

TEST(NumericFunctionsTest, SpecExamples) {
  RunCases({
      {"abs 1", Call("ABS", {I("1")}), I("1")},
      {"abs -1.5", Call("ABS", {D("-1.5")}), D("1.5")},
      {"abs -int", Call("ABS", {I("-7")}), I("7")},
      {"abs double", Call("ABS", {Dbl("-2")}), Dbl("2.0E0")},
      {"round 2.4999", Call("ROUND", {D("2.4999")}), D("2.0")},
      {"round 2.5", Call("ROUND", {D("2.5")}), D("3.0")},
      {"round -2.5", Call("ROUND", {D("-2.5")}), D("-2.0")},
      {"round int", Call("ROUND", {I("3")}), I("3")},
      {"round double", Call("ROUND", {Dbl("2.5")}), Dbl("3.0E0")},
      {"ceil 10.5", Call("CEIL", {D("10.5")}), D("11.0")},
      {"ceil -10.5", Call("CEIL", {D("-10.5")}), D("-10.0")},
      {"floor 10.5", Call("FLOOR", {D("10.5")}), D("10.0")},
      {"floor -10.5", Call("FLOOR", {D("-10.5")}), D("-11.0")},
      {"floor float", Call("FLOOR", {F("1.5")}), F("1.0E0")},
      {"abs string error", Call("ABS", {S("1")}), kError},
  });
  for (int k = 0; k < 100; ++k) {
    auto r = Eval(Call("RAND", {}));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->datatype, kXsd + "double");
    double v = std::stod(r->value);
    EXPECT_GE(v, 0.0);
    EXPECT_LT(v, 1.0);
  }
}

TEST(DateTimeFunctionsTest, SpecExamples) {
  Term t = DT("2011-01-10T14:45:13.815-05:00");
  FakeContext ctx;
  RunCases({
      {"year", Call("YEAR", {t}), I("2011")},
      {"month", Call("MONTH", {t}), I("1")},
      {"day", Call("DAY", {t}), I("10")},
      {"hours", Call("HOURS", {t}), I("14")},
      {"minutes", Call("MINUTES", {t}), I("45")},
      {"seconds", Call("SECONDS", {t}), D("13.815")},
      {"seconds whole", Call("SECONDS", {DT("2011-01-10T14:45:05Z")}), D("5.0")},
      {"timezone", Call("TIMEZONE", {t}), Typed("-PT5H", "dayTimeDuration")},
      {"timezone Z", Call("TIMEZONE", {DT("2011-01-10T14:45:13.815Z")}), Typed("PT0S", "dayTimeDuration")},
      {"timezone +05:30", Call("TIMEZONE", {DT("2011-01-10T14:45:13+05:30")}),
       Typed("PT5H30M", "dayTimeDuration")},
      {"timezone none error", Call("TIMEZONE", {DT("2011-01-10T14:45:13.815")}), kError},
      {"tz", Call("TZ", {t}), S("-05:00")},
      {"tz Z", Call("TZ", {DT("2011-01-10T14:45:13.815Z")}), S("Z")},
      {"tz none", Call("TZ", {DT("2011-01-10T14:45:13.815")}), S("")},
      {"year negative", Call("YEAR", {DT("-0044-03-15T12:00:00")}), I("-44")},
      {"24:00 is next day", Call("DAY", {DT("2011-01-10T24:00:00")}), I("11")},
      {"year of string error", Call("YEAR", {S("2011-01-10T14:45:13Z")}), kError},
      {"year ill-formed error", Call("YEAR", {DT("2011-13-10T14:45:13Z")}), kError},
      {"now", Call("NOW", {}), DT("2024-05-06T07:08:09.5Z")},
  }, &ctx);
}

TEST(HashFunctionsTest, SpecExamples) {
  RunCases({
      {"md5", Call("MD5", {S("abc")}), S("900150983cd24fb0d6963f7d28e17f72")},
      {"md5 xsd:string", Call("MD5", {XStr("abc")}), S("900150983cd24fb0d6963f7d28e17f72")},
      {"sha1", Call("SHA1", {S("abc")}), S("a9993e364706816aba3e25717850c26c9cd0d89d")},
      {"sha256", Call("SHA256", {S("abc")}),
       S("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")},
      {"sha384", Call("SHA384", {S("abc")}),
       S("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")},
      {"sha512", Call("SHA512", {S("abc")}),
       S("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")},
      {"md5 utf-8", Call("MD5", {S("é")}), S("66ddcd97cfdeabb2f6fb8a999b4bc76f")},
      {"md5 tagged error", Call("MD5", {L("abc", "en")}), kError},
      {"md5 int error", Call("MD5", {I("1")}), kError},
  });
}

}  // namespace
}  // namespace kg::sparql::test

// §17.4.3 string functions, mostly the spec's own examples, plus Unicode
// (code point) behaviour, REGEX/REPLACE flags and errors.
#include <gtest/gtest.h>

#include "expr_test_util.h"

namespace kg::sparql::test {
namespace {

TEST(StringFunctionsTest, StrlenSubstr) {
  RunCases({
      {"strlen", Call("STRLEN", {S("chat")}), I("4")},
      {"strlen @en", Call("STRLEN", {L("chat", "en")}), I("4")},
      {"strlen xsd:string", Call("STRLEN", {XStr("chat")}), I("4")},
      {"strlen code points", Call("STRLEN", {S("été😀")}), I("4")},
      {"strlen of int error", Call("STRLEN", {I("1")}), kError},
      {"substr 4", Call("SUBSTR", {S("foobar"), I("4")}), S("bar")},
      {"substr @en", Call("SUBSTR", {L("foobar", "en"), I("4")}), L("bar", "en")},
      {"substr xsd:string", Call("SUBSTR", {XStr("foobar"), I("4")}), S("bar")},
      {"substr 4 1", Call("SUBSTR", {S("foobar"), I("4"), I("1")}), S("b")},
      {"substr @en 4 1", Call("SUBSTR", {L("foobar", "en"), I("4"), I("1")}), L("b", "en")},
      {"substr unicode", Call("SUBSTR", {S("ééxé"), I("2"), I("2")}), S("éx")},
      {"substr start 0", Call("SUBSTR", {S("12345"), I("0"), I("3")}), S("12")},
      {"substr rounding", Call("SUBSTR", {S("12345"), D("1.5"), D("2.6")}), S("234")},
      {"substr negative", Call("SUBSTR", {S("12345"), I("-3"), I("5")}), S("1")},
      {"substr past end", Call("SUBSTR", {S("abc"), I("10")}), S("")},
      {"substr NaN", Call("SUBSTR", {S("abc"), Dbl("NaN")}), S("")},
      {"substr string start error", Call("SUBSTR", {S("abc"), S("1")}), kError},
  });
}

TEST(StringFunctionsTest, CaseMapping) {
  RunCases({
      {"ucase", Call("UCASE", {S("foo")}), S("FOO")},
      {"ucase @en", Call("UCASE", {L("foo", "en")}), L("FOO", "en")},
      {"lcase", Call("LCASE", {S("BAR")}), S("bar")},
      {"lcase @en", Call("LCASE", {L("BAR", "en")}), L("bar", "en")},
      {"ucase latin-1", Call("UCASE", {S("crème brûlée")}), S("CRÈME BRÛLÉE")},
      {"lcase latin ext", Call("LCASE", {S("ŁÓDŹ")}), S("łódź")},
      {"ucase greek", Call("UCASE", {S("αβγ")}), S("ΑΒΓ")},
      {"ucase IRI error", Call("UCASE", {Iri("http://a")}), kError},
  });
}

TEST(StringFunctionsTest, StartsEndsContainsCompatibility) {
  RunCases({
      // §17.4.3.7 STRSTARTS examples.
      {"1", Call("STRSTARTS", {S("foobar"), S("foo")}), B(true)},
      {"2", Call("STRSTARTS", {L("foobar", "en"), L("foo", "en")}), B(true)},
      {"3", Call("STRSTARTS", {XStr("foobar"), XStr("foo")}), B(true)},
      {"4", Call("STRSTARTS", {XStr("foobar"), S("foo")}), B(true)},
      {"5", Call("STRSTARTS", {S("foobar"), XStr("foo")}), B(true)},
      {"6", Call("STRSTARTS", {L("foobar", "en"), S("foo")}), B(true)},
      {"7", Call("STRSTARTS", {L("foobar", "en"), XStr("foo")}), B(true)},
      {"simple vs @en error", Call("STRSTARTS", {S("foobar"), L("foo", "en")}), kError},
      {"@en vs @fr error", Call("STRSTARTS", {L("foobar", "en"), L("foo", "fr")}), kError},
      {"false", Call("STRSTARTS", {S("foobar"), S("bar")}), B(false)},
      // §17.4.3.8 STRENDS.
      {"ends 1", Call("STRENDS", {S("foobar"), S("bar")}), B(true)},
      {"ends 2", Call("STRENDS", {L("foobar", "en"), L("bar", "en")}), B(true)},
      {"ends 6", Call("STRENDS", {L("foobar", "en"), S("bar")}), B(true)},
      {"ends false", Call("STRENDS", {S("foobar"), S("foo")}), B(false)},
      {"ends int error", Call("STRENDS", {S("foobar"), I("1")}), kError},
      // §17.4.3.9 CONTAINS.
      {"contains 1", Call("CONTAINS", {S("foobar"), S("bar")}), B(true)},
      {"contains 2", Call("CONTAINS", {L("foobar", "en"), L("foo", "en")}), B(true)},
      {"contains 3", Call("CONTAINS", {XStr("foobar"), XStr("bar")}), B(true)},
      {"contains false", Call("CONTAINS", {S("foobar"), S("xyz")}), B(false)},
      {"contains empty", Call("CONTAINS", {S("foobar"), S("")}), B(true)},
  });
}

TEST(StringFunctionsTest, StrbeforeStrafter) {
  RunCases({
      // §17.4.3.10 STRBEFORE examples.
      {"b1", Call("STRBEFORE", {S("abc"), S("b")}), S("a")},
      {"b2", Call("STRBEFORE", {L("abc", "en"), S("bc")}), L("a", "en")},
      {"b3", Call("STRBEFORE", {L("abc", "en"), L("b", "cy")}), kError},
      {"b4", Call("STRBEFORE", {XStr("abc"), S("")}), S("")},
      {"b5", Call("STRBEFORE", {S("abc"), S("xyz")}), S("")},
      {"b6", Call("STRBEFORE", {L("abc", "en"), L("z", "en")}), S("")},
      {"b7", Call("STRBEFORE", {L("abc", "en"), S("z")}), S("")},
      {"b8", Call("STRBEFORE", {L("abc", "en"), L("", "en")}), L("", "en")},
      {"b9", Call("STRBEFORE", {L("abc", "en"), S("")}), L("", "en")},
      // §17.4.3.11 STRAFTER examples.
      {"a1", Call("STRAFTER", {S("abc"), S("b")}), S("c")},
      {"a2", Call("STRAFTER", {L("abc", "en"), S("ab")}), L("c", "en")},
      {"a3", Call("STRAFTER", {L("abc", "en"), L("b", "cy")}), kError},
      {"a4", Call("STRAFTER", {XStr("abc"), S("")}), S("abc")},
      {"a5", Call("STRAFTER", {S("abc"), S("xyz")}), S("")},
      {"a6", Call("STRAFTER", {L("abc", "en"), L("z", "en")}), S("")},
      {"a7", Call("STRAFTER", {L("abc", "en"), S("z")}), S("")},
      {"a8", Call("STRAFTER", {L("abc", "en"), L("", "en")}), L("abc", "en")},
      {"a9", Call("STRAFTER", {L("abc", "en"), S("")}), L("abc", "en")},
  });
}

TEST(StringFunctionsTest, EncodeConcatLangmatches) {
  RunCases({
      {"encode", Call("ENCODE_FOR_URI", {S("Los Angeles")}), S("Los%20Angeles")},
      {"encode @en", Call("ENCODE_FOR_URI", {L("Los Angeles", "en")}), S("Los%20Angeles")},
      {"encode xsd:string", Call("ENCODE_FOR_URI", {XStr("Los Angeles")}), S("Los%20Angeles")},
      {"encode utf-8 and reserved", Call("ENCODE_FOR_URI", {S("é/a~b_c.d-e?")}), S("%C3%A9%2Fa~b_c.d-e%3F")},
      // §17.4.3.12 CONCAT examples.
      {"c1", Call("CONCAT", {S("foo"), S("bar")}), S("foobar")},
      {"c2", Call("CONCAT", {L("foo", "en"), L("bar", "en")}), L("foobar", "en")},
      {"c3", Call("CONCAT", {XStr("foo"), XStr("bar")}), S("foobar")},
      {"c4", Call("CONCAT", {S("foo"), XStr("bar")}), S("foobar")},
      {"c5", Call("CONCAT", {L("foo", "en"), S("bar")}), S("foobar")},
      {"c6", Call("CONCAT", {L("foo", "en"), XStr("bar")}), S("foobar")},
      {"c7 different tags", Call("CONCAT", {L("foo", "en"), L("bar", "fr")}), S("foobar")},
      {"no args", Call("CONCAT", {}), S("")},
      {"int arg error", Call("CONCAT", {S("a"), I("1")}), kError},
      // §17.4.3.13 LANGMATCHES (RFC 4647 basic filtering).
      {"lm FR", Call("LANGMATCHES", {S("fr"), S("FR")}), B(true)},
      {"lm fr-BE", Call("LANGMATCHES", {S("fr-BE"), S("FR")}), B(true)},
      {"lm en", Call("LANGMATCHES", {S("fr"), S("en")}), B(false)},
      {"lm prefix not at boundary", Call("LANGMATCHES", {S("french"), S("fr")}), B(false)},
      {"lm *", Call("LANGMATCHES", {S("de"), S("*")}), B(true)},
      {"lm * empty", Call("LANGMATCHES", {S(""), S("*")}), B(false)},
      {"lm of lang()", Call("LANGMATCHES", {Call("LANG", {L("Cette Série", "fr")}), S("FR")}), B(true)},
      {"lm tagged arg error", Call("LANGMATCHES", {L("fr", "en"), S("fr")}), kError},
  });
}

TEST(RegexTest, MatchAndFlags) {
  RunCases({
      {"^ali i", Call("REGEX", {S("Alice"), S("^ali"), S("i")}), B(true)},
      {"^ali", Call("REGEX", {S("Alice"), S("^ali")}), B(false)},
      {"@en text", Call("REGEX", {L("Alice", "en"), S("lic")}), B(true)},
      {"xsd:string pattern", Call("REGEX", {S("Alice"), XStr("lic")}), B(true)},
      {"s flag", Call("REGEX", {S("a\nb"), S("a.b"), S("s")}), B(true)},
      {"no s flag", Call("REGEX", {S("a\nb"), S("a.b")}), B(false)},
      {"m flag", Call("REGEX", {S("x\nab"), S("^ab"), S("m")}), B(true)},
      {"no m flag", Call("REGEX", {S("x\nab"), S("^ab")}), B(false)},
      {"$ only at end", Call("REGEX", {S("ab\n"), S("ab$")}), B(false)},
      {"x flag", Call("REGEX", {S("abc"), S("a b c"), S("x")}), B(true)},
      {"x keeps class space", Call("REGEX", {S("a c"), S("a[ ]c"), S("x")}), B(true)},
      {"q flag", Call("REGEX", {S("a.c"), S("."), S("q")}), B(true)},
      {"q flag literal", Call("REGEX", {S("abc"), S("a.c"), S("q")}), B(false)},
      {"iq", Call("REGEX", {S("A.C"), S("a.c"), S("iq")}), B(true)},
      {"unicode dot", Call("REGEX", {S("é"), S("^.$")}), B(true)},
      {"unicode caseless", Call("REGEX", {S("ÉTÉ"), S("été"), S("i")}), B(true)},
      {"bad flag", Call("REGEX", {S("a"), S("a"), S("z")}), kError},
      {"bad pattern", Call("REGEX", {S("a"), S("(")}), kError},
      {"tagged pattern error", Call("REGEX", {S("a"), L("a", "en")}), kError},
      {"IRI text error", Call("REGEX", {Iri("http://a"), S("a")}), kError},
  });
}

TEST(RegexTest, Replace) {
  RunCases({
      // §17.4.3.15 examples.
      {"r1", Call("REPLACE", {S("abcd"), S("b"), S("Z")}), S("aZcd")},
      {"r2", Call("REPLACE", {S("abab"), S("B"), S("Z"), S("i")}), S("aZaZ")},
      {"r3", Call("REPLACE", {S("abab"), S("B."), S("Z"), S("i")}), S("aZb")},
      // XPath F&O fn:replace examples.
      {"x1", Call("REPLACE", {S("abracadabra"), S("bra"), S("*")}), S("a*cada*")},
      {"x2", Call("REPLACE", {S("abracadabra"), S("a.*a"), S("*")}), S("*")},
      {"x3", Call("REPLACE", {S("abracadabra"), S("a.*?a"), S("*")}), S("*c*bra")},
      {"x4", Call("REPLACE", {S("abracadabra"), S("a"), S("")}), S("brcdbr")},
      {"x5", Call("REPLACE", {S("abracadabra"), S("a(.)"), S("a$1$1")}), S("abbraccaddabbra")},
      {"x6 empty match error", Call("REPLACE", {S("abracadabra"), S(".*?"), S("$1")}), kError},
      {"x7", Call("REPLACE", {S("AAAA"), S("A+"), S("b")}), S("b")},
      {"x8", Call("REPLACE", {S("AAAA"), S("A+?"), S("b")}), S("bbbb")},
      {"x9", Call("REPLACE", {S("darted"), S("^(.*?)d(.*)$"), S("$1c$2")}), S("carted")},
      {"keeps language", Call("REPLACE", {L("abc", "en"), S("b"), S("x")}), L("axc", "en")},
      {"escaped dollar", Call("REPLACE", {S("a"), S("a"), S("\\$")}), S("$")},
      {"bad replacement", Call("REPLACE", {S("a"), S("a"), S("$")}), kError},
      {"bad backslash", Call("REPLACE", {S("a"), S("a"), S("\\n")}), kError},
      {"q replacement literal", Call("REPLACE", {S("a.b"), S("."), S("$1"), S("q")}), S("a$1b")},
      {"unicode", Call("REPLACE", {S("éaé"), S("é"), S("e")}), S("eae")},
  });
}

}  // namespace
}  // namespace kg::sparql::test

// Literals, string escapes, codepoint escapes, prefixed-name escapes, numbers.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

Term Object(const std::string& obj, const std::string& prologue = "") {
  Query q = MustParse(prologue + "SELECT * { ?s ?p " + obj + " }");
  auto t = FirstTriples(q);
  return t.empty() ? Term{} : T(t[0].object);
}

TEST(Literals, StringForms) {
  EXPECT_EQ(Object("'single'").value, "single");
  EXPECT_EQ(Object("\"double\"").value, "double");
  EXPECT_EQ(Object("'''long\n'single' ''x'''").value, "long\n'single' ''x");
  EXPECT_EQ(Object("\"\"\"long \"\"quote\"\"\" ").value, "long \"\"quote");
  EXPECT_EQ(Object("''''''").value, "");
  EXPECT_EQ(Object("\"\"\"a\"\"\"\"").value, "a\"");  // a quote right before the closing three
  EXPECT_TRUE(Object("'x'").datatype.empty());
}

TEST(Literals, Escapes) {
  EXPECT_EQ(Object(R"("\t\n\r\b\f\"\'\\")").value, "\t\n\r\b\f\"'\\");
  EXPECT_EQ(Object(R"("\u00E9\U0001F46A")").value, "\xC3\xA9\xF0\x9F\x91\xAA");
  QueryError(R"(SELECT * { ?s ?p "\q" })");
  QueryError(R"(SELECT * { ?s ?p "\u12" })");
  QueryError(R"(SELECT * { ?s ?p "\uD800" })");   // a surrogate is no character
  QueryError("SELECT * { ?s ?p \"line\nbreak\" }");  // short strings are one line
  QueryError("SELECT * { ?s ?p \"open }");
}

TEST(Literals, CodepointEscapesInIrisAndNames) {
  EXPECT_EQ(Object("<http://e/\\u0041>").value, "http://e/A");
  EXPECT_EQ(Object("ex:\\u0041b", "PREFIX ex: <http://e/> ").value, "http://e/Ab");
  QueryError("SELECT * { ?s ?p <http://e/\\u0020> }");  // decodes to a space
  QueryError("SELECT * { ?s ?p \\u005cU00000031 }");    // one pass only (W3C bad-04)
}

TEST(Literals, LanguageAndDatatype) {
  Term t = Object("'chat'@en-GB");
  EXPECT_EQ(t.language, "en-gb");
  EXPECT_TRUE(t.datatype.empty());
  t = Object("'1'^^<http://www.w3.org/2001/XMLSchema#int>");
  EXPECT_EQ(t.datatype, kXsd + "int");
  t = Object("'s'^^xsd:string", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ");
  EXPECT_TRUE(t.datatype.empty());  // xsd:string is the simple literal (RDF 1.1)
}

TEST(Literals, Numbers) {
  struct Case { const char* text; const char* lex; const char* dt; };
  const Case cases[] = {
      {"1", "1", "integer"}, {"+01", "+01", "integer"}, {"-5", "-5", "integer"},
      {"1.5", "1.5", "decimal"}, {".5", ".5", "decimal"}, {"-.5", "-.5", "decimal"},
      {"1e3", "1e3", "double"}, {"1.E-3", "1.E-3", "double"}, {".5e+2", ".5e+2", "double"},
      {"-1.0e0", "-1.0e0", "double"},
  };
  for (const Case& c : cases) {
    Term t = Object(c.text);
    EXPECT_EQ(t.value, c.lex) << c.text;
    EXPECT_EQ(t.datatype, kXsd + c.dt) << c.text;
  }
  // "1." is the integer 1 followed by the triple's '.'.
  Query q = MustParse("SELECT * { ?s ?p 1. ?s ?q 2 }");
  EXPECT_EQ(FirstTriples(q).size(), 2u);
}

TEST(Literals, Booleans) {
  Term t = Object("true");
  EXPECT_EQ(t.value, "true");
  EXPECT_EQ(t.datatype, kXsd + "boolean");
  EXPECT_EQ(Object("false").value, "false");
}

TEST(Literals, PrefixedNameLocalEscapesAndPercent) {
  const std::string p = "PREFIX ex: <http://e/> ";
  EXPECT_EQ(Object("ex:a\\.b\\~c", p).value, "http://e/a.b~c");
  EXPECT_EQ(Object("ex:%41b", p).value, "http://e/%41b");  // %-encoding is kept
  EXPECT_EQ(Object("ex:1a", p).value, "http://e/1a");      // may start with a digit
  EXPECT_EQ(Object("ex:a:b", p).value, "http://e/a:b");
  EXPECT_EQ(Object("ex:a.b", p).value, "http://e/a.b");
  QueryError(p + "SELECT * { ?s ?p ex:%4 }");
  QueryError(p + "SELECT * { ?s ?p ex:a\\u }");
  // A trailing '.' ends the triple, it is not part of the name.
  Query q = MustParse(p + "SELECT * { ?s ?p ex:a. }");
  EXPECT_EQ(T(FirstTriples(q)[0].object).value, "http://e/a");
}

TEST(Literals, Variables) {
  Query q = MustParse("SELECT ?x $y { ?x ?p $y }");
  ASSERT_EQ(q.projection.size(), 2u);
  EXPECT_EQ(q.projection[1].var.name, "y");
  EXPECT_EQ(V(FirstTriples(q)[0].object), "y");
}

}  // namespace
}  // namespace kg::sparql

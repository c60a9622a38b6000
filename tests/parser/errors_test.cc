// Error positions and messages, depth limits, and robustness on bad input.
#include <random>

#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

TEST(Errors, LineAndColumnOfOffendingToken) {
  Error e = QueryError("SELECT * WHERE {\n ?s ?p \n}");
  EXPECT_EQ(e.code, Error::Code::kSyntax);
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 1);
  EXPECT_NE(e.message.find("unexpected '}'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("expected"), std::string::npos);

  e = QueryError("SELECT *\nWHERE { ?s ?p ?o\n  FILTER(?o > ) }");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 15);

  e = QueryError("SELECT * { ?s ?p \"unterminated }");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 18);
  EXPECT_NE(e.message.find("unterminated"), std::string::npos);
}

TEST(Errors, ColumnsCountCodePoints) {
  Error e = QueryError("SELECT * { ?s ?p \"\xC3\xA9\xC3\xA9\" ?x }");
  EXPECT_EQ(e.column, 23);
}

TEST(Errors, ToStringHasPosition) {
  Error e = QueryError("SELECT * {\n  ?s ?p ?o .\n  ?s ?p\n}");
  EXPECT_NE(e.ToString().find("(line 4, column 1)"), std::string::npos) << e.ToString();
}

TEST(Errors, MessagesNameWhatWasExpected) {
  EXPECT_NE(QueryError("").message.find("SELECT, CONSTRUCT, DESCRIBE or ASK"), std::string::npos);
  EXPECT_NE(QueryError("SELECT * {} garbage").message.find("'garbage'"), std::string::npos);
  EXPECT_NE(QueryError("SELECT * { ?s ?p ?o } LIMIT x").message.find("unsigned integer"),
            std::string::npos);
  EXPECT_NE(UpdateError("FROB").message.find("update operation"), std::string::npos);
}

TEST(Errors, LexicalErrors) {
  QueryError("SELECT * { ?s ?p ?o } \x01");
  QueryError("SELECT * { ?s ?p \"\xFF\" }");  // invalid UTF-8
  QueryError("SELECT * { ?s ?p 'a'@ }");
  QueryError("SELECT * { ?s ?p _: }");
  QueryError("SELECT * { ?s ?p ?o FILTER(?o & 1) }");
  QueryError("SELECT $ {}");
  QueryError("SELECT * { ?s ?p <http://e/a b> }");
}

TEST(Errors, NestingDepthIsBounded) {
  auto nested = [](int n, const std::string& open, const std::string& mid,
                   const std::string& close) {
    std::string s;
    for (int i = 0; i < n; ++i) s += open;
    s += mid;
    for (int i = 0; i < n; ++i) s += close;
    return s;
  };
  // 1000 levels of each recursive construct is an error, not a crash.
  EXPECT_NE(QueryError("SELECT * " + nested(1000, "{", "", "}")).message.find("nested too deeply"),
            std::string::npos);
  QueryError("SELECT * { FILTER(" + nested(1000, "(", "1", ")") + ") }");
  QueryError("SELECT * { FILTER(" + nested(1000, "!", "1", "") + ") }");
  QueryError("SELECT * { ?s ?p " + nested(1000, "(", "1", ")") + " }");
  QueryError("SELECT * { ?s ?p " + nested(1000, "[ <http://e/p> ", "1", "]") + " }");
  QueryError("SELECT * { ?s " + nested(1000, "(", "<http://e/p>", ")") + " ?o }");
  QueryError("SELECT * { FILTER(" + nested(1000, "EXISTS {FILTER(", "1", ")}") + ") }");
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  QueryError("SELECT * { FILTER(" + chain + ") }");
  // Moderate nesting is fine.
  MustParse("SELECT * " + nested(100, "{", "", "}"));
  MustParse("SELECT * { FILTER(" + nested(100, "(", "1", ")") + ") }");
}

TEST(Errors, LongFlatInputsAreFine) {
  std::string list = "(";
  for (int i = 0; i < 20000; ++i) list += " 1";
  list += ")";
  MustParse("SELECT * { ?s ?p " + list + " }");
  std::string unions = "{ ?s ?p ?o }";
  for (int i = 0; i < 5000; ++i) unions += " UNION { ?s ?p ?o }";
  MustParse("SELECT * { " + unions + " }");
}

TEST(Errors, RandomMutationsNeverCrash) {
  const std::string seeds[] = {
      "PREFIX : <http://e/> SELECT ?s (COUNT(*) AS ?c) { ?s :p/:q* [ :r (1 2) ] "
      "OPTIONAL { ?s :x ?y FILTER(?y > 1 && REGEX(?y, 'a')) } } GROUP BY ?s ORDER BY DESC(?c)",
      "PREFIX : <http://e/> DELETE { ?s :p ?o } INSERT { ?s :q '''x''' } WHERE { ?s :p ?o }",
  };
  std::mt19937 rng(42);
  const std::string alphabet = "{}()[]<>?$:;,.'\"\\#@^|/*+!=-_ aAzZ019\n";
  for (const std::string& seed : seeds) {
    for (int i = 0; i < 3000; ++i) {
      std::string s = seed;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < edits && !s.empty(); ++k) {
        std::size_t at = rng() % s.size();
        switch (rng() % 3) {
          case 0: s.erase(at, 1 + rng() % 3); break;
          case 1: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
          default: s[at] = alphabet[rng() % alphabet.size()]; break;
        }
      }
      (void)ParseQuery(s);
      (void)ParseUpdate(s);
    }
  }
}

}  // namespace
}  // namespace kg::sparql

// Expression grammar [110]-[129]: precedence, builtins, functions, EXISTS, IN.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

std::string E(const std::string& expr) {
  Query q = MustParse("PREFIX : <http://e/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
                      "SELECT * { ?s ?p ?o FILTER(" + expr + ") }");
  return q.where ? Show(FirstFilter(q)) : "parse error";
}

TEST(Expressions, Precedence) {
  EXPECT_EQ(E("?a || ?b && ?c"), "(|| ?a (&& ?b ?c))");
  EXPECT_EQ(E("?a && ?b || ?c"), "(|| (&& ?a ?b) ?c)");
  EXPECT_EQ(E("?a = ?b && ?c < ?d"), "(&& (= ?a ?b) (< ?c ?d))");
  EXPECT_EQ(E("?a + ?b * ?c = ?d"), "(= (+ ?a (* ?b ?c)) ?d)");
  EXPECT_EQ(E("?a - ?b - ?c"), "(- (- ?a ?b) ?c)");
  EXPECT_EQ(E("?a / ?b * ?c"), "(* (/ ?a ?b) ?c)");
  EXPECT_EQ(E("!?a && -?b"), "(&& (! ?a) (neg ?b))");
  EXPECT_EQ(E("(?a || ?b) && ?c"), "(&& (|| ?a ?b) ?c)");
  EXPECT_EQ(E("?a != ?b"), "(!= ?a ?b)");
  EXPECT_EQ(E("?a <= 1 || ?a >= 2 || ?a > 3"), "(|| (|| (<= ?a 1) (>= ?a 2)) (> ?a 3))");
  EXPECT_EQ(E("+?a"), "(pos ?a)");
}

TEST(Expressions, SignedLiteralsAreAdditions) {
  // "?a -1" is two tokens, ?a and the literal -1: [116] makes it ?a - 1.
  EXPECT_EQ(E("?a -1 = 0"), "(= (- ?a 1) 0)");
  EXPECT_EQ(E("?a +2*3"), "(+ ?a (* 2 3))");
  EXPECT_EQ(E("?a = -1"), "(= ?a -1)");
  EXPECT_EQ(E("1-1"), "(- 1 1)");
}

TEST(Expressions, InAndNotIn) {
  EXPECT_EQ(E("?a IN (1, 2)"), "(in ?a 1 2)");
  EXPECT_EQ(E("?a NOT IN ()"), "(notin ?a)");
  EXPECT_EQ(E("?a + 1 in (?b)"), "(in (+ ?a 1) ?b)");
}

TEST(Expressions, BuiltinsUpperCaseNames) {
  EXPECT_EQ(E("regex(str(?o), 'x', 'i')"), "(REGEX (STR ?o) x i)");
  EXPECT_EQ(E("isIRI(?o) && sameTerm(?a, ?b)"), "(&& (ISIRI ?o) (SAMETERM ?a ?b))");
  EXPECT_EQ(E("bound(?x)"), "(BOUND ?x)");
  EXPECT_EQ(E("BNODE() || BNODE('x')"), "(|| (BNODE) (BNODE x))");
  EXPECT_EQ(E("CONCAT() = COALESCE(?a, 1)"), "(= (CONCAT) (COALESCE ?a 1))");
  EXPECT_EQ(E("IF(?a, 1, 2)"), "(IF ?a 1 2)");
  EXPECT_EQ(E("SUBSTR(?a, 1) = REPLACE(?a, 'a', 'b', 'i')"),
            "(= (SUBSTR ?a 1) (REPLACE ?a a b i))");
  for (const char* zero : {"RAND()", "NOW()", "UUID()", "STRUUID()"})
    EXPECT_NE(E(std::string(zero) + " = 1"), "parse error");
  for (const char* one : {"STR", "LANG", "DATATYPE", "IRI", "URI", "ABS", "CEIL", "FLOOR",
                          "ROUND", "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI", "YEAR",
                          "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ",
                          "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "isURI", "isBLANK",
                          "isLITERAL", "isNUMERIC"})
    EXPECT_EQ(E(std::string(one) + "(?x)").substr(0, 1), "(") << one;
  for (const char* two : {"LANGMATCHES", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE",
                          "STRAFTER", "STRLANG", "STRDT"})
    EXPECT_EQ(E(std::string(two) + "(?x, ?y)").substr(0, 1), "(") << two;
}

TEST(Expressions, BuiltinArity) {
  EXPECT_NE(QueryError("SELECT * { FILTER(STR(?a, ?b)) }").message.find("STR takes 1"),
            std::string::npos);
  QueryError("SELECT * { FILTER(IF(?a, ?b)) }");
  QueryError("SELECT * { FILTER(REGEX(?a)) }");
  QueryError("SELECT * { FILTER(NOW(1)) }");
  QueryError("SELECT * { FILTER(BOUND(1)) }");
  QueryError("SELECT * { FILTER(NOSUCH(?a)) }");
}

TEST(Expressions, FunctionCallsAndCasts) {
  EXPECT_EQ(E("xsd:integer(?o) = :f(?a, ?b)"),
            "(= (<http://www.w3.org/2001/XMLSchema#integer> ?o) (<http://e/f> ?a ?b))");
  EXPECT_EQ(E(":f()"), "(<http://e/f>)");
  EXPECT_EQ(E("?o = :c"), "(= ?o http://e/c)");
  QueryError("PREFIX : <http://e/> SELECT * { FILTER :c }");  // a Constraint needs a call
}

TEST(Expressions, ExistsAndNotExists) {
  EXPECT_EQ(E("EXISTS { ?s ?q ?z }"), "exists");
  EXPECT_EQ(E("NOT EXISTS { ?s ?q ?z } && ?a"), "(&& notexists ?a)");
  Query q = MustParse("SELECT * { ?s ?p ?o FILTER NOT EXISTS { ?s ?q ?z FILTER(?z > 1) } }");
  ExprPtr f = FirstFilter(q);
  ASSERT_TRUE(f && f->pattern);
  EXPECT_EQ(f->pattern->elements.size(), 2u);
}

TEST(Expressions, BindAndSelectExpressions) {
  Query q = MustParse("SELECT ?s (?o * 2 AS ?d) { ?s ?p ?o BIND(CONCAT(?s, 'x') AS ?c) }");
  ASSERT_EQ(q.projection.size(), 2u);
  EXPECT_EQ(Show(q.projection[1].expr), "(* ?o 2)");
  EXPECT_EQ(q.where->elements[1].var.name, "c");
}

TEST(Expressions, ScopeRules) {
  // BIND may not rebind a variable in scope in the group before it.
  QueryError("SELECT * { ?s ?p ?o BIND(1 AS ?o) }");
  QueryError("SELECT * { { ?s ?p ?o } BIND(1 AS ?o) }");
  QueryError("SELECT * { { ?s ?p ?y } UNION { ?s ?p ?z } BIND (1 AS ?y) }");
  MustParse("SELECT * { BIND(1 AS ?o) ?s ?p ?o }");
  MustParse("SELECT * { ?s ?p ?o { BIND(1 AS ?x) } }");
  MustParse("SELECT * { ?s ?p ?o MINUS { ?s ?q ?m } BIND(1 AS ?m) }");  // MINUS binds nothing
  // (expr AS ?v) may not use a variable already in scope.
  QueryError("SELECT (1 AS ?o) { ?s ?p ?o }");
  QueryError("SELECT (1 AS ?X) (2 AS ?X) {}");
  QueryError("SELECT (1 AS ?X) { SELECT (2 AS ?X) {} }");
  QueryError("SELECT ?x (1 AS ?x) {}");
  MustParse("SELECT (1 AS ?X) { SELECT (2 AS ?Y) {} }");
  QueryError("SELECT (?x + ?y) {}");  // AS is required
}

TEST(Expressions, AggregatesOnlyWhereAllowed) {
  QueryError("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }");
  QueryError("SELECT * { ?s ?p ?o BIND(SUM(?o) AS ?x) }");
  QueryError("SELECT ?s { ?s ?p ?o } GROUP BY (COUNT(?o))");
  QueryError("SELECT (SUM(COUNT(?o)) AS ?x) { ?s ?p ?o }");  // no nesting
  QueryError("SELECT COUNT(*) {}");
  QueryError("SELECT (SUM(?x, ?y) AS ?s) {}");
  QueryError("SELECT (COUNT(*) AS ?c) { ?s ?p ?o } HAVING (EXISTS { ?s ?p ?o FILTER(COUNT(?o)) })");
}

}  // namespace
}  // namespace kg::sparql

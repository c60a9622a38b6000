// Syntax tree -> algebra (§18.2), checked on the SSE-like text of the result.
#include "algebra/translate.h"

#include <gtest/gtest.h>

#include "parser/parser.h"

namespace kg::sparql {
namespace {

std::string Algebra(const std::string& query) {
  auto parsed = ParseQuery(query, "http://example.org/");
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  auto a = Translate(*parsed);
  EXPECT_TRUE(a.ok());
  return ToString(*a->root);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(TranslateTest, AdjacentTriplesFormOneBgp) {
  std::string a = Algebra("SELECT * { ?s <p> ?o . FILTER(?o > 1) ?o <q> ?x }");
  EXPECT_FALSE(Has(a, "(join")) << a;  // the FILTER does not split the BGP
  EXPECT_TRUE(Has(a, "(filter")) << a;
}

TEST(TranslateTest, FilterScopesOverTheWholeGroup) {
  std::string a = Algebra("SELECT * { FILTER(?x) ?s <p> ?x OPTIONAL { ?s <q> ?y } }");
  // filter outermost, around the leftjoin
  EXPECT_LT(a.find("(filter"), a.find("(leftjoin")) << a;
}

TEST(TranslateTest, OptionalOwnFilterBecomesLeftJoinCondition) {
  std::string a = Algebra("SELECT * { ?s <p> ?x OPTIONAL { ?s <q> ?y FILTER(?y > ?x) } }");
  EXPECT_TRUE(Has(a, "(leftjoin (?y > ?x)")) << a;
}

TEST(TranslateTest, FilterOfNestedGroupStaysInside) {
  std::string a = Algebra("SELECT * { ?s <p> ?x OPTIONAL { { ?s <q> ?y FILTER(?y > ?x) } } }");
  EXPECT_TRUE(Has(a, "(leftjoin\n")) << a;  // no condition on the leftjoin itself
  EXPECT_TRUE(Has(a, "(filter (?y > ?x)")) << a;
}

TEST(TranslateTest, MinusUnionGraphBindValues) {
  std::string a = Algebra(
      "SELECT * { { ?s <p> ?o } UNION { ?s <q> ?o } MINUS { ?s <r> ?o } "
      "GRAPH ?g { ?s <t> ?u } BIND(1 AS ?one) VALUES ?v { 1 2 } }");
  for (const char* op : {"(union", "(minus", "(graph ?g", "(extend ?one", "(table 2 rows)"})
    EXPECT_TRUE(Has(a, op)) << op << "\n" << a;
}

TEST(TranslateTest, BlankNodesBecomeHiddenVariables) {
  auto parsed = ParseQuery("SELECT * { _:b <http://x/p> ?o }");
  ASSERT_TRUE(parsed.ok());
  auto a = Translate(*parsed);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->result_vars, std::vector<std::string>{"o"});  // _:b is not projected
}

TEST(TranslateTest, AggregatesBecomeGroupAndVariables) {
  std::string a = Algebra(
      "SELECT ?s (COUNT(?o) AS ?n) { ?s <p> ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) "
      "ORDER BY DESC(?n)");
  EXPECT_TRUE(Has(a, "(group ( ?s=?s ) ( ?.agg0=COUNT(?o) ?.agg1=COUNT(?o) )")) << a;
  EXPECT_TRUE(Has(a, "(filter (?.agg1 > ")) << a;
  EXPECT_TRUE(Has(a, "(extend ?n ?.agg0")) << a;
  // modifiers in the order of §18.2.5: order, project, slice
  EXPECT_LT(a.find("(project"), a.find("(order")) << a;
}

TEST(TranslateTest, AggregateWithoutGroupByIsOneGroup) {
  std::string a = Algebra("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
  EXPECT_TRUE(Has(a, "(group ( ) ( ?.agg0=COUNT(*) )")) << a;
}

TEST(TranslateTest, SolutionModifiers) {
  std::string a = Algebra("SELECT DISTINCT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 5 OFFSET 10");
  EXPECT_EQ(a.find("(slice 10 5"), 0u) << a;
  EXPECT_TRUE(Has(a, "(distinct")) << a;
  EXPECT_LT(a.find("(distinct"), a.find("(project")) << a;
}

TEST(TranslateTest, SubqueryIsProjectedInside) {
  std::string a = Algebra("SELECT ?s { ?s <p> ?o { SELECT ?s { ?s <q> ?x } LIMIT 1 } }");
  EXPECT_TRUE(Has(a, "(join")) << a;
  EXPECT_TRUE(Has(a, "(slice 0 1")) << a;
}

TEST(TranslateTest, SelectStarListsVariablesInOrder) {
  auto parsed = ParseQuery("SELECT * { ?b <http://x/p> ?a BIND(1 AS ?c) }");
  ASSERT_TRUE(parsed.ok());
  auto a = Translate(*parsed);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->result_vars, (std::vector<std::string>{"b", "a", "c"}));
}

}  // namespace
}  // namespace kg::sparql

#include "planner/optimize.h"

#include <gtest/gtest.h>

#include "algebra/translate.h"
#include "parser/parser.h"

namespace kg::sparql {
namespace {

std::string Optimized(const std::string& query) {
  auto parsed = ParseQuery(query);
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  auto a = Translate(*parsed);
  return ToString(*Optimize(a->root));
}

TEST(OptimizeTest, FilterIntoBothUnionBranches) {
  std::string a = Optimized(
      "SELECT * { { ?s <http://x/p> ?o } UNION { ?s <http://x/q> ?o } FILTER(?o > 1) }");
  std::size_t first = a.find("(filter (?o > ");
  EXPECT_LT(a.find("(union"), first) << a;
  ASSERT_NE(first, std::string::npos) << a;
  EXPECT_NE(a.find("(filter (?o > ", first + 1), std::string::npos) << a;
}

TEST(OptimizeTest, FilterIntoLeftOfLeftJoinOnlyWhenCertainlyBound) {
  std::string a = Optimized(
      "SELECT * { ?s <http://x/p> ?o OPTIONAL { ?s <http://x/q> ?y } FILTER(?o > 1) FILTER(BOUND(?y)) }");
  // ?o is bound by the left side: pushed below the leftjoin
  EXPECT_LT(a.find("(leftjoin"), a.find("(filter (?o > ")) << a;
  // BOUND(?y) depends on the optional part: stays above
  EXPECT_LT(a.find("(filter BOUND(?y)"), a.find("(leftjoin")) << a;
}

TEST(OptimizeTest, ExistsStaysAboveAJoin) {
  // EXISTS substitutes the whole solution: never pushed to one side of a
  // join (into both branches of a UNION is fine: same solutions).
  std::string a = Optimized(
      "SELECT * { ?s <http://x/p> ?o { SELECT ?s { ?s <http://x/q> ?x } } "
      "FILTER EXISTS { ?o <http://x/r> ?s } }");
  EXPECT_LT(a.find("(filter EXISTS"), a.find("(join")) << a;
}

TEST(OptimizeTest, NotBelowTheExtendThatBindsTheVariable) {
  std::string a = Optimized("SELECT * { ?s <http://x/p> ?o BIND(?o * 2 AS ?d) FILTER(?d > 4) }");
  EXPECT_LT(a.find("(filter (?d > "), a.find("(extend ?d")) << a;
}

TEST(OptimizeTest, CertainVariables) {
  auto parsed = ParseQuery(
      "SELECT * { { ?a <http://x/p> ?b } UNION { ?a <http://x/q> ?c } OPTIONAL { ?a <http://x/r> ?d } }");
  auto a = Translate(*parsed);
  const Op* op = a->root.get();
  while (op->kind == Op::Kind::kProject) op = op->children[0].get();
  EXPECT_EQ(CertainVariables(*op), (std::set<std::string>{"a"}));
}

TEST(OptimizeTest, DistinctBeforeSortWhenKeysAreProjected) {
  std::string a = Optimized("SELECT DISTINCT ?p { ?s ?p ?o } ORDER BY ?p");
  EXPECT_LT(a.find("(order"), a.find("(distinct")) << a;
  // a key outside the projection: the sort must stay below
  std::string b = Optimized("SELECT DISTINCT ?p { ?s ?p ?o } ORDER BY ?o");
  EXPECT_LT(b.find("(distinct"), b.find("(order")) << b;
  std::string c = Optimized("SELECT REDUCED ?p ?o { ?s ?p ?o } ORDER BY DESC(STR(?o)) ?p");
  EXPECT_LT(c.find("(order"), c.find("(reduced")) << c;
}

}  // namespace
}  // namespace kg::sparql

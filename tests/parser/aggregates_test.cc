// Aggregates, GROUP BY, HAVING, ORDER BY and the grouping rules of §19.8.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

TEST(Aggregates, AllForms) {
  Query q = MustParse(
      "SELECT (COUNT(*) AS ?a) (COUNT(DISTINCT ?o) AS ?b) (SUM(?o) AS ?c) (MIN(?o) AS ?d) "
      "(MAX(?o) AS ?e) (AVG(?o) AS ?f) (SAMPLE(?o) AS ?g) (GROUP_CONCAT(?o) AS ?h) "
      "(GROUP_CONCAT(DISTINCT ?o ; SEPARATOR = ', ') AS ?i) (count(distinct *) AS ?j) "
      "{ ?s ?p ?o }");
  ASSERT_EQ(q.projection.size(), 10u);
  EXPECT_EQ(Show(q.projection[0].expr), "(COUNT *)");
  EXPECT_EQ(Show(q.projection[1].expr), "(COUNT distinct ?o)");
  EXPECT_EQ(Show(q.projection[6].expr), "(SAMPLE ?o)");
  EXPECT_FALSE(q.projection[7].expr->separator.has_value());
  EXPECT_EQ(*q.projection[8].expr->separator, ", ");
  EXPECT_TRUE(q.projection[8].expr->distinct);
  EXPECT_EQ(Show(q.projection[9].expr), "(COUNT distinct *)");
}

TEST(Aggregates, SeparatorMustBeAString) {
  QueryError("SELECT (GROUP_CONCAT(?o ; SEPARATOR = 1) AS ?x) { ?s ?p ?o }");
  QueryError("SELECT (GROUP_CONCAT(?o ; SEPARATOR = 'a'@en) AS ?x) { ?s ?p ?o }");
  QueryError("SELECT (GROUP_CONCAT(?o ; SEP = ',') AS ?x) { ?s ?p ?o }");
}

TEST(Aggregates, GroupByForms) {
  Query q = MustParse("PREFIX : <http://e/> SELECT ?s ?k ?l (COUNT(*) AS ?c) { ?s ?p ?o } "
                      "GROUP BY ?s (STR(?o) AS ?k) (?o + 1 AS ?l) STR(?p) :f(?o)");
  ASSERT_EQ(q.group_by.size(), 5u);
  EXPECT_EQ(q.group_by[1].as->name, "k");
  EXPECT_EQ(Show(q.group_by[3].expr), "(STR ?p)");
  EXPECT_EQ(Show(q.group_by[4].expr), "(<http://e/f> ?o)");
}

TEST(Aggregates, UngroupedProjectionIsAnError) {
  QueryError("SELECT * { ?s ?p ?o } GROUP BY ?s");
  QueryError("SELECT ?o { ?s ?p ?o } GROUP BY ?s");
  QueryError("SELECT ?p (COUNT(?o) AS ?c) { ?s ?p ?o }");
  QueryError("SELECT ?p (COUNT(?o) AS ?c) { ?s ?p ?o } GROUP BY ?s");
  QueryError("SELECT ((?a + ?b) AS ?ab) (COUNT(?a) AS ?c) { ?s ?p ?a, ?b } GROUP BY (?a + ?b)");
  QueryError("SELECT ?a (COUNT(?b) AS ?c) { ?s ?p ?a, ?b } GROUP BY (?a + ?b)");
  Error e = QueryError("SELECT ?s\n  ?o { ?s ?p ?o } GROUP BY ?s");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("?o"), std::string::npos);
  // Aggregates in HAVING / ORDER BY make the query an aggregate query too.
  QueryError("SELECT ?o { ?s ?p ?o } ORDER BY (COUNT(?s))");
}

TEST(Aggregates, GroupedProjectionsAreFine) {
  MustParse("SELECT ?s (COUNT(?o) AS ?c) { ?s ?p ?o } GROUP BY ?s");
  MustParse("SELECT ?k (SUM(?o) AS ?t) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)");
  MustParse("SELECT (COUNT(*) AS ?c) ((?c * 2) AS ?d) { ?s ?p ?o }");  // earlier AS
  MustParse("SELECT ((MIN(?o) + MAX(?o)) / 2 AS ?mid) { ?s ?p ?o }");
  MustParse("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) ORDER BY DESC(COUNT(?o))");
  MustParse("SELECT (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY ?s");
  // A subquery is a grouping scope of its own.
  MustParse("SELECT ?s ?o { ?s ?p ?o { SELECT ?s (COUNT(*) AS ?n) { ?s ?q ?z } GROUP BY ?s } }");
}

TEST(Aggregates, HavingAndOrderBy) {
  Query q = MustParse("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 1) (SUM(?o) < 9) "
                      "ORDER BY ?s DESC(?s) ASC(COUNT(?o)) STR(?s) (?s)");
  EXPECT_EQ(q.having.size(), 2u);
  ASSERT_EQ(q.order_by.size(), 5u);
  EXPECT_FALSE(q.order_by[0].descending);
  EXPECT_TRUE(q.order_by[1].descending);
  EXPECT_EQ(Show(q.order_by[2].expr), "(COUNT ?o)");
  QueryError("SELECT * { ?s ?p ?o } ORDER BY");
  QueryError("SELECT * { ?s ?p ?o } ORDER BY DESC ?s");
}

}  // namespace
}  // namespace kg::sparql

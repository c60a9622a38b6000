// Property path syntax and precedence: '|' < '/' < unary '^' < postfix.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

std::string PathOf(const std::string& path) {
  Query q = MustParse("PREFIX : <http://e/> SELECT * { ?s " + path + " ?o }");
  auto t = FirstTriples(q);
  if (t.empty()) return "none";
  if (!t[0].path) return "iri:" + T(t[0].predicate).value;
  return Show(t[0].path);
}

TEST(Paths, SingleIriStaysAPlainPredicate) {
  EXPECT_EQ(PathOf(":p"), "iri:http://e/p");
  EXPECT_EQ(PathOf("(:p)"), "iri:http://e/p");
  EXPECT_EQ(PathOf("a"), "iri:http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
}

TEST(Paths, Precedence) {
  EXPECT_EQ(PathOf(":a|:b/:c"), "(| a (/ b c))");
  EXPECT_EQ(PathOf(":a/:b|:c"), "(| (/ a b) c)");
  EXPECT_EQ(PathOf("^:a/:b"), "(/ (^ a) b)");
  EXPECT_EQ(PathOf("^:a*"), "(^ (* a))");
  EXPECT_EQ(PathOf(":a/:b*/:c+|:d?"), "(| (/ a (* b) (+ c)) (? d))");
  EXPECT_EQ(PathOf("(:a|:b)*"), "(* (| a b))");
  EXPECT_EQ(PathOf("(:a/:b)+"), "(+ (/ a b))");
  EXPECT_EQ(PathOf("^(:a/^:b)"), "(^ (/ a (^ b)))");
}

TEST(Paths, NegatedPropertySets) {
  EXPECT_EQ(PathOf("!:a"), "(! a)");
  EXPECT_EQ(PathOf("!(:a|^:b|a)"), "(! a type ^b)");
  EXPECT_EQ(PathOf("!^:a"), "(! ^a)");
  EXPECT_EQ(PathOf("!(:a)*"), "(* (! a))");
  EXPECT_EQ(PathOf("!()"), "(!)");
}

TEST(Paths, Errors) {
  QueryError("PREFIX : <http://e/> SELECT * { ?s :a/ ?o }");
  QueryError("PREFIX : <http://e/> SELECT * { ?s :a|| ?o }");
  QueryError("PREFIX : <http://e/> SELECT * { ?s !(:a/:b) ?o }");
  QueryError("PREFIX : <http://e/> SELECT * { ?s ^^:a ?o }");
  QueryError("PREFIX : <http://e/> SELECT * { ?s (:a ?o }");
  // Paths are not allowed in CONSTRUCT templates or update templates.
  QueryError("PREFIX : <http://e/> CONSTRUCT { ?s :a/:b ?o } WHERE {}");
  UpdateError("PREFIX : <http://e/> INSERT DATA { :s :a/:b :o }");
}

TEST(Paths, InObjectListsAndPropertyLists) {
  Query q = MustParse("PREFIX : <http://e/> SELECT * { ?s :a+ ?o, ?p ; :b/:c [ :d* ?z ] }");
  auto t = FirstTriples(q);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(Show(t[3].path), "(/ b c)");
  EXPECT_EQ(Show(t[2].path), "(* d)");
}

}  // namespace
}  // namespace kg::sparql

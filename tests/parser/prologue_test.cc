// Prologue (BASE, PREFIX) and RFC 3986 relative IRI resolution.
#include "parser/iri.h"
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

// RFC 3986 §5.4 examples.
TEST(Iri, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"}, {";x", "http://a/b/c/;x"}, {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
      {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"}, {"/./g", "http://a/g"}, {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."},
      {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(ResolveIri(base, ref).value_or("?"), want) << ref;
  EXPECT_FALSE(ResolveIri("", "g").has_value());
  EXPECT_FALSE(ResolveIri("relative/base", "g").has_value());
  EXPECT_TRUE(HasScheme("urn:x"));
  EXPECT_FALSE(HasScheme("1abc:x"));
}

TEST(Prologue, PrefixExpansion) {
  Query q = MustParse("PREFIX ex: <http://example.org/ns#> PREFIX : <http://e/> "
                      "SELECT * { ex:a :b ex: }");
  auto t = FirstTriples(q);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(T(t[0].subject).value, "http://example.org/ns#a");
  EXPECT_EQ(T(t[0].predicate).value, "http://e/b");
  EXPECT_EQ(T(t[0].object).value, "http://example.org/ns#");
  ASSERT_EQ(q.prefixes.size(), 2u);
  EXPECT_EQ(q.prefixes[0].first, "ex");
}

TEST(Prologue, PrefixRedeclarationWins) {
  Query q = MustParse("PREFIX p: <http://one/> PREFIX p: <http://two/> SELECT * { p:a p:b p:c }");
  EXPECT_EQ(T(FirstTriples(q)[0].subject).value, "http://two/a");
}

TEST(Prologue, BaseResolvesRelativeIris) {
  Query q = MustParse("BASE <http://example.org/dir/file> SELECT * { <x> <../y> <#z> }");
  auto t = FirstTriples(q);
  EXPECT_EQ(T(t[0].subject).value, "http://example.org/dir/x");
  EXPECT_EQ(T(t[0].predicate).value, "http://example.org/y");
  EXPECT_EQ(T(t[0].object).value, "http://example.org/dir/file#z");
  EXPECT_EQ(q.base, "http://example.org/dir/file");
}

TEST(Prologue, RelativeBaseResolvesAgainstPreviousBase) {
  Query q = MustParse("BASE <http://example.org/a/b/> BASE <../c/> SELECT * { <x> <p> <o> }");
  EXPECT_EQ(q.base, "http://example.org/a/c/");
  EXPECT_EQ(T(FirstTriples(q)[0].subject).value, "http://example.org/a/c/x");
}

TEST(Prologue, BaseArgumentIsDefault) {
  Query q = MustParse("SELECT * { <x> <p> <o> }", "http://host/doc.rq");
  EXPECT_EQ(T(FirstTriples(q)[0].subject).value, "http://host/x");
}

TEST(Prologue, PrefixIriIsResolvedAgainstBase) {
  Query q = MustParse("BASE <http://h/d/> PREFIX : <ns#> SELECT * { :a :b :c }");
  EXPECT_EQ(T(FirstTriples(q)[0].subject).value, "http://h/d/ns#a");
}

TEST(Prologue, Errors) {
  EXPECT_NE(QueryError("SELECT * { <x> <p> <o> }").message.find("relative IRI"), std::string::npos);
  EXPECT_NE(QueryError("SELECT * { ex:a ex:b ex:c }").message.find("undeclared prefix"),
            std::string::npos);
  QueryError("PREFIX ex <http://e/> SELECT * {}");
  QueryError("BASE ex: SELECT * {}");
  QueryError("PREFIX ex: <http://e/> PREFIX");
}

TEST(Prologue, KeywordsCaseInsensitive) {
  MustParse("prefix ex: <http://e/> select DISTINCT * where { ex:a ex:b ex:c } limit 1");
  MustParse("sElEcT ?x WhErE { ?x a ?y } oRdEr By DeSc(?x)");
}

TEST(Prologue, UpdatePrologueBetweenOperations) {
  Update u = MustParseUpdate("PREFIX a: <http://a/> INSERT DATA { a:s a:p a:o } ; "
                             "PREFIX a: <http://b/> INSERT DATA { a:s a:p a:o }");
  ASSERT_EQ(u.operations.size(), 2u);
  EXPECT_EQ(T(u.operations[0].insert_quads[0].triple.subject).value, "http://a/s");
  EXPECT_EQ(T(u.operations[1].insert_quads[0].triple.subject).value, "http://b/s");
}

}  // namespace
}  // namespace kg::sparql

// Triple blocks, ';' and ',', blank node property lists, collections, 'a',
// and blank node label scoping.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kP = "PREFIX : <http://e/> ";

TEST(Triples, SemicolonAndComma) {
  auto t = FirstTriples(MustParse(kP + "SELECT * { :s :p :o1, :o2 ; :q :o3 ; ; . :t a :C }"));
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(T(t[1].object).value, "http://e/o2");
  EXPECT_EQ(T(t[2].predicate).value, "http://e/q");
  EXPECT_EQ(T(t[3].predicate).value, kRdf + "type");
}

TEST(Triples, AOnlyLowercase) {
  QueryError(kP + "SELECT * { :s A :C }");
}

TEST(Triples, BlankNodePropertyList) {
  auto t = FirstTriples(MustParse(kP + "SELECT * { [ :p 1 ; :q [ :r 2 ] ] :s ?x . [] :t ?y }"));
  ASSERT_EQ(t.size(), 5u);
  // Inner triples come first; the outer subject is the same fresh node.
  Term outer = T(t[0].subject);
  EXPECT_TRUE(outer.is_blank());
  EXPECT_EQ(T(t[3].subject), outer);
  EXPECT_EQ(T(t[3].predicate).value, "http://e/s");
  EXPECT_TRUE(T(t[4].subject).is_blank());
  EXPECT_NE(T(t[4].subject), outer);
  // A property list alone is a triple pattern too.
  EXPECT_EQ(FirstTriples(MustParse(kP + "SELECT * { [ :p :o ] }")).size(), 1u);
}

TEST(Triples, CollectionExpansion) {
  auto t = FirstTriples(MustParse(kP + "SELECT * { :s :p (1 ?x) }"));
  ASSERT_EQ(t.size(), 5u);
  Term l1 = T(t[0].subject), l2 = T(t[1].object);
  EXPECT_TRUE(l1.is_blank());
  EXPECT_EQ(T(t[0].predicate).value, kRdf + "first");
  EXPECT_EQ(T(t[0].object).value, "1");
  EXPECT_EQ(T(t[1].predicate).value, kRdf + "rest");
  EXPECT_EQ(T(t[2].subject), l2);
  EXPECT_EQ(V(t[2].object), "x");
  EXPECT_EQ(T(t[3].object).value, kRdf + "nil");
  EXPECT_EQ(T(t[4].object), l1);
  // () is rdf:nil; a collection may be a subject with no properties.
  t = FirstTriples(MustParse(kP + "SELECT * { :s :p () }"));
  EXPECT_EQ(T(t[0].object).value, kRdf + "nil");
  EXPECT_EQ(FirstTriples(MustParse(kP + "SELECT * { (1 (2)) }")).size(), 6u);
}

TEST(Triples, GeneratedBlankNodesNeverClashWithLabels) {
  auto t = FirstTriples(MustParse(kP + "SELECT * { _:g1 :p [] . _:g01 :p [] }"));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_NE(T(t[0].object).value, "g1");
  EXPECT_NE(T(t[1].object).value, "g01");
  EXPECT_NE(T(t[0].object), T(t[1].object));
}

TEST(Triples, BlankNodeLabelScope) {
  MustParse(kP + "SELECT * { _:a :p ?v . _:a :q 1 }");
  MustParse(kP + "SELECT * { _:a :p ?v FILTER(true) _:a :q 1 }");  // FILTER does not split a BGP
  MustParse(kP + "SELECT * { { _:a :p ?v . _:a :q _:a } UNION { _:b :q _:c } }");
  QueryError(kP + "SELECT * { _:a ?p ?v . { _:a ?q 1 } }");
  QueryError(kP + "SELECT * { { _:a ?p ?v } _:a ?q 1 }");
  QueryError(kP + "SELECT * { _:a ?p ?v OPTIONAL { _:a ?q 1 } }");
  QueryError(kP + "SELECT * { _:a ?p ?v . OPTIONAL { ?s ?p ?v } _:a ?q 1 }");
  QueryError(kP + "SELECT * { _:a ?p ?v . GRAPH ?g { ?s ?p ?v } _:a ?q 1 }");
  Error e = QueryError(kP + "SELECT * { { _:a ?p ?v } UNION { _:a ?q 1 } }");
  EXPECT_NE(e.message.find("_:a"), std::string::npos);
}

TEST(Triples, MissingDotIsAnError) {
  Error e = QueryError("SELECT * { ?s ?p ?o ?x ?y ?z }");
  EXPECT_NE(e.message.find("'?x'"), std::string::npos);
  QueryError("SELECT * { . }");
  QueryError("SELECT * { ?s ?p ?o . . }");
  QueryError("SELECT * { ?s ?p }");
  QueryError("SELECT * { ?s }");
  QueryError("SELECT * { ?s ?p ?o ; , ?x }");
}

TEST(Triples, LiteralSubjectsAreGrammatical) {
  MustParse("SELECT * { 1 ?p \"x\" }");  // GraphTerm allows literals as subjects
}

TEST(Triples, ConstructTemplateAndShortForm) {
  Query q = MustParse(kP + "CONSTRUCT { ?s :p [ :q ?o ] } WHERE { ?s :r ?o }");
  EXPECT_EQ(q.form, Query::Form::kConstruct);
  EXPECT_EQ(q.construct_template.size(), 2u);
  q = MustParse(kP + "CONSTRUCT WHERE { ?s :p ?o . ?o :q ?z }");
  EXPECT_EQ(q.construct_template.size(), 2u);
  ASSERT_EQ(q.where->elements.size(), 1u);
  EXPECT_EQ(q.where->elements[0].triples.size(), 2u);
  QueryError(kP + "CONSTRUCT WHERE { ?s ?p ?o FILTER(?o = :o) }");
  QueryError(kP + "CONSTRUCT WHERE { GRAPH ?g { ?s ?p ?o } }");
}

TEST(Triples, QueryForms) {
  Query q = MustParse(kP + "DESCRIBE :x ?y");
  EXPECT_EQ(q.form, Query::Form::kDescribe);
  EXPECT_EQ(q.describe.size(), 2u);
  ASSERT_TRUE(q.where);
  EXPECT_TRUE(q.where->elements.empty());
  q = MustParse(kP + "DESCRIBE * FROM :g WHERE { ?s ?p ?o }");
  EXPECT_TRUE(q.describe_star);
  EXPECT_EQ(q.from.size(), 1u);
  q = MustParse(kP + "ASK FROM :a FROM NAMED :b { ?s ?p ?o }");
  EXPECT_EQ(q.form, Query::Form::kAsk);
  EXPECT_EQ(q.from_named[0], "http://e/b");
  q = MustParse(kP + "SELECT REDUCED ?s { ?s ?p ?o } OFFSET 5 LIMIT 10 VALUES ?s { :a }");
  EXPECT_TRUE(q.reduced);
  EXPECT_EQ(*q.limit, 10u);
  EXPECT_EQ(*q.offset, 5u);
  ASSERT_TRUE(q.values);
  EXPECT_EQ(q.values->rows.size(), 1u);
  QueryError("SELECT * {} LIMIT 1 LIMIT 2");
  QueryError("SELECT * {} LIMIT -1");
  QueryError("SELECT {}");
}

TEST(Triples, GraphPatternElements) {
  Query q = MustParse(kP +
      "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x } MINUS { ?s :r ?y } "
      "{ ?a :b ?c } UNION { ?a :d ?c } UNION { ?a :e ?c } GRAPH ?g { ?s ?p ?o } "
      "SERVICE SILENT <http://svc/> { ?s ?p ?o } FILTER(?o > 1) BIND(1 AS ?one) "
      "VALUES (?v ?w) { (1 UNDEF) (2 3) } { ?n ?m ?k } { SELECT ?z { ?z ?y ?x } } }");
  using K = PatternElement::Kind;
  std::vector<K> kinds;
  for (const auto& e : q.where->elements) kinds.push_back(e.kind);
  std::vector<K> want = {K::kTriples, K::kOptional, K::kMinus, K::kUnion, K::kGraph, K::kService,
                         K::kFilter, K::kBind, K::kValues, K::kGroup, K::kGroup};
  EXPECT_EQ(kinds, want);
  EXPECT_EQ(q.where->elements[3].alternatives.size(), 3u);
  EXPECT_TRUE(q.where->elements[5].silent);
  EXPECT_EQ(q.where->elements[10].group->elements[0].kind, K::kSubSelect);
  // (1 UNDEF): UNDEF is nullopt.
  EXPECT_FALSE(q.where->elements[8].data.rows[0][1].has_value());
}

TEST(Triples, ValuesArity) {
  QueryError("SELECT * { VALUES (?a ?b) { (1) } }");
  QueryError("SELECT * { VALUES (?a ?b) { (1 2 3) } }");
  QueryError("SELECT * {} VALUES (?a) { () }");
  MustParse("SELECT * {} VALUES () { () () }");
  MustParse("SELECT * { VALUES ?a { 1 <http://e/> 'x' UNDEF true } }");
}

TEST(Triples, SubSelectOnlyAlone) {
  QueryError("SELECT * { {} SELECT * { ?s ?p ?o } }");
  QueryError("SELECT * { ?s ?p ?o UNION ?s ?p ?o }");
}

}  // namespace
}  // namespace kg::sparql

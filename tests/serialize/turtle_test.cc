// Tests for serialize/turtle.h: Raptor-written Turtle with prefixes.
#include "serialize/turtle.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "graph_compare.h"
#include "store/rdf_codec.h"

namespace kg {
namespace {

using testing::Canonical;
using testing::ExpectGolden;
using testing::SampleGraph;
using testing::SamplePrefixes;

TEST(TurtleWriterTest, Golden) {
  auto ttl = WriteTurtle(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(ttl.ok()) << ttl.error().ToString();
  ExpectGolden("graph.ttl", *ttl);
}

TEST(TurtleWriterTest, DeclaresAndUsesPrefixes) {
  auto ttl = WriteTurtle(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(ttl.ok());
  EXPECT_NE(ttl->find("@prefix ex: <http://example.org/> ."), std::string::npos) << *ttl;
  EXPECT_NE(ttl->find("ex:Thing"), std::string::npos) << *ttl;
}

TEST(TurtleWriterTest, RoundTripsThroughRdfCodec) {
  auto ttl = WriteTurtle(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(ttl.ok());
  auto parsed = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://base.example/");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(Canonical(parsed->triples), Canonical(SampleGraph()));
  // Raptor declares rdf: itself, then the given prefixes.
  EXPECT_EQ(parsed->prefixes,
            (PrefixMap{{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
                       {"ex", "http://example.org/"}}));
}

TEST(TurtleWriterTest, EmptyGraph) {
  auto ttl = WriteTurtle({}, {});
  ASSERT_TRUE(ttl.ok());
  auto parsed = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://base.example/");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->triples.empty());
}

// Regression (tests/fuzz/serialize_fuzz.cc): Raptor refused ill-typed
// numeric literals, so a CONSTRUCT answer holding one was a 500.
TEST(TurtleWriterTest, IllTypedNumericLiteralRoundTrips) {
  Graph g = {{Term::Iri("http://example.org/s"), Term::Iri("http://example.org/p"),
              Term::Literal(" h\u00e9llo", {}, "http://www.w3.org/2001/XMLSchema#integer")},
             {Term::Iri("http://example.org/s"), Term::Iri("http://example.org/q"),
              Term::Literal("maybe", {}, "http://www.w3.org/2001/XMLSchema#boolean")}};
  auto ttl = WriteTurtle(g, SamplePrefixes());
  ASSERT_TRUE(ttl.ok()) << ttl.error().ToString();
  auto back = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://b/");
  ASSERT_TRUE(back.ok()) << back.error().ToString() << "\n" << *ttl;
  EXPECT_EQ(Canonical(back->triples), Canonical(g));
}

// Regression (serialize_fuzz): Raptor's writer dropped blank-node cycles.
TEST(TurtleWriterTest, BlankNodeCyclesAreKept) {
  Graph g = {{Term::Blank("a"), Term::Iri("http://example.org/p"), Term::Blank("a")},
             {Term::Blank("b"), Term::Iri("http://example.org/p"), Term::Blank("c")},
             {Term::Blank("c"), Term::Iri("http://example.org/q"), Term::Blank("b")}};
  auto ttl = WriteTurtle(g, SamplePrefixes());
  ASSERT_TRUE(ttl.ok()) << ttl.error().ToString();
  auto back = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://b/");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back->triples.size(), 3u) << *ttl;
}

// Regression (serialize_fuzz): Raptor wrote ex:a. for <http://example.org/a.>,
// which reads back as ex:a followed by a '.'.
TEST(TurtleWriterTest, LocalNameEndingInDotIsWrittenInFull) {
  Graph g = {{Term::Iri("http://example.org/s"), Term::Iri("http://example.org/a."),
              Term::Literal("x")}};
  auto ttl = WriteTurtle(g, SamplePrefixes());
  ASSERT_TRUE(ttl.ok()) << ttl.error().ToString();
  auto back = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://b/");
  ASSERT_TRUE(back.ok()) << back.error().ToString() << "\n" << *ttl;
  EXPECT_EQ(back->triples, g) << *ttl;
}

// Regression (serialize_fuzz): a term Raptor cannot build (an empty IRI)
// made its serializer dereference NULL; now it is an error.
TEST(TurtleWriterTest, UnwritableTermIsAnErrorNotACrash) {
  Graph g = {{Term::Iri(""), Term::Iri("http://example.org/p"), Term::Literal("x")}};
  auto ttl = RdfCodec::ForThisThread().Serialize(g, RdfSyntax::kTurtle, {});
  EXPECT_FALSE(ttl.ok());
  auto xml = RdfCodec::ForThisThread().Serialize(g, RdfSyntax::kRdfXml, {});
  EXPECT_FALSE(xml.ok());
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// Regression (serialize_fuzz): Raptor wrote a long xsd:double with an
// integer-looking lexical form as a bare number, which reads back as an
// xsd:integer. kg reads every Turtle answer back and falls back to
// N-Triples when it differs.
TEST(TurtleWriterTest, DoubleWithIntegerLexicalFormKeepsItsDatatype) {
  Graph g{{Term::Iri("http://example.org/a"), Term::Iri("http://example.org/p"),
           Term::Literal("4444444444444444444444444444444444444444", "",
                         "http://www.w3.org/2001/XMLSchema#double")}};
  auto ttl = WriteTurtle(g, {{"ex", "http://example.org/"}});
  ASSERT_TRUE(ttl.ok());
  auto back = RdfCodec::ForThisThread().Parse(*ttl, RdfSyntax::kTurtle, "http://base/");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  ASSERT_EQ(back->triples.size(), 1u);
  EXPECT_EQ(back->triples[0].object.datatype, "http://www.w3.org/2001/XMLSchema#double") << *ttl;
}

}  // namespace
}  // namespace kg

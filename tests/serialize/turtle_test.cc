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

}  // namespace
}  // namespace kg

// Tests for serialize/ntriples.h.
#include "serialize/ntriples.h"

#include <gtest/gtest.h>

#include <set>

#include "fixtures.h"
#include "store/rdf_codec.h"

namespace kg {
namespace {

using testing::ExpectGolden;
using testing::SampleGraph;

TEST(NTriplesWriterTest, Golden) { ExpectGolden("graph.nt", WriteNTriples(SampleGraph())); }

TEST(NTriplesWriterTest, Exact) {
  EXPECT_EQ(WriteNTriples(SampleGraph()),
            "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<http://example.org/Thing> .\n"
            "<http://example.org/a> <http://example.org/label> \"A \\\"thing\\\"\\nsecond\"@en .\n"
            "<http://example.org/a> <http://example.org/count> "
            "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            "<http://example.org/a> <http://example.org/knows> _:x .\n"
            "_:x <http://example.org/label> \"tab\\there\" .\n");
  EXPECT_EQ(WriteNTriples({}), "");
}

TEST(NTriplesWriterTest, ParsesBackWithRaptor) {
  auto parsed = RdfCodec::ForThisThread().Parse(WriteNTriples(SampleGraph()),
                                                RdfSyntax::kNTriples, "http://example.org/");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  ASSERT_EQ(parsed->triples.size(), 5u);
  EXPECT_EQ(parsed->triples[1].object, SampleGraph()[1].object);
  EXPECT_EQ(parsed->triples[4].object, SampleGraph()[4].object);
}

}  // namespace
}  // namespace kg

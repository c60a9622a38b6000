// Tests for serialize/rdfxml.h: Raptor's abbreviating RDF/XML writer.
#include "serialize/rdfxml.h"

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

TEST(RdfXmlWriterTest, Golden) {
  auto xml = WriteRdfXml(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  ExpectGolden("graph.rdf", *xml);
}

TEST(RdfXmlWriterTest, UsesPrefixAsNamespace) {
  auto xml = WriteRdfXml(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("xmlns:ex=\"http://example.org/\""), std::string::npos) << *xml;
}

TEST(RdfXmlWriterTest, RoundTripsThroughRdfCodec) {
  auto xml = WriteRdfXml(SampleGraph(), SamplePrefixes());
  ASSERT_TRUE(xml.ok());
  auto parsed = RdfCodec::ForThisThread().Parse(*xml, RdfSyntax::kRdfXml, "http://base.example/");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(Canonical(parsed->triples), Canonical(SampleGraph()));
}

}  // namespace
}  // namespace kg

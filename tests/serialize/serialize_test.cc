// Tests for serialize/serialize.h: dispatch to the writers.
#include "serialize/serialize.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "serialize/csv.h"
#include "serialize/jsonld.h"
#include "serialize/ntriples.h"
#include "serialize/sparql_json.h"
#include "serialize/sparql_xml.h"
#include "serialize/tsv.h"
#include "serialize/turtle.h"

namespace kg {
namespace {

using testing::SampleGraph;
using testing::SamplePrefixes;
using testing::SampleResultSet;

std::string Write(Format f, const QueryResult& r) {
  auto out = WriteQueryResult(f, r, SamplePrefixes());
  EXPECT_TRUE(out.ok()) << Info(f).media_type;
  return out.ok() ? *out : "";
}

TEST(WriteQueryResultTest, SelectDispatch) {
  QueryResult r{SampleResultSet()};
  EXPECT_EQ(Write(Format::kSparqlJson, r), WriteSparqlJson(SampleResultSet()));
  EXPECT_EQ(Write(Format::kSparqlXml, r), WriteSparqlXml(SampleResultSet()));
  EXPECT_EQ(Write(Format::kCsv, r), WriteCsv(SampleResultSet()));
  EXPECT_EQ(Write(Format::kTsv, r), WriteTsv(SampleResultSet()));
}

TEST(WriteQueryResultTest, AskDispatch) {
  QueryResult r{true};
  EXPECT_EQ(Write(Format::kSparqlJson, r), WriteSparqlJson(true));
  EXPECT_EQ(Write(Format::kSparqlXml, r), WriteSparqlXml(true));
  EXPECT_EQ(Write(Format::kCsv, r), WriteCsv(true));
  EXPECT_EQ(Write(Format::kTsv, QueryResult{false}), WriteTsv(false));
}

TEST(WriteQueryResultTest, GraphDispatch) {
  QueryResult r{SampleGraph()};
  EXPECT_EQ(Write(Format::kNTriples, r), WriteNTriples(SampleGraph()));
  EXPECT_EQ(Write(Format::kTurtle, r), *WriteTurtle(SampleGraph(), SamplePrefixes()));
  EXPECT_EQ(Write(Format::kJsonLd, r), WriteJsonLd(SampleGraph(), SamplePrefixes()));
  EXPECT_FALSE(Write(Format::kRdfXml, r).empty());
}

TEST(WriteQueryResultTest, TableInGraphFormatIsNotAcceptable) {
  for (Format f : {Format::kTurtle, Format::kNTriples, Format::kJsonLd, Format::kText}) {
    auto out = WriteQueryResult(f, QueryResult{SampleResultSet()}, {});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, Error::Code::kNotAcceptable);
    EXPECT_EQ(out.error().allow, MediaTypeList(ResultFormats()));
  }
  auto ask = WriteQueryResult(Format::kTurtle, QueryResult{true}, {});
  ASSERT_FALSE(ask.ok());
  EXPECT_EQ(ask.error().code, Error::Code::kNotAcceptable);
}

TEST(WriteQueryResultTest, GraphInResultFormatIsNotAcceptable) {
  for (Format f : {Format::kSparqlJson, Format::kSparqlXml, Format::kCsv, Format::kTsv}) {
    auto out = WriteQueryResult(f, QueryResult{SampleGraph()}, {});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, Error::Code::kNotAcceptable);
    EXPECT_EQ(out.error().allow, MediaTypeList(GraphFormats()));
  }
}

TEST(WriteGraphTest, ResultFormatIsNotAcceptable) {
  auto out = WriteGraph(Format::kCsv, SampleGraph(), {});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, Error::Code::kNotAcceptable);
}

}  // namespace
}  // namespace kg

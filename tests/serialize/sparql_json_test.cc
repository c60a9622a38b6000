// Tests for serialize/sparql_json.h (SPARQL 1.1 Query Results JSON).
#include "serialize/sparql_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "fixtures.h"

namespace kg {
namespace {

using testing::ExpectGolden;
using testing::SampleResultSet;

rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

TEST(SparqlJsonTest, SelectGolden) { ExpectGolden("select.srj", WriteSparqlJson(SampleResultSet())); }

TEST(SparqlJsonTest, AskGolden) {
  EXPECT_EQ(WriteSparqlJson(true), "{\"head\":{},\"boolean\":true}\n");
  EXPECT_EQ(WriteSparqlJson(false), "{\"head\":{},\"boolean\":false}\n");
  ExpectGolden("ask_true.srj", WriteSparqlJson(true));
  ExpectGolden("ask_false.srj", WriteSparqlJson(false));
}

TEST(SparqlJsonTest, SelectParsesBackWithExpectedStructure) {
  auto d = ParseJson(WriteSparqlJson(SampleResultSet()));
  ASSERT_TRUE(d.IsObject());
  const auto& vars = d["head"]["vars"];
  ASSERT_TRUE(vars.IsArray());
  ASSERT_EQ(vars.Size(), 3u);
  EXPECT_STREQ(vars[0].GetString(), "s");
  EXPECT_STREQ(vars[1].GetString(), "label");
  EXPECT_STREQ(vars[2].GetString(), "n");

  const auto& b = d["results"]["bindings"];
  ASSERT_TRUE(b.IsArray());
  ASSERT_EQ(b.Size(), 3u);

  // Row 1: IRI, simple literal (no datatype key), typed literal.
  EXPECT_EQ(b[0].MemberCount(), 3u);
  EXPECT_STREQ(b[0]["s"]["type"].GetString(), "uri");
  EXPECT_STREQ(b[0]["s"]["value"].GetString(), "http://example.org/a");
  EXPECT_STREQ(b[0]["label"]["type"].GetString(), "literal");
  EXPECT_STREQ(b[0]["label"]["value"].GetString(), "plain");
  EXPECT_FALSE(b[0]["label"].HasMember("datatype"));
  EXPECT_FALSE(b[0]["label"].HasMember("xml:lang"));
  EXPECT_STREQ(b[0]["n"]["datatype"].GetString(), "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_STREQ(b[0]["n"]["value"].GetString(), "42");

  // Row 2: blank node, language literal, unbound cell omitted.
  EXPECT_EQ(b[1].MemberCount(), 2u);
  EXPECT_STREQ(b[1]["s"]["type"].GetString(), "bnode");
  EXPECT_STREQ(b[1]["s"]["value"].GetString(), "b1");
  EXPECT_STREQ(b[1]["label"]["xml:lang"].GetString(), "nl");
  EXPECT_FALSE(b[1].HasMember("n"));

  // Row 3: special characters survive JSON escaping.
  EXPECT_STREQ(b[2]["s"]["value"].GetString(), "http://example.org/c?x=1&y=<2>");
  EXPECT_STREQ(b[2]["label"]["value"].GetString(), "a, \"quoted\"\nline\tTab");
}

TEST(SparqlJsonTest, EmptyResult) {
  EXPECT_EQ(WriteSparqlJson(ResultSet{}), "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}\n");
  ResultSet rs;
  rs.variables = {"x"};
  rs.rows.push_back({std::nullopt});
  EXPECT_EQ(WriteSparqlJson(rs), "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{}]}}\n");
}

TEST(SparqlJsonTest, AskParsesBack) {
  auto d = ParseJson(WriteSparqlJson(true));
  ASSERT_TRUE(d.HasMember("boolean"));
  EXPECT_TRUE(d["boolean"].GetBool());
  EXPECT_TRUE(d["head"].IsObject());
  EXPECT_FALSE(d.HasMember("results"));
}

}  // namespace
}  // namespace kg

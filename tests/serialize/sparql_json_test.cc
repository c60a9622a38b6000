// Tests for serialize/sparql_json.h (SPARQL 1.1 Query Results JSON).
#include "serialize/sparql_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>

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

// The writer the serializer replaced, kept as the reference: RapidJSON's
// Writer with the same document shape.
std::string ReferenceJson(const ResultSet& results) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const std::string& s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  w.Key("head");
  w.StartObject();
  w.Key("vars");
  w.StartArray();
  for (const auto& v : results.variables) str(v);
  w.EndArray();
  w.EndObject();
  w.Key("results");
  w.StartObject();
  w.Key("bindings");
  w.StartArray();
  for (const auto& row : results.rows) {
    w.StartObject();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      const Term& t = *row[i];
      str(results.variables[i]);
      w.StartObject();
      w.Key("type");
      w.String(t.is_iri() ? "uri" : t.is_blank() ? "bnode" : "literal");
      w.Key("value");
      str(t.value);
      if (t.is_literal() && !t.language.empty()) {
        w.Key("xml:lang");
        str(t.language);
      } else if (t.is_literal() && !t.datatype.empty()) {
        w.Key("datatype");
        str(t.datatype);
      }
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

// Strings drawn from the bytes that need escaping (every control
// character, quote, backslash), plain ASCII, DEL and multi-byte UTF-8.
std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = [] {
    std::vector<std::string> p;
    for (int c = 0; c < 0x20; ++c) p.push_back(std::string(1, static_cast<char>(c)));
    for (const char* s : {"\"", "\\", "/", "a", "Z", " ", "\x7f", "\xc3\xb6", "\xe2\x80\xa8",
                          "\xf0\x9f\x98\x80", "https://example.org/", "label"})
      p.push_back(s);
    return p;
  }();
  std::string s;
  std::size_t n = rng() % 12;
  for (std::size_t i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
  return s;
}

TEST(SparqlJsonTest, SameBytesAsRapidJsonWriterOnRandomTerms) {
  std::mt19937 rng(20261201);
  for (int round = 0; round < 200; ++round) {
    ResultSet rs;
    std::size_t vars = 1 + rng() % 4;
    for (std::size_t v = 0; v < vars; ++v) rs.variables.push_back("v" + std::to_string(v) + RandomText(rng));
    std::size_t rows = rng() % 6;
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<ResultCell> row;
      for (std::size_t v = 0; v < vars; ++v) {
        switch (rng() % 6) {
          case 0: row.push_back(std::nullopt); break;
          case 1: row.push_back(Term::Iri(RandomText(rng))); break;
          case 2: row.push_back(Term::Blank(RandomText(rng))); break;
          case 3: row.push_back(Term::Literal(RandomText(rng))); break;
          case 4: row.push_back(Term::Literal(RandomText(rng), "nl-" + RandomText(rng))); break;
          default: row.push_back(Term::Literal(RandomText(rng), {}, "http://x/" + RandomText(rng)));
        }
      }
      rs.rows.push_back(std::move(row));
    }
    std::string ours = WriteSparqlJson(rs);
    ASSERT_EQ(ours, ReferenceJson(rs)) << "round " << round;
    ParseJson(ours);
  }
}

// Every byte value at every place of a word and its neighbours, among
// bytes that need no escaping: the writer tests 8 bytes at once.
TEST(SparqlJsonTest, SameBytesAsRapidJsonWriterForEveryByteAtEveryPlace) {
  for (int b = 0; b < 256; ++b) {
    ResultSet rs;
    rs.variables = {"v"};
    for (std::size_t at = 0; at < 17; ++at) {
      std::string text(17, 'a');
      text[at] = static_cast<char>(b);
      rs.rows.push_back({Term::Literal(text)});
    }
    ASSERT_EQ(WriteSparqlJson(rs), ReferenceJson(rs)) << "byte " << b;
  }
}

}  // namespace
}  // namespace kg

#include "serialize/jsonld.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace kg {
namespace {

const std::string kEx = "http://example.org/";
const std::string kFoaf = "http://xmlns.com/foaf/0.1/";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

Triple T(Term s, const std::string& p, Term o) { return {std::move(s), Term::Iri(p), std::move(o)}; }

// IRIs, a blank node, simple / language-tagged / datatyped literals, rdf:type,
// and IRIs that must not be compacted.
Graph SampleGraph() {
  return {
      T(Term::Iri(kEx + "alice"), kRdfType, Term::Iri(kFoaf + "Person")),
      T(Term::Iri(kEx + "alice"), kFoaf + "name", Term::Literal("Alice")),
      T(Term::Iri(kEx + "alice"), kFoaf + "knows", Term::Blank("b1")),
      T(Term::Blank("b1"), kFoaf + "name", Term::Literal("Bob", "en")),
      T(Term::Blank("b1"), kRdfType, Term::Blank("cls")),  // bnode type: stays a property
      T(Term::Iri(kEx + "alice"), kEx + "age", Term::Literal("042", "", kXsd + "integer")),
      T(Term::Iri(kEx + "alice"), kEx + "link", Term::Iri(kEx + "//x")),  // local "//x"
      T(Term::Iri("http://empty.org/a"), kEx + "p", Term::Literal("q\"\\\n")),
      T(Term::Iri("http://under.org/a"), kEx + "p", Term::Iri("urn:isbn:123")),
      T(Term::Iri("http://urn.example/a"), kEx + "p", Term::Literal("")),
  };
}

PrefixMap SamplePrefixes() {
  return {{"unused", "http://unused.org/"},   // never used: left out
          {"foaf", kFoaf},
          {"ex", kEx},
          {"", "http://empty.org/"},          // empty name: unusable
          {"_", "http://under.org/"},         // would read as a blank node
          {"urn", "http://urn.example/"},     // would hijack <urn:isbn:123>
          {"xsd", kXsd},
          {"ns", "http://example.org/ns_"}};  // no gen-delim: not a 1.1 prefix
}

constexpr const char* kGolden = R"({
  "@context": {
    "foaf": "http://xmlns.com/foaf/0.1/",
    "ex": "http://example.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#"
  },
  "@graph": [
    {
      "@id": "http://empty.org/a",
      "ex:p": "q\"\\\n"
    },
    {
      "@id": "ex:alice",
      "@type": "foaf:Person",
      "ex:age": {
        "@value": "042",
        "@type": "xsd:integer"
      },
      "ex:link": {
        "@id": "http://example.org///x"
      },
      "foaf:knows": {
        "@id": "_:b1"
      },
      "foaf:name": "Alice"
    },
    {
      "@id": "http://under.org/a",
      "ex:p": {
        "@id": "urn:isbn:123"
      }
    },
    {
      "@id": "http://urn.example/a",
      "ex:p": ""
    },
    {
      "@id": "_:b1",
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {
        "@id": "_:cls"
      },
      "foaf:name": {
        "@value": "Bob",
        "@language": "en"
      }
    }
  ]
}
)";

TEST(JsonLdWriterTest, GoldenOutput) {
  EXPECT_EQ(WriteJsonLd(SampleGraph(), SamplePrefixes()), kGolden);
}

TEST(JsonLdWriterTest, DeterministicRegardlessOfInputOrderAndDuplicates) {
  Graph g = SampleGraph();
  std::string first = WriteJsonLd(g, SamplePrefixes());
  std::mt19937 rng(42);
  for (int i = 0; i < 5; ++i) {
    Graph shuffled = g;
    shuffled.push_back(g[i]);  // a duplicate triple is written once
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_EQ(WriteJsonLd(shuffled, SamplePrefixes()), first);
  }
}

TEST(JsonLdWriterTest, EmptyGraphAndNoPrefixes) {
  EXPECT_EQ(WriteJsonLd({}, SamplePrefixes()), "{\n  \"@graph\": []\n}\n");
  std::string out = WriteJsonLd({T(Term::Iri(kEx + "s"), kEx + "p", Term::Literal("1", "", kXsd + "int"))}, {});
  EXPECT_EQ(out.find("@context"), std::string::npos);
  EXPECT_NE(out.find("\"http://example.org/p\""), std::string::npos);
  EXPECT_NE(out.find("\"@type\": \"http://www.w3.org/2001/XMLSchema#int\""), std::string::npos);
}

TEST(JsonLdWriterTest, MultipleTypesAndValuesBecomeArrays) {
  Graph g = {T(Term::Iri(kEx + "s"), kRdfType, Term::Iri(kEx + "B")),
             T(Term::Iri(kEx + "s"), kRdfType, Term::Iri(kEx + "A")),
             T(Term::Iri(kEx + "s"), kEx + "p", Term::Literal("y")),
             T(Term::Iri(kEx + "s"), kEx + "p", Term::Literal("x"))};
  std::string out = WriteJsonLd(g, {{"ex", kEx}});
  EXPECT_NE(out.find("\"@type\": [\n        \"ex:A\",\n        \"ex:B\"\n      ]"), std::string::npos)
      << out;
  EXPECT_NE(out.find("\"ex:p\": [\n        \"x\",\n        \"y\"\n      ]"), std::string::npos) << out;
}

TEST(JsonLdWriterTest, InvalidUtf8IsReplaced) {
  std::string out =
      WriteJsonLd({T(Term::Iri(kEx + "s"), kEx + "p", Term::Literal("a\xff" "b\xc3"))}, {});
  EXPECT_NE(out.find("a\xEF\xBF\xBD" "b\xEF\xBF\xBD"), std::string::npos) << out;
}

// --- Cross-check with an independent processor (rdflib) ----------------------

std::string NtEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out;
}

std::string NtTerm(const Term& t) {
  if (t.is_iri()) return "<" + t.value + ">";
  if (t.is_blank()) return "_:" + t.value;
  std::string s = "\"" + NtEscape(t.value) + "\"";
  if (!t.language.empty()) return s + "@" + t.language;
  if (!t.datatype.empty()) return s + "^^<" + t.datatype + ">";
  return s;
}

std::string NTriples(const Graph& g) {
  std::string out;
  for (const auto& t : g)
    out += NtTerm(t.subject) + " " + NtTerm(t.predicate) + " " + NtTerm(t.object) + " .\n";
  return out;
}

class RdflibCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1") != 0)
      GTEST_SKIP() << "/usr/bin/python3 with rdflib not available";
    dir_ = std::filesystem::temp_directory_path() /
           ("kg_jsonld_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // Exit status of jsonld_rdflib_check.py on (jsonld, nt).
  int Check(const std::string& jsonld, const std::string& nt) {
    std::ofstream(dir_ / "g.jsonld", std::ios::binary) << jsonld;
    std::ofstream(dir_ / "g.nt", std::ios::binary) << nt;
    std::string cmd = std::string("/usr/bin/python3 ") + KG_SOURCE_DIR +
                      "/tests/serialize/jsonld_rdflib_check.py " + (dir_ / "g.jsonld").string() +
                      " " + (dir_ / "g.nt").string();
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  std::filesystem::path dir_;
};

Graph TrickyGraph() {
  Graph g = SampleGraph();
  const std::vector<std::string> strings = {
      "", "quote \" and 'single'", "back\\slash", "line1\nline2\r\n\ttab",
      "unicode: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 \xe4\xb8\xad", "{\"@id\": \"json-looking\"}",
      "\x01\x1f control"};
  for (size_t i = 0; i < strings.size(); ++i)
    g.push_back(T(Term::Iri(kEx + "str"), kEx + "v" + std::to_string(i), Term::Literal(strings[i])));
  g.push_back(T(Term::Iri(kEx + "str"), kEx + "lang", Term::Literal("Gr\xc3\xbc\xc3\x9f" "e", "de-at")));
  g.push_back(T(Term::Iri(kEx + "str"), kEx + "dbl", Term::Literal("1.50", "", kXsd + "decimal")));
  g.push_back(T(Term::Iri(kEx + "str"), kEx + "bool", Term::Literal("1", "", kXsd + "boolean")));
  g.push_back(T(Term::Blank("x"), kEx + "self", Term::Blank("x")));
  return g;
}

TEST_F(RdflibCheck, RdflibReadsTheSameTriples) {
  Graph g = TrickyGraph();
  EXPECT_EQ(Check(WriteJsonLd(g, SamplePrefixes()), NTriples(g)), 0);
}

TEST_F(RdflibCheck, CheckerDetectsADifference) {
  Graph g = TrickyGraph();
  Graph other = g;
  other.back().object = Term::Literal("not a blank node");
  EXPECT_EQ(Check(WriteJsonLd(g, SamplePrefixes()), NTriples(other)), 1);
  Graph lexical = g;
  lexical[5].object = Term::Literal("42", "", kXsd + "integer");  // "042" vs "42"
  EXPECT_EQ(Check(WriteJsonLd(g, SamplePrefixes()), NTriples(lexical)), 1);
}

}  // namespace
}  // namespace kg

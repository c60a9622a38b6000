#include "parse/jsonld.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "serialize/jsonld.h"

namespace kg {
namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// --- Test helpers: a tiny N-Triples reader for expectations, and a graph
// isomorphism check (blank nodes matched up to renaming, by backtracking).

Term ParseTerm(const std::string& s, size_t& i) {
  while (s[i] == ' ') ++i;
  if (s[i] == '<') {
    size_t end = s.find('>', i);
    Term t = Term::Iri(s.substr(i + 1, end - i - 1));
    i = end + 1;
    return t;
  }
  if (s[i] == '_') {
    size_t end = s.find(' ', i);
    Term t = Term::Blank(s.substr(i + 2, end - i - 2));
    i = end;
    return t;
  }
  std::string lex;
  for (++i; s[i] != '"'; ++i) {
    if (s[i] != '\\') {
      lex += s[i];
      continue;
    }
    char c = s[++i];
    lex += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
  }
  ++i;
  std::string lang, dt;
  if (s[i] == '@') {
    size_t end = s.find(' ', i);
    lang = s.substr(i + 1, end - i - 1);
    i = end;
  } else if (s.compare(i, 2, "^^") == 0) {
    i += 2;
    dt = ParseTerm(s, i).value;
  }
  return Term::Literal(lex, lang, dt);
}

// One triple per line: "<s> <p> <o> ." with _:x blank nodes.
Graph Nt(const std::string& text) {
  Graph g;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? end : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (line.find_first_not_of(' ') == std::string::npos) continue;
    size_t i = 0;
    Triple t;
    t.subject = ParseTerm(line, i);
    t.predicate = ParseTerm(line, i);
    t.object = ParseTerm(line, i);
    g.push_back(t);
  }
  return g;
}

Term Rename(const Term& t, const std::map<std::string, std::string>& m) {
  if (!t.is_blank()) return t;
  auto it = m.find(t.value);
  return Term::Blank(it == m.end() ? "?" + t.value : it->second);
}

std::vector<std::string> Blanks(const Graph& g) {
  std::set<std::string> s;
  for (const auto& t : g)
    for (const Term* x : {&t.subject, &t.object})
      if (x->is_blank()) s.insert(x->value);
  return {s.begin(), s.end()};
}

bool Match(const std::set<Triple>& a, const std::set<Triple>& b, const std::vector<std::string>& from,
           std::vector<std::string>& to, std::map<std::string, std::string>& m, size_t k) {
  if (k == from.size()) {
    std::set<Triple> renamed;
    for (const auto& t : a) renamed.insert({Rename(t.subject, m), t.predicate, Rename(t.object, m)});
    return renamed == b;
  }
  for (size_t j = k; j < to.size(); ++j) {
    std::swap(to[k], to[j]);
    m[from[k]] = to[k];
    if (Match(a, b, from, to, m, k + 1)) return true;
    std::swap(to[k], to[j]);
  }
  m.erase(from[k]);
  return false;
}

bool Isomorphic(const Graph& a, const Graph& b) {
  std::set<Triple> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  auto from = Blanks(a), to = Blanks(b);
  if (sa.size() != sb.size() || from.size() != to.size()) return false;
  std::map<std::string, std::string> m;
  return Match(sa, sb, from, to, m, 0);
}

std::string Dump(const Graph& g) {
  std::string out;
  auto term = [](const Term& t) {
    if (t.is_iri()) return "<" + t.value + ">";
    if (t.is_blank()) return "_:" + t.value;
    return "\"" + t.value + "\"" + (t.language.empty() ? "" : "@" + t.language) +
           (t.datatype.empty() ? "" : "^^<" + t.datatype + ">");
  };
  for (const auto& t : g) out += term(t.subject) + " " + term(t.predicate) + " " + term(t.object) + " .\n";
  return out;
}

// Parses `json` and expects exactly the triples of `expected` (N-Triples).
void ExpectTriples(const std::string& json, const std::string& expected,
                   const std::string& base = "http://example.com/doc") {
  auto r = ReadJsonLd(json, base);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(Isomorphic(*r, Nt(expected))) << "got:\n" << Dump(*r) << "expected:\n" << expected;
}

TEST(JsonLdHelpersTest, IsomorphismCanFail) {
  EXPECT_TRUE(Isomorphic(Nt("_:a <http://p> _:b .\n_:b <http://p> _:a ."),
                         Nt("_:x <http://p> _:y .\n_:y <http://p> _:x .")));
  EXPECT_FALSE(Isomorphic(Nt("_:a <http://p> _:b ."), Nt("_:a <http://p> _:a .")));
  EXPECT_FALSE(Isomorphic(Nt("<http://s> <http://p> \"x\" ."), Nt("<http://s> <http://p> \"x\"@en .")));
}

// JSON-LD 1.1 §3 (Example 2 / 4): terms, @type: @id coercion, blank subject.
TEST(JsonLdReaderTest, SpecBasicConcepts) {
  ExpectTriples(R"({
    "@context": {
      "name": "http://schema.org/name",
      "image": {"@id": "http://schema.org/image", "@type": "@id"},
      "homepage": {"@id": "http://schema.org/url", "@type": "@id"}
    },
    "name": "Manu Sporny",
    "homepage": "http://manu.sporny.org/",
    "image": "http://manu.sporny.org/images/manu.png"
  })",
                R"(_:m <http://schema.org/name> "Manu Sporny" .
_:m <http://schema.org/url> <http://manu.sporny.org/> .
_:m <http://schema.org/image> <http://manu.sporny.org/images/manu.png> .)");
}

// @vocab, @base, default @language, keyword aliases, compact IRIs, relative
// @id, null-mapped and unmapped keys, @type via alias.
TEST(JsonLdReaderTest, VocabBaseLanguageAliasesCompactIris) {
  ExpectTriples(R"({
    "@context": {
      "@vocab": "http://schema.org/", "@base": "http://example.com/people/",
      "@language": "EN", "foaf": "http://xmlns.com/foaf/0.1/",
      "id": "@id", "type": "@type", "ignored": null,
      "knows": {"@type": "@id"},
      "nolang": {"@id": "foaf:nick", "@language": null}
    },
    "id": "alice", "type": ["Person", "foaf:Agent"],
    "name": "Alice",
    "foaf:nick": {"@value": "al", "@language": "de"},
    "nolang": "Ally",
    "knows": "../bob",
    "ignored": "dropped",
    "@unknownkeyword": "dropped"
  })",
                R"(<http://example.com/people/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
<http://example.com/people/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Agent> .
<http://example.com/people/alice> <http://schema.org/name> "Alice"@en .
<http://example.com/people/alice> <http://xmlns.com/foaf/0.1/nick> "al"@de .
<http://example.com/people/alice> <http://xmlns.com/foaf/0.1/nick> "Ally" .
<http://example.com/people/alice> <http://schema.org/knows> <http://example.com/bob> .)");
}

// API §8.6: numbers and booleans -> canonical xsd lexical forms; typed values.
TEST(JsonLdReaderTest, NumbersBooleansTypedValues) {
  ExpectTriples(R"({
    "@context": {"xsd": "http://www.w3.org/2001/XMLSchema#",
                 "age": {"@id": "http://ex/age", "@type": "xsd:integer"}},
    "@id": "http://ex/x",
    "http://ex/i": 42, "http://ex/neg": -7, "http://ex/two": 2.0, "http://ex/k": 1e3,
    "http://ex/d": 1.1, "http://ex/e": 5.3e-3, "http://ex/big": 1e21,
    "http://ex/t": true, "http://ex/f": false,
    "http://ex/c": {"@value": 5, "@type": "xsd:double"},
    "http://ex/date": {"@value": "2024-01-01", "@type": "xsd:date"},
    "http://ex/s": {"@value": "plain"},
    "http://ex/null": {"@value": null},
    "age": "042"
  })",
                R"(<http://ex/x> <http://ex/i> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/x> <http://ex/neg> "-7"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/x> <http://ex/two> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/x> <http://ex/k> "1000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/x> <http://ex/d> "1.1E0"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://ex/x> <http://ex/e> "5.3E-3"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://ex/x> <http://ex/big> "1.0E21"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://ex/x> <http://ex/t> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://ex/x> <http://ex/f> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://ex/x> <http://ex/c> "5.0E0"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://ex/x> <http://ex/date> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
<http://ex/x> <http://ex/s> "plain" .
<http://ex/x> <http://ex/age> "042"^^<http://www.w3.org/2001/XMLSchema#integer> .)");
}

// Top-level @graph, nested node objects with and without @id, arrays, @set.
TEST(JsonLdReaderTest, GraphNestedNodesArraysSet) {
  ExpectTriples(R"({
    "@context": {"@vocab": "http://ex/"},
    "@graph": [
      {"@id": "http://ex/a", "knows": [{"@id": "http://ex/b", "name": "B"}, {"name": "anon"}],
       "tags": {"@set": ["x", "y"]}},
      {"@id": "http://ex/c", "name": ["C1", "C2"]},
      "free-floating string is dropped",
      {"@value": "free-floating value is dropped"}
    ]
  })",
                R"(<http://ex/a> <http://ex/knows> <http://ex/b> .
<http://ex/b> <http://ex/name> "B" .
<http://ex/a> <http://ex/knows> _:n .
_:n <http://ex/name> "anon" .
<http://ex/a> <http://ex/tags> "x" .
<http://ex/a> <http://ex/tags> "y" .
<http://ex/c> <http://ex/name> "C1" .
<http://ex/c> <http://ex/name> "C2" .)");
}

// A named graph (@id + @graph) is merged into the default graph; its own
// properties are kept. A top-level array works too.
TEST(JsonLdReaderTest, NamedGraphIsMerged) {
  ExpectTriples(R"([{
    "@context": {"@vocab": "http://ex/"},
    "@id": "http://ex/g", "source": "meta",
    "@graph": [{"@id": "http://ex/s", "p": "in graph"}]
  }, {"@id": "http://ex/t", "http://ex/p": "second element"}])",
                R"(<http://ex/g> <http://ex/source> "meta" .
<http://ex/s> <http://ex/p> "in graph" .
<http://ex/t> <http://ex/p> "second element" .)");
}

// §4.3.1 lists: @container @list, explicit @list, empty list, list of lists.
TEST(JsonLdReaderTest, Lists) {
  ExpectTriples(R"({
    "@context": {"ex": "http://ex/", "seq": {"@id": "ex:seq", "@container": "@list"}},
    "@id": "ex:s",
    "seq": ["a", {"@id": "ex:o"}],
    "ex:empty": {"@list": []},
    "ex:nested": {"@list": [[1], "z"]},
    "ex:one": {"@list": "single"}
  })",
                R"(<http://ex/s> <http://ex/seq> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a" .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://ex/o> .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://ex/s> <http://ex/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://ex/s> <http://ex/nested> _:n1 .
_:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:in1 .
_:in1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:in1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
_:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:n2 .
_:n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "z" .
_:n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://ex/s> <http://ex/one> _:o1 .
_:o1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "single" .
_:o1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .)");
}

// JSON-LD 1.1 §4.8 (Example 62/63): @reverse keyword and reverse terms.
TEST(JsonLdReaderTest, Reverse) {
  ExpectTriples(R"({
    "@context": {"name": "http://example.com/vocab#name",
                 "children": {"@reverse": "http://example.com/vocab#parent"}},
    "@id": "#homer", "name": "Homer",
    "children": [{"@id": "#bart", "name": "Bart"}, {"@id": "#lisa"}],
    "@reverse": {"http://example.com/vocab#spouse": {"@id": "#marge"}}
  })",
                R"(<http://example.com/doc#homer> <http://example.com/vocab#name> "Homer" .
<http://example.com/doc#bart> <http://example.com/vocab#parent> <http://example.com/doc#homer> .
<http://example.com/doc#bart> <http://example.com/vocab#name> "Bart" .
<http://example.com/doc#lisa> <http://example.com/vocab#parent> <http://example.com/doc#homer> .
<http://example.com/doc#marge> <http://example.com/vocab#spouse> <http://example.com/doc#homer> .)");
}

// Blank node labels are consistent within a document and fresh per call.
TEST(JsonLdReaderTest, BlankNodeRelabeling) {
  const std::string doc = R"({"@graph": [
    {"@id": "_:b0", "http://ex/knows": {"@id": "_:b1"}},
    {"@id": "_:b1", "http://ex/knows": {"@id": "_:b0"}, "@type": "_:b0"}]})";
  ExpectTriples(doc, R"(_:x <http://ex/knows> _:y .
_:y <http://ex/knows> _:x .
_:y <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:x .)");
  auto first = ReadJsonLd(doc, ""), second = ReadJsonLd(doc, "");
  ASSERT_TRUE(first.ok() && second.ok());
  std::set<std::string> a, b;
  for (const auto& t : *first) a.insert(t.subject.value);
  for (const auto& t : *second) b.insert(t.subject.value);
  EXPECT_FALSE(a.count("b0")) << "document labels are not kept";
  for (const auto& label : a) {
    EXPECT_EQ(label.rfind("jld", 0), 0u) << label;
    EXPECT_FALSE(b.count(label)) << "label " << label << " reused across calls";
  }
}

// Property-scoped and type-scoped contexts (§4.1.8), @propagate, context
// arrays, null reset, embedded contexts.
TEST(JsonLdReaderTest, ScopedAndEmbeddedContexts) {
  ExpectTriples(R"({
    "@context": [
      {"@vocab": "http://wrong/"},
      null,
      {"@vocab": "http://ex/",
       "Person": {"@id": "http://ex/Person", "@context": {"name": "http://typed/name"}},
       "address": {"@id": "http://ex/address", "@context": {"@vocab": "http://addr/"}}}
    ],
    "@id": "http://ex/p", "@type": "Person", "name": "typed-scoped",
    "address": {"street": "Main St", "@context": {"zip": "http://zip/code"}, "zip": "12345"},
    "friend": {"name": "type-scoped context does not propagate"}
  })",
                R"(<http://ex/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/Person> .
<http://ex/p> <http://typed/name> "typed-scoped" .
<http://ex/p> <http://ex/address> _:a .
_:a <http://addr/street> "Main St" .
_:a <http://zip/code> "12345" .
<http://ex/p> <http://ex/friend> _:f .
_:f <http://ex/name> "type-scoped context does not propagate" .)");
}

// @language / @index containers, @included, @nest, @vocab coercion, @type:
// @none, relative IRIs without a base are dropped.
TEST(JsonLdReaderTest, ContainersIncludedNestVocabCoercion) {
  ExpectTriples(R"({
    "@context": {"@vocab": "http://ex/", "@language": "fr",
      "label": {"@container": "@language"},
      "byIndex": {"@container": "@index"},
      "status": {"@type": "@vocab"},
      "raw": {"@type": "@none"},
      "meta": "@nest",
      "Active": "http://ex/states#active"},
    "@id": "http://ex/s",
    "label": {"en": "Hello", "DE": ["Hallo", null], "@none": "plain"},
    "byIndex": {"one": "1st", "two": {"@id": "http://ex/o"}},
    "status": "Active",
    "raw": "bonjour",
    "meta": {"nested": "value"},
    "@included": [{"@id": "http://ex/inc", "p": "included"}],
    "rel": {"@id": "relative/only"}
  })",
                R"(<http://ex/s> <http://ex/label> "Hello"@en .
<http://ex/s> <http://ex/label> "Hallo"@de .
<http://ex/s> <http://ex/label> "plain" .
<http://ex/s> <http://ex/byIndex> "1st"@fr .
<http://ex/s> <http://ex/byIndex> <http://ex/o> .
<http://ex/s> <http://ex/status> <http://ex/states#active> .
<http://ex/s> <http://ex/raw> "bonjour"@fr .
<http://ex/s> <http://ex/nested> "value"@fr .
<http://ex/inc> <http://ex/p> "included"@fr .)",
                /*base=*/"");
}

// JSON-LD 1.1 §4.4 (Example 27/29): compact IRIs, prefix flag rules.
TEST(JsonLdReaderTest, CompactIrisAndPrefixRules) {
  ExpectTriples(R"({
    "@context": {"foaf": "http://xmlns.com/foaf/0.1/",
                 "notprefix": "http://ex/ns_",
                 "expanded": {"@id": "http://ex/e/"},
                 "flagged": {"@id": "http://ex/f_", "@prefix": true},
                 "foaf:homepage": {"@type": "@id"}},
    "@id": "http://ex/s",
    "foaf:name": "Dave", "foaf:homepage": "http://dave.example/",
    "notprefix:x": "not expanded: notprefix has no gen-delim",
    "expanded:y": "not expanded: expanded term definitions are not prefixes",
    "flagged:z": "expanded via @prefix true",
    "http://ex/full": {"@id": "_:blank"}
  })",
                R"(<http://ex/s> <http://xmlns.com/foaf/0.1/name> "Dave" .
<http://ex/s> <http://xmlns.com/foaf/0.1/homepage> <http://dave.example/> .
<http://ex/s> <notprefix:x> "not expanded: notprefix has no gen-delim" .
<http://ex/s> <expanded:y> "not expanded: expanded term definitions are not prefixes" .
<http://ex/s> <http://ex/f_z> "expanded via @prefix true" .
<http://ex/s> <http://ex/full> _:b .)");
}

TEST(JsonLdReaderTest, RelativeIdsResolveAgainstBase) {
  ExpectTriples(R"({"@context": {"@base": "../other/"},
    "@id": "a?q#f", "http://ex/p": [{"@id": ""}, {"@id": "/root"}, {"@id": "//host/x"}]})",
                R"(<http://example.com/other/a?q#f> <http://ex/p> <http://example.com/other/> .
<http://example.com/other/a?q#f> <http://ex/p> <http://example.com/root> .
<http://example.com/other/a?q#f> <http://ex/p> <http://host/x> .)",
                "http://example.com/dir/doc.jsonld");
}

// --- Errors -------------------------------------------------------------------

TEST(JsonLdReaderTest, JsonSyntaxErrorHasLineAndColumn) {
  auto r = ReadJsonLd("{\n  \"@id\": \"http://ex/a\",\n  \"http://ex/p\": \xc3\xa9 }", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Error::Code::kSyntax);
  EXPECT_EQ(r.error().line, 3);
  EXPECT_EQ(r.error().column, 18);  // code points, so "é" is one column
  EXPECT_NE(r.error().message.find("Invalid value."), std::string::npos) << r.error().message;

  auto trailing = ReadJsonLd("{}\n\n  x", "");
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().line, 3);
  EXPECT_EQ(trailing.error().column, 3);
  EXPECT_NE(trailing.error().message.find("root"), std::string::npos) << trailing.error().message;

  auto unterminated = ReadJsonLd("[\"abc", "");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_EQ(unterminated.error().line, 1);
  EXPECT_GT(unterminated.error().column, 1);
}

void ExpectError(const std::string& json, Error::Code code, const std::string& fragment) {
  auto r = ReadJsonLd(json, "http://example.com/");
  ASSERT_FALSE(r.ok()) << json;
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
}

TEST(JsonLdReaderTest, JsonLdErrors) {
  using C = Error::Code;
  ExpectError(R"({"@context": "https://schema.org/", "name": "x"})", C::kUnsupported,
              "remote @context URLs are not fetched");
  ExpectError(R"({"@context": [{"a": "http://a/"}, "https://w3id.org/x"]})", C::kUnsupported,
              "remote @context");
  ExpectError(R"({"@context": {"@import": "http://x/"}})", C::kUnsupported, "@import");
  ExpectError(R"({"@context": {"a": {"@id": "http://a", "@container": "@graph"}}})",
              C::kUnsupported, "@container @graph");
  ExpectError(R"({"http://ex/p": {"@value": "{}", "@type": "@json"}})", C::kUnsupported, "@json");
  ExpectError(R"({"@id": 5})", C::kSyntax, "@id value must be a string");
  ExpectError(R"({"@context": {"a": "b:c", "b": "a:d"}})", C::kSyntax, "cyclic IRI mapping");
  ExpectError(R"({"@context": {"@id": "http://x"}})", C::kSyntax, "keyword redefinition");
  ExpectError(R"({"@context": {"term": 5}})", C::kSyntax, "term definition of \"term\"");
  ExpectError(R"({"@context": {"term": {"@type": "@id"}}})", C::kSyntax, "no @vocab");
  ExpectError(R"({"http://ex/p": {"@value": "x", "@language": "en", "@type": "http://t"}})",
              C::kSyntax, "both @type and @language");
  ExpectError(R"({"http://ex/p": {"@value": 5, "@language": "en"}})", C::kSyntax, "non-string");
  ExpectError(R"({"http://ex/p": {"@value": "x", "@type": "_:dt"}})", C::kSyntax, "not an IRI");
  ExpectError(R"({"@context": {"r": {"@reverse": "http://r"}}, "r": "literal"})", C::kSyntax,
              "invalid reverse property value");
  ExpectError(R"("just a string")", C::kSyntax, "object or array");
  ExpectError(std::string(300, '[') + std::string(300, ']'), C::kUnsupported, "nesting");
}

// --- Round trip through the writer -------------------------------------------

TEST(JsonLdRoundTripTest, WriterOutputReadsBackToTheSameTriples) {
  const std::string ex = "http://example.org/";
  Graph g;
  auto add = [&](Term s, const std::string& p, Term o) {
    g.push_back({std::move(s), Term::Iri(p), std::move(o)});
  };
  const std::vector<std::string> strings = {
      "", "quote \" 'single'", "back\\slash \\n not a newline", "line1\nline2\r\n\ttab",
      "unicode \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "{\"@value\": \"json-looking\"}",
      std::string("nul\0byte", 8), "\x01\x1f", "@id", "_:notablank", "http://not.an/iri"};
  for (size_t i = 0; i < strings.size(); ++i)
    add(Term::Iri(ex + "s"), ex + "v" + std::to_string(i), Term::Literal(strings[i]));
  add(Term::Iri(ex + "s"), kRdf + "type", Term::Iri(ex + "Thing"));
  add(Term::Iri(ex + "s"), kRdf + "type", Term::Blank("t"));
  add(Term::Iri(ex + "s"), kRdf + "type", Term::Literal("literal type"));
  add(Term::Iri(ex + "s"), ex + "lang", Term::Literal("Stra\xc3\x9f" "e", "de-ch"));
  add(Term::Iri(ex + "s"), ex + "int", Term::Literal("0042", "", kXsd + "integer"));
  add(Term::Iri(ex + "s"), ex + "dbl", Term::Literal("1e0", "", kXsd + "double"));
  add(Term::Iri(ex + "s"), ex + "bool", Term::Literal("1", "", kXsd + "boolean"));
  add(Term::Iri(ex + "s"), ex + "bnode", Term::Blank("b"));
  add(Term::Blank("b"), ex + "self", Term::Blank("b"));
  add(Term::Blank("b"), ex + "link", Term::Iri(ex + "//x"));
  add(Term::Iri("urn:isbn:123"), ex + "p", Term::Iri("http://under.org/a"));
  add(Term::Iri(ex + "s"), kRdf + "first", Term::Iri(kRdf + "nil"));
  PrefixMap prefixes = {{"ex", ex}, {"urn", "http://urn.example/"}, {"_", "http://under.org/"},
                        {"", "http://empty.org/"}, {"rdf", kRdf}, {"xsd", kXsd}};
  std::string json = WriteJsonLd(g, prefixes);
  auto back = ReadJsonLd(json, "http://base.example/");
  ASSERT_TRUE(back.ok()) << back.error().ToString() << "\n" << json;
  EXPECT_TRUE(Isomorphic(*back, g)) << "read back:\n" << Dump(*back) << "from:\n" << json;

  // And the comparison is strict enough to notice a change.
  Graph changed = g;
  changed[3].object = Term::Literal("line1\nline2\n\ttab");
  EXPECT_FALSE(Isomorphic(*back, changed));
}

}  // namespace
}  // namespace kg

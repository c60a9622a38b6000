// libFuzzer target for every result serializer (serialize/serialize.h) with
// arbitrary terms. The input builds a ResultSet and a Graph
// (FuzzedDataProvider). First byte, bit 0:
//  - 0: "well-formed" terms (absolute IRIs of IRI-safe characters, blank
//    labels [A-Za-z0-9], valid UTF-8 literals, BCP 47-shaped language tags):
//    N-Triples and Turtle must parse back with RdfCodec::Parse and JSON-LD
//    with ReadJsonLd to the same graph (blank nodes compared by label-blind
//    canonical form); SPARQL JSON must be valid JSON;
//  - 1: arbitrary bytes in every field: writers may refuse (Result error) but
//    must not crash, hang or read out of bounds.
#include <fuzzer/FuzzedDataProvider.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "parse/jsonld.h"
#include "serialize/serialize.h"
#include "store/rdf_codec.h"

namespace {

bool Utf8Valid(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0) return false;
    std::uint32_t cp = n == 0 ? c : c & (0x3f >> n);
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

std::string Pick(FuzzedDataProvider& in, std::string_view alphabet, std::size_t max) {
  std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, max);
  std::string s;
  for (std::size_t i = 0; i < n && in.remaining_bytes(); ++i)
    s += alphabet[in.ConsumeIntegralInRange<std::size_t>(0, alphabet.size() - 1)];
  return s;
}

constexpr std::string_view kIriChars =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
constexpr std::string_view kAlnum =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const char* kBases[] = {"http://example.org/", "https://w3id.org/utrecht-leert/begrip/",
                        "http://www.w3.org/2004/02/skos/core#", "urn:x:", "http://a/b#c/"};
const char* kTypes[] = {"http://www.w3.org/2001/XMLSchema#integer",
                        "http://www.w3.org/2001/XMLSchema#boolean",
                        "http://www.w3.org/2001/XMLSchema#double",
                        "http://www.w3.org/2001/XMLSchema#date", "http://example.org/dt"};

kg::Term WellFormed(FuzzedDataProvider& in, bool allow_literal, bool allow_blank) {
  int kind = in.ConsumeIntegralInRange(0, 2);
  if (kind == 2 && !allow_literal) kind = 0;
  if (kind == 1 && !allow_blank) kind = 0;
  if (kind == 0) {
    std::string iri = kBases[in.ConsumeIntegralInRange(0, 4)] + Pick(in, kIriChars, 12);
    // Raptor's Turtle parser removes dot segments (RFC 3986 §5.2.4) even
    // from absolute IRIs: <http://a/./b> reads back as <http://a/b>.
    for (std::size_t i = 0; (i = iri.find("/.", i)) != std::string::npos;) iri[++i] = '_';
    return kg::Term::Iri(iri);
  }
  if (kind == 1) return kg::Term::Blank("b" + Pick(in, kAlnum, 6));
  std::string lex = in.ConsumeRandomLengthString(40);
  if (!Utf8Valid(lex)) lex = "x";
  // Raptor and librdf keep lexical forms as C strings: U+0000 cannot reach
  // the store, so it is not a term kg has to round-trip.
  std::replace(lex.begin(), lex.end(), '\0', ' ');
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0: return kg::Term::Literal(lex);
    case 1: {
      std::string lang = "a" + Pick(in, "abcdefghijklmnopqrstuvwxyz", 5);
      if (in.ConsumeBool()) lang += "-" + Pick(in, kAlnum, 5) + "x";
      return kg::Term::Literal(lex, lang);
    }
    default: return kg::Term::Literal(lex, {}, kTypes[in.ConsumeIntegralInRange(0, 4)]);
  }
}

kg::Term Arbitrary(FuzzedDataProvider& in) {
  kg::Term t;
  t.kind = static_cast<kg::Term::Kind>(in.ConsumeIntegralInRange(0, 2));
  t.value = in.ConsumeRandomLengthString(40);
  if (t.kind == kg::Term::Kind::kLiteral) {
    t.language = in.ConsumeRandomLengthString(8);
    t.datatype = in.ConsumeRandomLengthString(20);
  }
  return t;
}

kg::Term Anon(kg::Term t) {
  if (t.is_blank()) t.value = "_";
  return t;
}

kg::Graph Canonical(kg::Graph g) {
  for (auto& t : g) t = {Anon(t.subject), Anon(t.predicate), Anon(t.object)};
  std::sort(g.begin(), g.end());
  g.erase(std::unique(g.begin(), g.end()), g.end());
  return g;
}

std::string Show(const kg::Graph& g) {
  std::string out;
  for (const auto& t : g)
    for (const kg::Term* x : {&t.subject, &t.predicate, &t.object})
      out += std::to_string(static_cast<int>(x->kind)) + "[" + x->value + "|" + x->language + "|" +
             x->datatype + "]" + (x == &t.object ? "\n" : " ");
  return out;
}

// On a mismatch, says what differs (for the regression test) and traps.
void ExpectSame(const char* what, const kg::Graph& want, const std::string& text,
                const kg::Result<kg::Graph>& got) {
  if (got.ok() && Canonical(want) == Canonical(*got)) return;
  std::fprintf(stderr, "%s round trip differs\nwritten:\n%s\nwant:\n%s", what, text.c_str(),
               Show(Canonical(want)).c_str());
  if (got.ok()) std::fprintf(stderr, "got:\n%s", Show(Canonical(*got)).c_str());
  else std::fprintf(stderr, "parse error: %s\n", got.error().ToString().c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  bool arbitrary = in.ConsumeIntegral<std::uint8_t>() & 1;
  auto term = [&](bool literal, bool blank) {
    return arbitrary ? Arbitrary(in) : WellFormed(in, literal, blank);
  };

  kg::ResultSet rs;
  std::size_t vars = in.ConsumeIntegralInRange<std::size_t>(0, 4);
  for (std::size_t i = 0; i < vars; ++i)
    rs.variables.push_back(arbitrary ? in.ConsumeRandomLengthString(10)
                                     : "v" + Pick(in, kAlnum, 4) + std::to_string(i));
  std::size_t rows = in.ConsumeIntegralInRange<std::size_t>(0, 6);
  for (std::size_t r = 0; r < rows && in.remaining_bytes(); ++r) {
    std::vector<kg::ResultCell> row;
    for (std::size_t i = 0; i < vars; ++i) {
      if (in.ConsumeBool()) row.emplace_back(term(true, true));
      else row.emplace_back(std::nullopt);
    }
    rs.rows.push_back(std::move(row));
  }
  kg::Graph graph;
  std::size_t triples = in.ConsumeIntegralInRange<std::size_t>(0, 8);
  for (std::size_t i = 0; i < triples && in.remaining_bytes(); ++i) {
    kg::Term s = term(false, true), p = term(false, false), o = term(true, true);
    graph.push_back({std::move(s), std::move(p), std::move(o)});
  }
  kg::PrefixMap prefixes = {{"skos", "http://www.w3.org/2004/02/skos/core#"},
                            {"ex", "http://example.org/"}};
  if (arbitrary) prefixes.emplace_back(in.ConsumeRandomLengthString(6), in.ConsumeRandomLengthString(20));

  for (kg::Format f : kg::ResultFormats()) {
    auto sel = kg::WriteQueryResult(f, kg::QueryResult{rs}, prefixes);
    auto ask = kg::WriteQueryResult(f, kg::QueryResult{rs.rows.empty()}, prefixes);
    if (!ask.ok()) __builtin_trap();
    if (!arbitrary && f == kg::Format::kSparqlJson) {
      if (!sel.ok()) __builtin_trap();
      rapidjson::Document d;
      d.Parse(sel->data(), sel->size());
      if (d.HasParseError()) __builtin_trap();
    }
  }
  std::string ntriples, turtle, jsonld;
  for (kg::Format f : kg::GraphFormats()) {
    auto out = kg::WriteGraph(f, graph, prefixes);
    // RDF/XML cannot write a predicate IRI that does not split into an XML
    // QName (e.g. one ending in '/'); refusing with an error is right there.
    if (!arbitrary && !out.ok() && f != kg::Format::kRdfXml) {
      std::fprintf(stderr, "%s refused well-formed terms: %s\n%s", std::string(kg::Info(f).media_type).c_str(),
                   out.error().ToString().c_str(), Show(graph).c_str());
      __builtin_trap();
    }
    if (!out.ok()) continue;
    if (f == kg::Format::kNTriples) ntriples = *out;
    if (f == kg::Format::kTurtle) turtle = *out;
    if (f == kg::Format::kJsonLd) jsonld = *out;
  }
  if (arbitrary) return 0;
  auto& codec = kg::RdfCodec::ForThisThread();
  const std::string base = "http://base.example/";
  auto nt = codec.Parse(ntriples, kg::RdfSyntax::kNTriples, base);
  ExpectSame("N-Triples", graph, ntriples,
             nt.ok() ? kg::Result<kg::Graph>(nt->triples) : kg::Result<kg::Graph>(nt.error()));
  auto ttl = codec.Parse(turtle, kg::RdfSyntax::kTurtle, base);
  ExpectSame("Turtle", graph, turtle,
             ttl.ok() ? kg::Result<kg::Graph>(ttl->triples) : kg::Result<kg::Graph>(ttl.error()));
  ExpectSame("JSON-LD", graph, jsonld, kg::ReadJsonLd(jsonld, base));
  return 0;
}

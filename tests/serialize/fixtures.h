// Shared inputs and golden-file helpers for the serializer tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/term.h"

namespace kg::testing {

inline constexpr const char* kEx = "http://example.org/";
inline constexpr const char* kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

// One small table covering every kind of cell: IRI, blank node, simple,
// language-tagged and typed literal, an unbound cell, and a literal with a
// comma, a quote, a newline and a tab.
inline ResultSet SampleResultSet() {
  ResultSet rs;
  rs.variables = {"s", "label", "n"};
  rs.rows.push_back({Term::Iri("http://example.org/a"), Term::Literal("plain"),
                     Term::Literal("42", "", kXsdInteger)});
  rs.rows.push_back({Term::Blank("b1"), Term::Literal("hallo", "nl"), std::nullopt});
  rs.rows.push_back({Term::Iri("http://example.org/c?x=1&y=<2>"),
                     Term::Literal("a, \"quoted\"\nline\tTab"), std::nullopt});
  return rs;
}

// A small graph: IRIs, a blank node, plain/lang/typed literals, escapes.
inline Graph SampleGraph() {
  const std::string ex = kEx;
  return {
      {Term::Iri(ex + "a"), Term::Iri(kRdfType), Term::Iri(ex + "Thing")},
      {Term::Iri(ex + "a"), Term::Iri(ex + "label"), Term::Literal("A \"thing\"\nsecond", "en")},
      {Term::Iri(ex + "a"), Term::Iri(ex + "count"), Term::Literal("3", "", kXsdInteger)},
      {Term::Iri(ex + "a"), Term::Iri(ex + "knows"), Term::Blank("x")},
      {Term::Blank("x"), Term::Iri(ex + "label"), Term::Literal("tab\there")},
  };
}

inline PrefixMap SamplePrefixes() { return {{"ex", kEx}}; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Compares `actual` with tests/data/serialize/<name>. With KG_UPDATE_GOLDEN=1
// in the environment the file is (re)written instead; review the diff.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(KG_TEST_DATA) + "/serialize/" + name;
  if (const char* u = std::getenv("KG_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream probe(path);
  ASSERT_TRUE(probe.good()) << "missing golden file " << path;
  EXPECT_EQ(actual, ReadFile(path)) << "golden file " << path;
}

}  // namespace kg::testing

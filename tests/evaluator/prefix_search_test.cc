// Prefix filters answered from the store's case-folded index
// (TermDictionary::WithLowerCasePrefix, the candidate path of EvalBgp) give
// exactly the rows the plain filter gives. The reference is the same filter
// with its prefix computed (CONCAT), which neither the kernel nor the index
// recognises, so it is evaluated row by row.
#include <gtest/gtest.h>

#include <algorithm>

#include "evaluator/engine.h"
#include "store/store.h"

namespace kg::sparql {
namespace {

const char* kLabel = "http://x/label";

class PrefixSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Enough labels that a search's candidates are far fewer than the
    // pattern's matches (so the index path is taken), in two graphs that
    // share some triples (the merged default graph counts each once).
    std::vector<Triple> g1, g2;
    auto add = [&](std::vector<Triple>& g, int n, Term label) {
      g.push_back({Term::Iri("http://x/c" + std::to_string(n)), Term::Iri(kLabel), std::move(label)});
    };
    for (int i = 0; i < 400; ++i) {
      add(g1, i, Term::Literal("Word " + std::to_string(i), i % 2 ? "en" : "nl"));
      if (i % 3 == 0) add(g2, i, Term::Literal("Word " + std::to_string(i), i % 2 ? "en" : "nl"));
    }
    add(g1, 1000, Term::Literal("Abc", "en"));
    add(g1, 1001, Term::Literal("abcd"));                  // no language
    add(g1, 1002, Term::Literal("ABC-Z", "nl"));
    add(g1, 1003, Term::Literal("\xE2\x84\xAA" "elvin", "en"));  // KELVIN SIGN lower-cases to "k"
    add(g1, 1004, Term::Literal("\xC3\x89" "cole", "fr"));     // É
    add(g1, 1005, Term::Literal("\xC3\xA9" "cole", "fr"));     // é
    add(g1, 1006, Term::Iri("http://x/AbcIri"));
    add(g1, 1007, Term::Blank("abc"));
    add(g1, 1008, Term::Literal("123", "", "http://www.w3.org/2001/XMLSchema#integer"));
    add(g2, 1009, Term::Literal("abc again", "en"));
    ASSERT_TRUE(store_.Replace(std::string("http://x/g1"), g1).ok());
    ASSERT_TRUE(store_.Replace(std::string("http://x/g2"), g2).ok());
  }

  std::vector<std::string> Rows(const std::string& q) {
    auto r = ExecuteQuery(store_, q);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& row : std::get<ResultSet>(r->value).rows) {
      std::string line;
      for (const auto& v : row) line += (v ? v->value + "@" + v->language : "-") + " ";
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The same search with the prefix as a constant and computed.
  void ExpectSame(const std::string& shape, const std::string& prefix, std::size_t expected) {
    auto query = [&](const std::string& arg) {
      std::string f = shape;
      f.replace(f.find("$"), 1, arg);
      return "SELECT ?c ?l WHERE { ?c <" + std::string(kLabel) + "> ?l FILTER(" + f + ") }";
    };
    auto fast = Rows(query("\"" + prefix + "\""));
    auto slow = Rows(query("CONCAT(\"" + prefix + "\", \"\")"));
    EXPECT_EQ(fast, slow) << shape << " with " << prefix;
    EXPECT_EQ(fast.size(), expected) << shape << " with " << prefix;
  }

  Store store_;
};

TEST_F(PrefixSearchTest, LowerCasedPrefixMatchesTheFilter) {
  const std::string lcase = "STRSTARTS(LCASE(STR(?l)), $)";
  ExpectSame(lcase, "abc", 4);   // Abc, abcd, ABC-Z, abc again (not the IRI, nor the blank node)
  ExpectSame(lcase, "kel", 1);   // the Kelvin sign lower-cases to ASCII k
  ExpectSame(lcase, "\xC3\xA9" "c", 2);  // École and école
  ExpectSame(lcase, "http://x/abc", 1);  // an IRI object
  ExpectSame(lcase, "12", 1);            // a typed literal's lexical form
  ExpectSame(lcase, "word 1", 111);      // 1, 10-19, 100-199
  ExpectSame(lcase, "Abc", 0);           // LCASE output has no capital A
  ExpectSame(lcase, "", 409);            // everything but the blank node
}

TEST_F(PrefixSearchTest, CaseSensitivePrefixMatchesTheFilter) {
  const std::string str = "STRSTARTS(STR(?l), $)";
  ExpectSame(str, "Abc", 1);
  ExpectSame(str, "ABC", 1);
  ExpectSame(str, "\xC3\x89", 1);
  ExpectSame(str, "Word 39", 11);  // 39, 390-399
}

TEST_F(PrefixSearchTest, WithOtherFiltersJoinsAndGraphs) {
  // The workload's label search: a language filter beside the prefix, a
  // UNION of two patterns, an OPTIONAL after it, ORDER BY and LIMIT.
  auto q = [&](const std::string& prefix) {
    return "SELECT DISTINCT ?c ?l ?other WHERE { { ?c <" + std::string(kLabel) + "> ?l } UNION { ?c <http://x/alt> ?l } "
           "FILTER(LANG(?l) = \"en\" && STRSTARTS(LCASE(STR(?l)), " + prefix + ")) "
           "OPTIONAL { ?c <" + std::string(kLabel) + "> ?other FILTER(LANG(?other) = \"nl\") } } "
           "ORDER BY LCASE(STR(?l)) ?c LIMIT 7";
  };
  EXPECT_EQ(Rows(q("\"word 2\"")), Rows(q("CONCAT(\"word 2\", \"\")")));
  EXPECT_EQ(Rows(q("\"word 2\"")).size(), 7u);
  // One named graph: GRAPH ?g binds the graph of each match.
  auto g = [&](const std::string& prefix) {
    return "SELECT ?g ?c WHERE { GRAPH ?g { ?c <" + std::string(kLabel) + "> ?l "
           "FILTER(STRSTARTS(LCASE(STR(?l)), " + prefix + ")) } }";
  };
  EXPECT_EQ(Rows(g("\"word 3\"")), Rows(g("CONCAT(\"word 3\", \"\")")));
  EXPECT_EQ(Rows(g("\"abc\"")).size(), 4u);  // three in g1, one in g2
}

}  // namespace
}  // namespace kg::sparql

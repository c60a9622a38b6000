// The store's terms ranked in ORDER BY's order (evaluator/term_order.h) and
// the sorts that use the ranks: a rank per term equal to the place
// CompareForOrderBy gives it, extended as terms arrive, and ORDER BY on
// ranked variables (and on LCASE(STR(?v)), ranked by the dictionary's
// case-folded index) giving the order of the same sort on computed keys.
#include "evaluator/term_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "evaluator/engine.h"
#include "evaluator/expression.h"
#include "store/store.h"

namespace kg::sparql {
namespace {

const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

std::vector<Term> Mixed(int n) {
  std::vector<Term> v;
  for (int i = 0; i < n; ++i) {
    std::string s = std::to_string(i * 7919 % 1000);
    v.push_back(Term::Iri("http://example.org/c" + s));
    v.push_back(Term::Blank("b" + s));
    v.push_back(Term::Literal("pousteebeellijk " + s, i % 2 ? "en" : "nl"));
    v.push_back(Term::Literal("pousteebeellijk " + s));
    v.push_back(Term::Literal(s, "", std::string(kXsd) + "integer"));
    v.push_back(Term::Literal(s + ".50", "", std::string(kXsd) + "decimal"));
    v.push_back(Term::Literal("2001-01-" + std::to_string(10 + i % 20) + "T00:00:00Z", "",
                              std::string(kXsd) + "dateTime"));
    // Times with and without a timezone (the pairs whose order falls back
    // to the UTC reading), dates, doubles with NaN, an ill-formed number:
    // the values the ranking parses ahead (expression.h, OrderValue).
    const std::string day = std::to_string(10 + i % 20);
    v.push_back(Term::Literal("2001-01-" + day + "T0" + std::to_string(i % 10) + ":30:00", "",
                              std::string(kXsd) + "dateTime"));
    v.push_back(Term::Literal("2001-01-" + day + "T00:00:00+0" + std::to_string(i % 9) + ":00", "",
                              std::string(kXsd) + "dateTime"));
    v.push_back(Term::Literal("2001-01-" + day, "", std::string(kXsd) + "date"));
    v.push_back(Term::Literal(i % 4 ? s + "e-1" : "NaN", "", std::string(kXsd) + "double"));
    v.push_back(Term::Literal("abc" + s, "", std::string(kXsd) + "integer"));
    v.push_back(Term::Literal(i % 3 ? "true" : "false", "", std::string(kXsd) + "boolean"));
    v.push_back(Term::Literal("x" + s, "", "http://example.org/type"));
    // The same values in other cases (equal under LCASE).
    v.push_back(Term::Literal("Pousteebeellijk " + s, "en"));
    v.push_back(Term::Iri("http://example.org/C" + s));
  }
  return v;
}

// Every id's rank is its place in a sort by CompareForOrderBy.
void ExpectRanksFollowTheOrder(const TermDictionary& dict, std::span<const std::uint32_t> ranks) {
  ASSERT_EQ(ranks.size(), dict.size());
  std::vector<TermId> ids(dict.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<TermId>(i + 1);
  std::sort(ids.begin(), ids.end(), [&](TermId a, TermId b) {
    return CompareForOrderBy(&dict.Get(a), &dict.Get(b)) < 0;
  });
  for (std::size_t place = 0; place < ids.size(); ++place)
    EXPECT_EQ(ranks[ids[place] - 1], place + 1) << dict.Get(ids[place]).value;
}

TEST(TermOrderTest, RanksAreThePlacesOfTheSortAndGrowWithTheDictionary) {
  TermDictionary dict;
  std::vector<Term> terms = Mixed(60);
  for (std::size_t i = 0; i < terms.size() / 2; ++i) dict.Intern(terms[i]);
  auto ranks = OrderRanks(dict, dict.size());
  ExpectRanksFollowTheOrder(dict, ranks);
  // Later terms are merged in among the earlier ones.
  for (std::size_t i = terms.size() / 2; i < terms.size(); ++i) dict.Intern(terms[i]);
  ranks = OrderRanks(dict, dict.size());
  ExpectRanksFollowTheOrder(dict, ranks);
}

TEST(TermOrderTest, ABudgetSmallerThanTheNewTermsLeavesThemUnranked) {
  TermDictionary dict;
  for (const auto& t : Mixed(10)) dict.Intern(t);
  EXPECT_TRUE(OrderRanks(dict, dict.size() - 1).empty());
  auto ranks = OrderRanks(dict, dict.size());
  EXPECT_EQ(ranks.size(), dict.size());
  dict.Intern(Term::Literal("new one"));
  EXPECT_EQ(OrderRanks(dict, 0).size(), dict.size() - 1);  // the old ranks, still valid
  EXPECT_EQ(OrderRanks(dict, 1).size(), dict.size());
}

// ORDER BY on variables (ranks) against ORDER BY on COALESCE of the same
// variables (computed keys, compared as terms): the same rows in the same
// order, ascending and descending, with unbound values and two keys.
TEST(TermOrderTest, SortsOnRanksAgreeWithSortsOnTerms) {
  Store store;
  Graph g;
  std::vector<Term> terms = Mixed(300);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    Term s = Term::Iri("http://example.org/s" + std::to_string(i));
    if (!terms[i].is_blank()) g.push_back({s, Term::Iri("http://example.org/v"), terms[i]});
    if (i % 5) g.push_back({s, Term::Iri("http://example.org/w"), terms[(i * 31) % terms.size()]});
  }
  ASSERT_TRUE(store.Replace(std::string("http://example.org/g"), g).ok());
  auto run = [&](const std::string& order) {
    auto r = ExecuteQuery(store,
                          "SELECT ?s ?v ?w { ?s <http://example.org/v> ?v "
                          "OPTIONAL { ?s <http://example.org/w> ?w } } ORDER BY " + order);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& row : std::get<ResultSet>(r->value).rows) {
      std::string line;
      for (const auto& c : row) line += (c ? c->value + "@" + c->language + "^" + c->datatype : "-") + " ";
      out.push_back(line);
    }
    return out;
  };
  for (const auto& [ranked, computed] : std::vector<std::pair<std::string, std::string>>{
           {"?v ?s", "COALESCE(?v) COALESCE(?s)"},
           {"DESC(?v) ?s", "DESC(COALESCE(?v)) COALESCE(?s)"},
           {"?w ?v ?s", "COALESCE(?w) COALESCE(?v) COALESCE(?s)"},
           {"DESC(?w) ?s", "DESC(COALESCE(?w)) COALESCE(?s)"},
           // The case-folded index's ranks against LCASE computed per row.
           {"LCASE(STR(?v)) ?s", "LCASE(STR(COALESCE(?v))) COALESCE(?s)"},
           {"DESC(LCASE(STR(?w))) ?v ?s",
            "DESC(LCASE(STR(COALESCE(?w)))) COALESCE(?v) COALESCE(?s)"}}) {
    auto a = run(ranked), b = run(computed);
    EXPECT_GT(a.size(), 2000u);
    EXPECT_EQ(a, b) << ranked;
  }
}

}  // namespace
}  // namespace kg::sparql

// Tests for store/triple_index.h (the id index) and for its being kept in
// step with librdf by every Store write.
#include "store/triple_index.h"

#include <gtest/gtest.h>

#include <set>

#include "store/store.h"

namespace kg {
namespace {

std::set<std::tuple<TermId, TermId, TermId>> Triples(IdRange r) {
  std::set<std::tuple<TermId, TermId, TermId>> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.emplace(r[i].s, r[i].p, r[i].o);
  return out;
}

TEST(TermDictionaryTest, IdsAreStableAndTermsNormal) {
  TermDictionary d;
  TermId a = d.Intern(Term::Iri("http://ex/a"));
  TermId l = d.Intern(Term::Literal("x"));
  EXPECT_EQ(a, 1u);
  EXPECT_EQ(l, 2u);
  EXPECT_EQ(d.Intern(Term::Iri("http://ex/a")), a);
  EXPECT_EQ(d.Find(Term::Iri("http://ex/b")), 0u);
  // "x"^^xsd:string is "x"; language tags compare in lower case.
  Term typed{Term::Kind::kLiteral, "x", "", kXsdString};
  EXPECT_EQ(d.Find(typed), l);
  Term upper{Term::Kind::kLiteral, "y", "EN", ""};
  TermId y = d.Intern(upper);
  EXPECT_EQ(d.Find(Term::Literal("y", "en")), y);
  EXPECT_EQ(d.Get(y).language, "en");
  EXPECT_EQ(d.Get(a), Term::Iri("http://ex/a"));
  EXPECT_EQ(d.size(), 3u);
}

// Terms live in chunks of 1,024: across several chunk boundaries every id
// still reads back its own term and facts, and a term's address, which
// results borrow, does not move as later terms arrive.
TEST(TermDictionaryTest, ManyTermsKeepTheirIdsFactsAndAddresses) {
  TermDictionary d;
  const char* tags[] = {"", "nl", "en", "de-ch"};
  auto make = [&](int i) {
    switch (i % 3) {
      case 0: return Term::Iri("http://ex/" + std::to_string(i));
      case 1: return Term::Blank("b" + std::to_string(i));
      default: return Term::Literal("v" + std::to_string(i), tags[i % 4]);
    }
  };
  const int n = 5000;
  std::vector<const Term*> first_addresses;
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(d.Intern(make(i)), static_cast<TermId>(i + 1));
    first_addresses.push_back(&d.Get(static_cast<TermId>(i + 1)));
  }
  EXPECT_EQ(d.size(), static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const auto id = static_cast<TermId>(i + 1);
    const Term t = make(i);
    ASSERT_EQ(d.Find(t), id) << i;
    ASSERT_EQ(d.Intern(t), id) << i;
    ASSERT_EQ(&d.Get(id), first_addresses[i]) << i;
    ASSERT_EQ(d.Get(id), t) << i;
    ASSERT_EQ(d.KindOf(id), t.kind) << i;
    ASSERT_EQ(d.LangOf(id), d.FindLang(t.language)) << i;
  }
  EXPECT_EQ(d.LangOf(9), 0u);  // "v8": no tag
  EXPECT_EQ(d.LangOf(3), d.FindLang("en"));  // "v2"@en
  EXPECT_NE(d.FindLang("nl"), d.FindLang("en"));
  EXPECT_EQ(d.FindLang("fr"), TermDictionary::kNoLang);
  EXPECT_EQ(d.Find(Term::Iri("http://ex/5000")), 0u);
}

// base 0: small ids (direct offset arrays); base 100000: ids far beyond the
// graph's size, where the index searches instead of keeping offset arrays.
class TripleIndexShapes : public ::testing::TestWithParam<TermId> {};
TEST(TermDictionaryTest, LowerCasePrefixIndex) {
  TermDictionary d;
  auto ids = [&](std::string_view prefix) {
    auto span = d.WithLowerCasePrefix(prefix);
    return std::vector<TermId>(span.begin(), span.end());
  };
  TermId abc = d.Intern(Term::Literal("Abc", "en"));
  TermId abd = d.Intern(Term::Literal("abd"));
  TermId iri = d.Intern(Term::Iri("http://ex/ABC"));
  d.Intern(Term::Blank("abc"));  // blank nodes have no STR: never candidates
  TermId kelvin = d.Intern(Term::Literal("\xE2\x84\xAA" "m"));  // KELVIN SIGN + m -> "km"
  EXPECT_EQ(ids("ab"), (std::vector<TermId>{abc, abd}));  // ascending by lower-cased value
  EXPECT_EQ(ids("abc"), (std::vector<TermId>{abc}));
  EXPECT_EQ(ids("k"), (std::vector<TermId>{kelvin}));
  EXPECT_EQ(ids("http://ex/abc"), (std::vector<TermId>{iri}));
  EXPECT_TRUE(ids("Ab").empty());  // the values are lower-cased, the prefix is not
  EXPECT_EQ(ids("").size(), 4u);
  // Terms interned after the index was built are merged in.
  TermId aba = d.Intern(Term::Literal("ABA", "nl"));
  EXPECT_EQ(ids("ab"), (std::vector<TermId>{aba, abc, abd}));
  EXPECT_TRUE(ids("zzz").empty());
}

INSTANTIATE_TEST_SUITE_P(IdRanges, TripleIndexShapes, ::testing::Values(0u, 100000u));

TEST_P(TripleIndexShapes, EveryPatternShapeIsOneExactRange) {
  TripleIndex ix;
  const TermId b = GetParam();
  // s in 1..3, p in 10..11, o in 20..21: 12 triples
  std::vector<IdTriple> all;
  for (TermId s = b + 1; s <= b + 3; ++s)
    for (TermId p = b + 10; p <= b + 11; ++p)
      for (TermId o = b + 20; o <= b + 21; ++o) all.push_back({s, p, o});
  EXPECT_EQ(ix.Insert(all), 12u);
  EXPECT_EQ(ix.Insert(all), 0u);  // a set: nothing new
  EXPECT_EQ(ix.size(), 12u);
  for (TermId s : {0u, b + 2, b + 9, 7u})
    for (TermId p : {0u, b + 11, b + 12})
      for (TermId o : {0u, b + 20, b + 5, 1000000u}) {
        std::set<std::tuple<TermId, TermId, TermId>> want;
        for (const auto& t : all)
          if ((!s || t.s == s) && (!p || t.p == p) && (!o || t.o == o)) want.emplace(t.s, t.p, t.o);
        EXPECT_EQ(Triples(ix.Match(s, p, o)), want) << s << " " << p << " " << o;
        EXPECT_EQ(ix.Count(s, p, o), want.size());
      }
  EXPECT_TRUE(ix.Contains({b + 2, b + 10, b + 21}));
  EXPECT_FALSE(ix.Contains({b + 2, b + 10, b + 22}));
  EXPECT_EQ(ix.Predicates(), (std::vector<TermId>{b + 10, b + 11}));
  ix.Erase({{b + 1, b + 10, b + 20}});
  EXPECT_EQ(ix.Count(b + 1, 0, 0), 3u);
  EXPECT_EQ(ix.Count(0, b + 10, b + 20), 2u);
}

TEST(TripleIndexTest, LeadingIdsOfEachPermutation) {
  TripleIndex index;
  index.Insert({{1, 10, 100}, {1, 11, 100}, {2, 10, 101}, {3, 12, 100}});
  EXPECT_EQ(index.Leading(IdRange::Order::kSpo), (std::vector<TermId>{1, 2, 3}));
  EXPECT_EQ(index.Leading(IdRange::Order::kPos), (std::vector<TermId>{10, 11, 12}));
  EXPECT_EQ(index.Predicates(), (std::vector<TermId>{10, 11, 12}));
  EXPECT_EQ(index.Leading(IdRange::Order::kOsp), (std::vector<TermId>{100, 101}));
  index.Erase({{2, 10, 101}});
  EXPECT_EQ(index.Leading(IdRange::Order::kOsp), (std::vector<TermId>{100}));
  EXPECT_TRUE(TripleIndex().Leading(IdRange::Order::kSpo).empty());
}

// Prefetch only reads inside the index: any shape, ids it has, ids past
// its offset arrays, an empty index. (ASan builds check the reads.)
TEST(TripleIndexTest, PrefetchAnyPatternReadsNothingOutside) {
  TripleIndex index, empty;
  index.Insert({{1, 10, 100}, {1, 11, 100}, {2, 10, 101}, {3, 12, 100}});
  const TermId ids[] = {0, 1, 3, 4, 10, 12, 13, 101, 102, 1u << 30, ~TermId{0}};
  for (TermId s : ids)
    for (TermId p : ids)
      for (TermId o : ids)
        for (int step : {0, 1}) {
          index.Prefetch(s, p, o, step);
          empty.Prefetch(s, p, o, step);
        }
  EXPECT_EQ(index.Count(1, 0, 0), 2u);
}

TEST(TripleIndexTest, EraseAndReinsert) {
  TripleIndex ix;
  ix.Insert({{1, 2, 3}, {1, 2, 4}, {5, 2, 3}});
  EXPECT_EQ(ix.Erase({{1, 2, 4}, {9, 9, 9}}), 1u);
  EXPECT_EQ(Triples(ix.Match(0, 2, 0)), (std::set<std::tuple<TermId, TermId, TermId>>{
                                            {1, 2, 3}, {5, 2, 3}}));
  EXPECT_EQ(ix.Count(0, 0, 3), 2u);
  EXPECT_EQ(ix.Count(0, 0, 4), 0u);
  ix.Insert({{1, 2, 4}});
  EXPECT_EQ(ix.Count(1, 0, 0), 2u);
  ix.Clear();
  EXPECT_EQ(ix.size(), 0u);
  EXPECT_TRUE(ix.Predicates().empty());
}

TEST(TripleIndexTest, EstimatesUseDistinctCounts) {
  TripleIndex ix;
  // predicate 10: 4 subjects with 2 objects each; predicate 11: 1 triple
  std::vector<IdTriple> t;
  for (TermId s = 1; s <= 4; ++s) {
    t.push_back({s, 10, 100 + s});
    t.push_back({s, 10, 200 + s});
  }
  t.push_back({1, 11, 7});
  ix.Insert(t);
  EXPECT_EQ(ix.Estimate(0, 10, 0, 0), 8.0);
  EXPECT_EQ(ix.Estimate(0, 10, 0, 1), 2.0);  // per subject of predicate 10
  EXPECT_EQ(ix.Estimate(0, 10, 0, 4), 1.0);  // per object
  EXPECT_EQ(ix.Estimate(0, 11, 0, 1), 1.0);
  EXPECT_EQ(ix.Estimate(0, 12, 0, 1), 0.0);  // no such predicate
  ix.Insert({{9, 10, 300}});                 // statistics follow writes
  EXPECT_EQ(ix.Estimate(0, 10, 0, 0), 9.0);
}

// ---- The index of a Store follows every write -----------------------------------

Term Ex(const std::string& l) { return Term::Iri("http://ex/" + l); }
Triple T(const std::string& s, const std::string& o) { return {Ex(s), Ex("p"), Ex(o)}; }

// The graph as the index sees it, in Terms, sorted.
Graph FromIndex(const Store& store, const Store::GraphRef& ref) {
  Graph out;
  store.ForEach(ref, std::nullopt, std::nullopt, std::nullopt, [&](Triple&& t) {
    out.push_back(std::move(t));
    return true;
  });
  std::sort(out.begin(), out.end());
  return out;
}

// Index == librdf for every graph and for the query default graph.
void ExpectInSync(const Store& store) {
  EXPECT_EQ(FromIndex(store, {false, std::nullopt}), *store.Get(std::nullopt));
  for (const auto& name : store.GraphNames()) {
    ASSERT_NE(store.Index({false, name}), nullptr) << name;
    EXPECT_EQ(FromIndex(store, {false, name}), *store.Get(name)) << name;
  }
  Graph all = store.Match(std::nullopt, std::nullopt, std::nullopt);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(FromIndex(store, {}), all);
  if (store.options().union_default_graph) {
    EXPECT_EQ(store.Index({})->size(), store.Size());
  }
}

TEST(StoreIndexTest, FollowsReplaceAddRemoveDrop) {
  for (bool union_default : {true, false}) {
    Store s(StoreOptions{union_default, "trees"});
    ASSERT_TRUE(s.Replace(std::nullopt, {T("a", "b"), T("b", "c")}).ok());
    ASSERT_TRUE(s.Replace(std::string("http://g1"), {T("a", "b"), T("x", "y")}).ok());
    ExpectInSync(s);
    ASSERT_TRUE(s.Add(std::string("http://g2"), {T("q", "r")}).ok());
    ASSERT_TRUE(s.Add(std::nullopt, {T("c", "d"), T("a", "b")}).ok());
    ExpectInSync(s);
    // a-b is in the default graph and in g1: removing it from one keeps it
    // in the union
    ASSERT_TRUE(s.Remove(std::nullopt, {T("a", "b"), T("never", "there")}).ok());
    ExpectInSync(s);
    EXPECT_EQ(s.Estimate({}, Ex("a"), std::nullopt, std::nullopt), union_default ? 1.0 : 0.0);
    ASSERT_TRUE(s.Replace(std::string("http://g1"), {T("z", "z")}).ok());
    ExpectInSync(s);
    EXPECT_TRUE(s.Drop(std::string("http://g2")));
    EXPECT_EQ(s.Index({false, std::string("http://g2")}), nullptr);
    ExpectInSync(s);
    EXPECT_TRUE(s.Drop(std::nullopt));
    ExpectInSync(s);
  }
}

TEST(StoreIndexTest, FailedWriteChangesNeitherSide) {
  Store s;
  ASSERT_TRUE(s.Replace(std::nullopt, {T("a", "b")}).ok());
  Triple bad{Term::Literal("lit"), Ex("p"), Ex("o")};
  EXPECT_FALSE(s.Add(std::nullopt, {T("c", "d"), bad}).ok());
  EXPECT_FALSE(s.Replace(std::nullopt, {bad}).ok());
  EXPECT_FALSE(s.Remove(std::string("http://nope"), {T("a", "b")}).ok());
  ExpectInSync(s);
  EXPECT_EQ(s.Index({})->size(), 1u);
}

TEST(StoreIndexTest, LiteralFormsAreOneTerm) {
  Store s;
  Term typed{Term::Kind::kLiteral, "v", "", kXsdString};
  ASSERT_TRUE(s.Add(std::nullopt, {{Ex("a"), Ex("p"), typed}}).ok());
  ASSERT_TRUE(s.Add(std::nullopt, {{Ex("a"), Ex("p"), Term::Literal("v")}}).ok());
  ExpectInSync(s);
  EXPECT_EQ(s.Estimate({}, std::nullopt, std::nullopt, Term::Literal("v")), 1.0);
}

}  // namespace
}  // namespace kg

// store_change.h: changes as values, replayed on another Store.
#include "store/store_change.h"

#include <gtest/gtest.h>

#include <memory>

namespace kg {
namespace {

Triple T(const std::string& s, const Term& o) {
  return {Term::Iri("http://x/" + s), Term::Iri("http://x/p"), o};
}

TEST(StoreChangeTest, ReplayGivesTheSameContentsLabelsAndVersion) {
  Store first;
  ChangeJournal journal;
  ASSERT_TRUE(ApplyAndRecord(first, &journal,
                             {StoreChange::Kind::kAdd, std::nullopt,
                              {T("a", Term::Blank("b1")), T("b", Term::Literal("x", "nl"))}})
                  .ok());
  ASSERT_TRUE(ApplyAndRecord(first, &journal,
                             {StoreChange::Kind::kReplace, std::string("http://x/g"),
                              {T("c", Term::Iri("http://x/d"))}})
                  .ok());
  ASSERT_TRUE(ApplyAndRecord(first, &journal,
                             {StoreChange::Kind::kRemove, std::nullopt, {T("b", Term::Literal("x", "nl"))}})
                  .ok());
  // A failed change is recorded with its outcome.
  EXPECT_FALSE(ApplyAndRecord(first, &journal,
                              {StoreChange::Kind::kDrop, std::string("http://x/none"), {}})
                   .ok());
  ASSERT_EQ(journal.size(), 4u);
  EXPECT_TRUE(journal[2].ok);
  EXPECT_FALSE(journal[3].ok);

  Store second;
  for (const auto& c : journal) EXPECT_EQ(ApplyChange(second, c).ok(), c.ok);
  EXPECT_EQ(second.Version(), first.Version());
  EXPECT_EQ(second.Get(std::nullopt), first.Get(std::nullopt));
  EXPECT_EQ(second.Get(std::string("http://x/g")), first.Get(std::string("http://x/g")));
  EXPECT_EQ((*second.Get(std::nullopt))[0].object, Term::Blank("b1"));  // the label survives
}

TEST(StoreChangeTest, SnapshotRebuildsEveryGraphIncludingEmptyOnes) {
  Store a;
  ASSERT_TRUE(a.Add(std::nullopt, {T("a", Term::Literal("1"))}).ok());
  ASSERT_TRUE(a.Add(std::string("http://x/g"), {T("g", Term::Blank("n"))}).ok());
  ASSERT_TRUE(a.Replace(std::string("http://x/empty"), {}).ok());
  ChangeJournal snap = SnapshotChanges(a);
  Store b, c;
  for (const auto& ch : snap) {
    ASSERT_TRUE(ApplyChange(b, ch).ok());
    ASSERT_TRUE(ApplyChange(c, ch).ok());
  }
  EXPECT_EQ(b.GraphNames(), a.GraphNames());
  EXPECT_TRUE(b.Exists(std::string("http://x/empty")));
  EXPECT_EQ(b.Size(), a.Size());
  EXPECT_EQ(b.Get(std::string("http://x/g")), a.Get(std::string("http://x/g")));
  EXPECT_EQ(b.Version(), c.Version());  // replicas built from one snapshot agree
}

TEST(StoreChangeTest, FingerprintSeesLabelsGraphsAndVersion) {
  auto build = [](const std::string& label, const std::string& graph) {
    auto s = std::make_unique<Store>();
    EXPECT_TRUE(s->Add(std::string(graph), {T("a", Term::Blank(label)), T("b", Term::Literal("1"))}).ok());
    return s;
  };
  auto a = build("x", "http://x/g"), b = build("x", "http://x/g");
  EXPECT_EQ(ContentFingerprint(*a), ContentFingerprint(*b));
  EXPECT_NE(ContentFingerprint(*a), ContentFingerprint(*build("y", "http://x/g")));   // a blank label
  EXPECT_NE(ContentFingerprint(*a), ContentFingerprint(*build("x", "http://x/h")));   // a graph name
  ASSERT_TRUE(b->Add(std::string("http://x/g"), {}).ok());                              // same triples,
  EXPECT_NE(ContentFingerprint(*a), ContentFingerprint(*b));                             // newer version
}

}  // namespace
}  // namespace kg

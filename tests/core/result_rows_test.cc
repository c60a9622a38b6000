// ResultRows (core/term.h): a SELECT answer's rows in one flat array, used
// like a vector of rows: rows of any width, in order, cut to a page.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/term.h"

namespace kg {
namespace {

Term Iri(const std::string& s) { return Term::Iri("http://x/" + s); }

// Each row's cells as "a", "-" (unbound), joined by ' ', rows by '|'.
std::string Render(const ResultRows& rows) {
  std::string out;
  for (const auto& row : rows) {
    if (!out.empty()) out += '|';
    std::string r;
    for (const ResultCell& c : row) {
      if (!r.empty()) r += ' ';
      r += c ? c->value.substr(9) : "-";
    }
    out += r;
  }
  return out;
}

TEST(ResultRowsTest, RowsOfAnyWidthInOrder) {
  ResultRows rows;
  EXPECT_TRUE(rows.empty());
  rows.push_back({Iri("a"), std::nullopt, Iri("b")});
  rows.push_back({});
  rows.push_back({Iri("c")});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].size(), 3u);
  EXPECT_EQ(rows[1].size(), 0u);
  EXPECT_EQ(rows[2].size(), 1u);
  EXPECT_EQ(rows[0][2], Iri("b"));
  EXPECT_EQ(rows[0][1], std::nullopt);
  EXPECT_EQ(rows.front()[0], Iri("a"));
  EXPECT_EQ(Render(rows), "a - b||c");
  EXPECT_EQ(rows.end() - rows.begin(), 3);
}

TEST(ResultRowsTest, AddRowGivesUnboundCellsToFill) {
  ResultRows rows;
  auto first = rows.AddRow(2);
  first[1] = ResultCell(Iri("x"));
  Term stored = Iri("kept");
  rows.AddRow(2)[0] = ResultCell::Borrowed(&stored);
  EXPECT_EQ(Render(rows), "- x|kept -");
  EXPECT_EQ(&*rows[1][0], &stored);  // borrowed: the term itself, not a copy
}

TEST(ResultRowsTest, ManyRowsSurviveTheArraysGrowing) {
  ResultRows rows;
  for (int i = 0; i < 1000; ++i) rows.push_back({Iri(std::to_string(i)), std::nullopt});
  ASSERT_EQ(rows.size(), 1000u);
  for (int i = 0; i < 1000; i += 111) EXPECT_EQ(rows[i][0], Iri(std::to_string(i))) << i;
}

TEST(ResultRowsTest, KeepCutsToAPage) {
  auto make = [] {
    ResultRows rows;
    rows.push_back({Iri("a")});
    rows.push_back({Iri("b"), Iri("b2")});
    rows.push_back({});
    rows.push_back({Iri("d")});
    return rows;
  };
  ResultRows middle = make();
  middle.Keep(1, 3);
  EXPECT_EQ(Render(middle), "b b2|");
  ResultRows tail = make();
  tail.Keep(3, 10);  // past the end: up to the end
  EXPECT_EQ(Render(tail), "d");
  ResultRows none = make();
  none.Keep(7, 9);
  EXPECT_TRUE(none.empty());
  ResultRows all = make();
  all.Keep(0, 4);
  EXPECT_EQ(Render(all), "a|b b2||d");
  all.push_back({Iri("e")});  // still usable after a cut
  EXPECT_EQ(Render(all), "a|b b2||d|e");
}

TEST(ResultRowsTest, CopiesAreIndependent) {
  ResultRows a;
  a.push_back({Iri("a")});
  ResultRows b = a;
  b.push_back({Iri("b")});
  b[0][0] = ResultCell(Iri("z"));
  EXPECT_EQ(Render(a), "a");
  EXPECT_EQ(Render(b), "z|b");
}

TEST(ResultRowsTest, IteratesWithStandardAlgorithms) {
  ResultRows rows;
  for (const char* s : {"a", "b", "c"}) rows.push_back({Iri(s)});
  auto it = std::find_if(rows.begin(), rows.end(),
                         [](ResultRows::Row r) { return r[0] == Iri("b"); });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it - rows.begin(), 1);
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](ResultRows::Row r) { return !r.empty(); }),
            3);
}

}  // namespace
}  // namespace kg

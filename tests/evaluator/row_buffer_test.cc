// RowBuffer and RowSet (evaluator/row_buffer.h): rows kept end to end, padded
// when a longer row arrives, and a DISTINCT set over them that agrees with a
// std::set of the same rows (trailing unbound slots do not make a row new).
#include "evaluator/row_buffer.h"

#include <gtest/gtest.h>

#include <set>

namespace kg::sparql {
namespace {

TEST(RowBufferTest, KeepsRowsAndPadsWhenARowIsLonger) {
  RowBuffer b;
  b.Add({1, 2});
  b.Add({3});
  b.Add({4, 5, 6});  // widens: earlier rows get an unbound third slot
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b.width(), 3u);
  Row r;
  b.CopyTo(0, r);
  EXPECT_EQ(r, (Row{1, 2, 0}));
  b.CopyTo(1, r);
  EXPECT_EQ(r, (Row{3, 0, 0}));
  b.CopyTo(2, r);
  EXPECT_EQ(r, (Row{4, 5, 6}));
  b.PopBack();
  EXPECT_EQ(b.size(), 2u);
}

TEST(RowBufferTest, RowsOfNoSlotsAreCounted) {
  RowBuffer b;
  b.Add({});
  b.Add({});
  EXPECT_EQ(b.size(), 2u);
}

Row Trimmed(Row r) {
  while (!r.empty() && r.back() == 0) r.pop_back();
  return r;
}

TEST(RowSetTest, AgreesWithASetOfTheSameRows) {
  RowSet set;
  std::set<Row> reference;
  // Many rows (the table grows several times), repeats, rows that differ
  // only in trailing unbound slots, and a longer row arriving late.
  for (TermId i = 0; i < 5000; ++i) {
    Row r = {i % 700, (i * 13) % 5, 0};
    if (i % 3 == 0) r.pop_back();  // the same row, one slot shorter
    if (i == 4000) r = {1, 2, 3, 4};
    bool fresh = reference.insert(Trimmed(r)).second;
    EXPECT_EQ(set.Insert(r), fresh) << i;
  }
  EXPECT_EQ(set.size(), reference.size());
  EXPECT_FALSE(set.Insert({1, 2, 3, 4, 0}));
  EXPECT_TRUE(set.Insert({0, 0, 0, 0, 0, 9}));
  EXPECT_FALSE(set.Insert({}));  // all unbound, as the first row {0, 0, 0}
}

}  // namespace
}  // namespace kg::sparql

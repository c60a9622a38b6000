// Tests for serialize/tsv.h (SPARQL 1.1 Query Results TSV).
#include "serialize/tsv.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace kg {
namespace {

using testing::ExpectGolden;
using testing::SampleResultSet;

TEST(TsvTest, SelectExact) {
  EXPECT_EQ(WriteTsv(SampleResultSet()),
            "?s\t?label\t?n\n"
            "<http://example.org/a>\t\"plain\"\t\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>\n"
            "_:b1\t\"hallo\"@nl\t\n"
            "<http://example.org/c?x=1&y=\\u003C2\\u003E>\t\"a, \\\"quoted\\\"\\nline\\tTab\"\t\n");
}

TEST(TsvTest, SelectGolden) { ExpectGolden("select.tsv", WriteTsv(SampleResultSet())); }

TEST(TsvTest, AskGolden) {
  EXPECT_EQ(WriteTsv(true), "?_askResult\ntrue\n");
  EXPECT_EQ(WriteTsv(false), "?_askResult\nfalse\n");
  ExpectGolden("ask_true.tsv", WriteTsv(true));
  ExpectGolden("ask_false.tsv", WriteTsv(false));
}

TEST(TsvTest, NoRawTabOrNewlineInsideCells) {
  const std::string tsv = WriteTsv(SampleResultSet());
  // 4 lines, each with exactly two separators.
  std::size_t lines = 0, start = 0;
  for (std::size_t nl = tsv.find('\n'); nl != std::string::npos; nl = tsv.find('\n', start)) {
    std::string line = tsv.substr(start, nl - start);
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 2) << line;
    ++lines;
    start = nl + 1;
  }
  EXPECT_EQ(lines, 4u);
}

}  // namespace
}  // namespace kg

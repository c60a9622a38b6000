// Tests for serialize/csv.h (SPARQL 1.1 Query Results CSV).
#include "serialize/csv.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace kg {
namespace {

using testing::ExpectGolden;
using testing::SampleResultSet;

TEST(CsvTest, SelectExact) {
  EXPECT_EQ(WriteCsv(SampleResultSet()),
            "s,label,n\r\n"
            "http://example.org/a,plain,42\r\n"
            "_:b1,hallo,\r\n"
            "http://example.org/c?x=1&y=<2>,\"a, \"\"quoted\"\"\nline\tTab\",\r\n");
}

TEST(CsvTest, SelectGolden) { ExpectGolden("select.csv", WriteCsv(SampleResultSet())); }

TEST(CsvTest, AskGolden) {
  EXPECT_EQ(WriteCsv(true), "_askResult\r\ntrue\r\n");
  EXPECT_EQ(WriteCsv(false), "_askResult\r\nfalse\r\n");
  ExpectGolden("ask_true.csv", WriteCsv(true));
  ExpectGolden("ask_false.csv", WriteCsv(false));
}

TEST(CsvTest, QuotingRules) {
  ResultSet rs;
  rs.variables = {"a"};
  for (const char* v : {"no quoting", "comma,", "cr\r", "lf\n", "q\"", "tab\tonly"})
    rs.rows.push_back({Term::Literal(v)});
  EXPECT_EQ(WriteCsv(rs),
            "a\r\n"
            "no quoting\r\n"
            "\"comma,\"\r\n"
            "\"cr\r\"\r\n"
            "\"lf\n\"\r\n"
            "\"q\"\"\"\r\n"
            "tab\tonly\r\n");
}

TEST(CsvTest, ShortRowsAndNoRows) {
  ResultSet rs;
  rs.variables = {"a", "b"};
  EXPECT_EQ(WriteCsv(rs), "a,b\r\n");
  rs.rows.push_back({Term::Literal("x")});  // fewer cells than variables
  EXPECT_EQ(WriteCsv(rs), "a,b\r\nx,\r\n");
}

}  // namespace
}  // namespace kg

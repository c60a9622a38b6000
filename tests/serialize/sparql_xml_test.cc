// Tests for serialize/sparql_xml.h (SPARQL Query Results XML).
#include "serialize/sparql_xml.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace kg {
namespace {

using testing::ExpectGolden;
using testing::SampleResultSet;

TEST(SparqlXmlTest, SelectGolden) { ExpectGolden("select.srx", WriteSparqlXml(SampleResultSet())); }

TEST(SparqlXmlTest, AskGolden) {
  ExpectGolden("ask_true.srx", WriteSparqlXml(true));
  ExpectGolden("ask_false.srx", WriteSparqlXml(false));
}

TEST(SparqlXmlTest, TermsAndEscaping) {
  const std::string xml = WriteSparqlXml(SampleResultSet());
  EXPECT_NE(xml.find("<variable name=\"label\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<binding name=\"s\"><uri>http://example.org/c?x=1&amp;y=&lt;2&gt;</uri>"
                     "</binding>"),
            std::string::npos);
  EXPECT_NE(xml.find("<binding name=\"s\"><bnode>b1</bnode></binding>"), std::string::npos);
  EXPECT_NE(xml.find("<literal xml:lang=\"nl\">hallo</literal>"), std::string::npos);
  EXPECT_NE(xml.find("<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">42"
                     "</literal>"),
            std::string::npos);
  EXPECT_NE(xml.find("<literal>a, &quot;quoted&quot;\nline\tTab</literal>"), std::string::npos);
  // The unbound ?n of rows 2 and 3 is absent: only row 1 binds it.
  std::size_t count = 0;
  for (auto p = xml.find("name=\"n\">"); p != std::string::npos; p = xml.find("name=\"n\">", p + 1))
    ++count;
  EXPECT_EQ(count, 1u);
}

TEST(SparqlXmlTest, ControlCharactersAndCarriageReturn) {
  ResultSet rs;
  rs.variables = {"v"};
  rs.rows.push_back({Term::Literal(std::string("a\rb\x01" "c"))});
  const std::string xml = WriteSparqlXml(rs);
  EXPECT_NE(xml.find("<literal>a&#13;b\xEF\xBF\xBD" "c</literal>"), std::string::npos) << xml;
}

TEST(SparqlXmlTest, Ask) {
  EXPECT_EQ(WriteSparqlXml(true),
            "<?xml version=\"1.0\"?>\n"
            "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head/>\n  <boolean>true</boolean>\n</sparql>\n");
}

}  // namespace
}  // namespace kg

// Tests for serialize/negotiate.h: Accept header negotiation.
#include "serialize/negotiate.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

const std::vector<Format>& R() { return ResultFormats(); }  // json, xml, csv, tsv
const std::vector<Format>& G() { return GraphFormats(); }   // turtle, nt, rdfxml, jsonld

Format Pick(std::string_view accept, const std::vector<Format>& offers,
            std::string_view format_param = {}) {
  auto r = Negotiate(accept, offers, format_param);
  EXPECT_TRUE(r.ok()) << "Accept: " << accept << " -> " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : Format::kHtml;  // kHtml is never offered: fails the caller's EXPECT
}

void ExpectNotAcceptable(std::string_view accept, const std::vector<Format>& offers,
                         std::string_view format_param = {}) {
  auto r = Negotiate(accept, offers, format_param);
  ASSERT_FALSE(r.ok()) << "Accept: " << accept << " unexpectedly gave "
                       << Info(*r).media_type;
  EXPECT_EQ(r.error().code, Error::Code::kNotAcceptable);
  EXPECT_EQ(r.error().allow, MediaTypeList(offers));
}

TEST(NegotiateTest, EmptyAcceptGivesFirstOffer) {
  EXPECT_EQ(Pick("", R()), Format::kSparqlJson);
  EXPECT_EQ(Pick("  ", R()), Format::kSparqlJson);
  EXPECT_EQ(Pick("", G()), Format::kTurtle);
}

TEST(NegotiateTest, ExactMatch) {
  EXPECT_EQ(Pick("text/csv", R()), Format::kCsv);
  EXPECT_EQ(Pick("application/n-triples", G()), Format::kNTriples);
  EXPECT_EQ(Pick("application/ld+json", G()), Format::kJsonLd);
}

TEST(NegotiateTest, CaseAndWhitespaceInsensitive) {
  EXPECT_EQ(Pick("TEXT/CSV", R()), Format::kCsv);
  EXPECT_EQ(Pick(" text/csv ; Q=0.9 , application/sparql-results+xml;q=0.8", R()), Format::kCsv);
  EXPECT_EQ(Pick("text/csv;charset=utf-8", R()), Format::kCsv);
}

TEST(NegotiateTest, QValuesOrderTheChoice) {
  EXPECT_EQ(Pick("text/csv;q=0.5, application/sparql-results+xml", R()), Format::kSparqlXml);
  EXPECT_EQ(Pick("text/csv;q=0.5, application/sparql-results+xml;q=0.4", R()), Format::kCsv);
  EXPECT_EQ(Pick("text/csv;q=1.0, text/tab-separated-values;q=0.999", R()), Format::kCsv);
}

TEST(NegotiateTest, QZeroExcludes) {
  ExpectNotAcceptable("text/csv;q=0", R());
  EXPECT_EQ(Pick("*/*;q=0.1, application/sparql-results+json;q=0", R()), Format::kSparqlXml);
  // The most specific range decides: text/csv is excluded although text/* allows it.
  EXPECT_EQ(Pick("text/*, text/csv;q=0", R()), Format::kTsv);
}

TEST(NegotiateTest, Wildcards) {
  EXPECT_EQ(Pick("*/*", R()), Format::kSparqlJson);
  EXPECT_EQ(Pick("*/*", G()), Format::kTurtle);
  EXPECT_EQ(Pick("text/*", R()), Format::kCsv);
  EXPECT_EQ(Pick("application/*", G()), Format::kNTriples);
  EXPECT_EQ(Pick("image/*, */*;q=0.2", R()), Format::kSparqlJson);
}

TEST(NegotiateTest, SpecificityBeatsOrderOnEqualQ) {
  EXPECT_EQ(Pick("text/*, text/tab-separated-values", R()), Format::kTsv);
  EXPECT_EQ(Pick("*/*, application/rdf+xml", G()), Format::kRdfXml);
}

TEST(NegotiateTest, HigherQBeatsSpecificity) {
  EXPECT_EQ(Pick("*/*;q=0.9, text/csv;q=0.5", R()), Format::kSparqlJson);
}

TEST(NegotiateTest, TiesGoToServerOrder) {
  EXPECT_EQ(Pick("text/tab-separated-values, text/csv", R()), Format::kCsv);
  EXPECT_EQ(Pick("application/ld+json, text/turtle", G()), Format::kTurtle);
}

TEST(NegotiateTest, Aliases) {
  EXPECT_EQ(Pick("application/json", R()), Format::kSparqlJson);
  EXPECT_EQ(Pick("application/json", G()), Format::kJsonLd);
  EXPECT_EQ(Pick("application/xml", R()), Format::kSparqlXml);
  EXPECT_EQ(Pick("text/xml", R()), Format::kSparqlXml);
  EXPECT_EQ(Pick("text/plain", G()), Format::kNTriples);
  EXPECT_EQ(Pick("application/x-turtle", G()), Format::kTurtle);
  ExpectNotAcceptable("text/plain", R());
}

TEST(NegotiateTest, AliasIsWeakerThanRealNameButStrongerThanWildcard) {
  EXPECT_EQ(Pick("application/json, application/sparql-results+xml", R()), Format::kSparqlXml);
  EXPECT_EQ(Pick("*/*, application/json", R()), Format::kSparqlJson);
  EXPECT_EQ(Pick("text/*, text/plain", G()), Format::kNTriples);
}

TEST(NegotiateTest, BrowserAcceptHeader) {
  const char* chrome =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
  EXPECT_EQ(Pick(chrome, R()), Format::kSparqlXml);
  EXPECT_EQ(Pick(chrome, G()), Format::kTurtle);
}

TEST(NegotiateTest, MalformedRangesAreSkipped) {
  EXPECT_EQ(Pick("garbage, text/csv", R()), Format::kCsv);
  EXPECT_EQ(Pick("/, text/csv", R()), Format::kCsv);
  EXPECT_EQ(Pick("text/, text/csv", R()), Format::kCsv);
  EXPECT_EQ(Pick("*/csv, text/tab-separated-values", R()), Format::kTsv);
  // A bad q-value drops its range, not the header.
  EXPECT_EQ(Pick("application/sparql-results+json;q=abc, text/csv;q=0.2", R()), Format::kCsv);
  EXPECT_EQ(Pick("application/sparql-results+json;q=1.5, text/csv;q=0.2", R()), Format::kCsv);
  EXPECT_EQ(Pick(",,text/csv,", R()), Format::kCsv);
}

TEST(NegotiateTest, OnlyMalformedRangesIsNotAcceptable) {
  ExpectNotAcceptable("garbage", R());
}

TEST(NegotiateTest, NothingFitsListsOffers) {
  ExpectNotAcceptable("image/png", R());
  ExpectNotAcceptable("text/csv", G());
  auto r = Negotiate("image/png", R());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "no acceptable media type; available: application/sparql-results+json, "
            "application/sparql-results+xml, text/csv, text/tab-separated-values");
}

TEST(NegotiateTest, FormatParamOverridesAccept) {
  EXPECT_EQ(Pick("application/sparql-results+json", R(), "csv"), Format::kCsv);
  EXPECT_EQ(Pick("image/png", R(), "tsv"), Format::kTsv);
  EXPECT_EQ(Pick("", G(), "ntriples"), Format::kNTriples);
  EXPECT_EQ(Pick("", G(), " TTL "), Format::kTurtle);
  EXPECT_EQ(Pick("", G(), "application/rdf+xml"), Format::kRdfXml);
  EXPECT_EQ(Pick("text/csv", R(), "   "), Format::kCsv);  // blank param is no param
}

TEST(NegotiateTest, FormatParamUnknownOrNotOfferedIsNotAcceptable) {
  ExpectNotAcceptable("", R(), "yaml");
  ExpectNotAcceptable("text/csv", R(), "turtle");
  ExpectNotAcceptable("*/*", G(), "csv");
}

TEST(NegotiateTest, NoOffersIsInternal) {
  auto r = Negotiate("*/*", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Error::Code::kInternal);
}

}  // namespace
}  // namespace kg

// Tests for serialize/format.h: the media type table and its lookups.
#include "serialize/format.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(FormatTest, ContentTypes) {
  EXPECT_EQ(ContentType(Format::kSparqlJson), "application/sparql-results+json");
  EXPECT_EQ(ContentType(Format::kSparqlXml), "application/sparql-results+xml; charset=utf-8");
  EXPECT_EQ(ContentType(Format::kCsv), "text/csv; charset=utf-8");
  EXPECT_EQ(ContentType(Format::kTsv), "text/tab-separated-values; charset=utf-8");
  EXPECT_EQ(ContentType(Format::kTurtle), "text/turtle; charset=utf-8");
  EXPECT_EQ(ContentType(Format::kNTriples), "application/n-triples");
  EXPECT_EQ(ContentType(Format::kRdfXml), "application/rdf+xml");
  EXPECT_EQ(ContentType(Format::kJsonLd), "application/ld+json");
  EXPECT_EQ(ContentType(Format::kJson), "application/json");
  EXPECT_EQ(ContentType(Format::kText), "text/plain; charset=utf-8");
}

TEST(FormatTest, InfoRoundTripsThroughMediaTypeAndShortName) {
  for (Format f : {Format::kSparqlJson, Format::kSparqlXml, Format::kCsv, Format::kTsv,
                   Format::kTurtle, Format::kNTriples, Format::kRdfXml, Format::kJsonLd,
                   Format::kJson, Format::kHtml, Format::kText}) {
    EXPECT_EQ(Info(f).format, f);
    EXPECT_EQ(FormatFromMediaType(Info(f).media_type), f) << Info(f).media_type;
    EXPECT_EQ(FormatFromParam(Info(f).short_name), f) << Info(f).short_name;
  }
}

TEST(FormatTest, FromMediaTypeIgnoresCaseParametersAndWhitespace) {
  EXPECT_EQ(FormatFromMediaType("Text/Turtle; charset=UTF-8"), Format::kTurtle);
  EXPECT_EQ(FormatFromMediaType("  application/n-triples  "), Format::kNTriples);
  EXPECT_EQ(FormatFromMediaType("APPLICATION/LD+JSON;profile=x"), Format::kJsonLd);
}

TEST(FormatTest, FromMediaTypeAliases) {
  EXPECT_EQ(FormatFromMediaType("application/x-turtle"), Format::kTurtle);
  EXPECT_EQ(FormatFromMediaType("text/n-triples"), Format::kNTriples);
  EXPECT_EQ(FormatFromMediaType("application/ntriples"), Format::kNTriples);
  // Ambiguous or unknown types are not guessed.
  EXPECT_EQ(FormatFromMediaType("application/xml"), std::nullopt);
  EXPECT_EQ(FormatFromMediaType("text/xml"), std::nullopt);
  EXPECT_EQ(FormatFromMediaType("image/png"), std::nullopt);
  EXPECT_EQ(FormatFromMediaType(""), std::nullopt);
}

TEST(FormatTest, FromParamShortNamesAndAliases) {
  EXPECT_EQ(FormatFromParam("json"), Format::kSparqlJson);
  EXPECT_EQ(FormatFromParam("XML"), Format::kSparqlXml);
  EXPECT_EQ(FormatFromParam(" csv "), Format::kCsv);
  EXPECT_EQ(FormatFromParam("ttl"), Format::kTurtle);
  EXPECT_EQ(FormatFromParam("nt"), Format::kNTriples);
  EXPECT_EQ(FormatFromParam("rdf"), Format::kRdfXml);
  EXPECT_EQ(FormatFromParam("rdf/xml"), Format::kRdfXml);
  EXPECT_EQ(FormatFromParam("json-ld"), Format::kJsonLd);
  EXPECT_EQ(FormatFromParam("srj"), Format::kSparqlJson);
  EXPECT_EQ(FormatFromParam("srx"), Format::kSparqlXml);
  EXPECT_EQ(FormatFromParam("text/tab-separated-values"), Format::kTsv);
  EXPECT_EQ(FormatFromParam("yaml"), std::nullopt);
}

TEST(FormatTest, OfferLists) {
  EXPECT_EQ(ResultFormats(), (std::vector<Format>{Format::kSparqlJson, Format::kSparqlXml,
                                                  Format::kCsv, Format::kTsv}));
  EXPECT_EQ(GraphFormats(), (std::vector<Format>{Format::kTurtle, Format::kNTriples,
                                                 Format::kRdfXml, Format::kJsonLd}));
  EXPECT_EQ(MediaTypeList(GraphFormats()),
            "text/turtle, application/n-triples, application/rdf+xml, application/ld+json");
  EXPECT_EQ(MediaTypeList({}), "");
}

}  // namespace
}  // namespace kg

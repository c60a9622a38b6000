// Tests for core/ntriples.h: N-Triples term syntax and escaping.
#include "core/ntriples.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

TEST(NTriplesTermTest, Iri) {
  EXPECT_EQ(ToNTriples(Term::Iri("http://example.org/a")), "<http://example.org/a>");
}

TEST(NTriplesTermTest, IriForbiddenCharactersAreUnicodeEscaped) {
  EXPECT_EQ(ToNTriples(Term::Iri("http://ex.org/a b")), "<http://ex.org/a\\u0020b>");
  EXPECT_EQ(ToNTriples(Term::Iri("http://ex.org/<x>")), "<http://ex.org/\\u003Cx\\u003E>");
  EXPECT_EQ(ToNTriples(Term::Iri("http://ex.org/\"{|}^`\\")),
            "<http://ex.org/\\u0022\\u007B\\u007C\\u007D\\u005E\\u0060\\u005C>");
  EXPECT_EQ(ToNTriples(Term::Iri(std::string("http://ex.org/\x01"))),
            "<http://ex.org/\\u0001>");
}

TEST(NTriplesTermTest, IriKeepsNonAsciiAndAllowedPunctuation) {
  EXPECT_EQ(ToNTriples(Term::Iri("http://ex.org/caf\xC3\xA9?q=1&r=2#frag")),
            "<http://ex.org/caf\xC3\xA9?q=1&r=2#frag>");
}

TEST(NTriplesTermTest, BlankNode) {
  EXPECT_EQ(ToNTriples(Term::Blank("b0")), "_:b0");
  // Characters outside the label grammar are replaced by '_'.
  EXPECT_EQ(ToNTriples(Term::Blank("a.b c")), "_:a_b_c");
}

TEST(NTriplesTermTest, SimpleLiteral) {
  EXPECT_EQ(ToNTriples(Term::Literal("hello")), "\"hello\"");
}

TEST(NTriplesTermTest, LiteralEscapes) {
  EXPECT_EQ(ToNTriples(Term::Literal("say \"hi\"")), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(ToNTriples(Term::Literal("back\\slash")), "\"back\\\\slash\"");
  EXPECT_EQ(ToNTriples(Term::Literal("a\nb\rc\td")), "\"a\\nb\\rc\\td\"");
  EXPECT_EQ(ToNTriples(Term::Literal("\b\f")), "\"\\b\\f\"");
}

TEST(NTriplesTermTest, ControlCharactersAsUnicodeEscapes) {
  EXPECT_EQ(ToNTriples(Term::Literal(std::string("a\x01") + "b")), "\"a\\u0001b\"");
  EXPECT_EQ(ToNTriples(Term::Literal(std::string("\x1f\x7f"))), "\"\\u001F\\u007F\"");
  EXPECT_EQ(ToNTriples(Term::Literal(std::string("nul\0!", 5))), "\"nul\\u0000!\"");
}

TEST(NTriplesTermTest, Utf8IsKeptVerbatim) {
  EXPECT_EQ(ToNTriples(Term::Literal("\xE2\x82\xAC 5")), "\"\xE2\x82\xAC 5\"");
}

TEST(NTriplesTermTest, LanguageLiteral) {
  EXPECT_EQ(ToNTriples(Term::Literal("hallo", "nl")), "\"hallo\"@nl");
  // rdf:langString is implied by the tag and dropped.
  EXPECT_EQ(ToNTriples(Term::Literal("hallo", "nl", kRdfLangString)), "\"hallo\"@nl");
}

TEST(NTriplesTermTest, TypedLiteral) {
  EXPECT_EQ(ToNTriples(Term::Literal("5", "", "http://www.w3.org/2001/XMLSchema#integer")),
            "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

TEST(NTriplesTermTest, XsdStringIsWrittenAsSimpleLiteral) {
  EXPECT_EQ(ToNTriples(Term::Literal("x", "", kXsdString)), "\"x\"");
}

TEST(NTriplesTermTest, AppendAppends) {
  std::string out = "prefix ";
  AppendNTriplesTerm(out, Term::Iri("urn:x"));
  EXPECT_EQ(out, "prefix <urn:x>");
}

TEST(NTriplesLineTest, Line) {
  std::string out;
  AppendNTriplesLine(out, {Term::Blank("s"), Term::Iri("http://ex.org/p"),
                           Term::Literal("v\n", "en")});
  EXPECT_EQ(out, "_:s <http://ex.org/p> \"v\\n\"@en .\n");
}

}  // namespace
}  // namespace kg

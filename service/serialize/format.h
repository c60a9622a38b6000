// The media types kg reads and writes, and their names for the `format=`
// request parameter. One table (format.cc) holds them all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

enum class Format {
  kSparqlJson,  // application/sparql-results+json
  kSparqlXml,   // application/sparql-results+xml
  kCsv,         // text/csv
  kTsv,         // text/tab-separated-values
  kTurtle,      // text/turtle
  kNTriples,    // application/n-triples
  kRdfXml,      // application/rdf+xml
  kJsonLd,      // application/ld+json
  kJson,        // application/json (problem documents, health)
  kHtml,        // text/html
  kText,        // text/plain
};

struct FormatInfo {
  Format format;
  std::string_view media_type;   // canonical, what we put in Content-Type
  std::string_view short_name;   // value of `format=` that selects it
  std::string_view charset_suffix;  // e.g. "; charset=utf-8" or ""
};

const FormatInfo& Info(Format f);
// "text/turtle; charset=utf-8" etc.
std::string ContentType(Format f);
// Looks up a format by media type (case-insensitive, parameters ignored) or by
// short name / media type given in `format=`; also accepts common aliases
// (application/x-turtle, text/plain for N-Triples is NOT accepted: ambiguous).
std::optional<Format> FormatFromMediaType(std::string_view media_type);
std::optional<Format> FormatFromParam(std::string_view value);

// What each kind of answer can be written as, in order of preference.
const std::vector<Format>& ResultFormats();   // SELECT / ASK
const std::vector<Format>& GraphFormats();    // CONSTRUCT / DESCRIBE / GSP GET
// Comma-separated media types of a list, for 406 / 415 messages.
std::string MediaTypeList(const std::vector<Format>& formats);

}  // namespace kg

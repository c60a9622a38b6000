#include "serialize/format.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kg {
namespace {

constexpr std::array<FormatInfo, 11> kFormats{{
    {Format::kSparqlJson, "application/sparql-results+json", "json", ""},
    {Format::kSparqlXml, "application/sparql-results+xml", "xml", "; charset=utf-8"},
    {Format::kCsv, "text/csv", "csv", "; charset=utf-8"},
    {Format::kTsv, "text/tab-separated-values", "tsv", "; charset=utf-8"},
    {Format::kTurtle, "text/turtle", "turtle", "; charset=utf-8"},
    {Format::kNTriples, "application/n-triples", "ntriples", ""},
    {Format::kRdfXml, "application/rdf+xml", "rdfxml", ""},
    {Format::kJsonLd, "application/ld+json", "jsonld", ""},
    {Format::kJson, "application/json", "plainjson", ""},
    {Format::kHtml, "text/html", "html", "; charset=utf-8"},
    {Format::kText, "text/plain", "text", "; charset=utf-8"},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const FormatInfo& Info(Format f) {
  for (const auto& info : kFormats)
    if (info.format == f) return info;
  return kFormats.back();
}

std::string ContentType(Format f) {
  const auto& i = Info(f);
  return std::string(i.media_type) + std::string(i.charset_suffix);
}

std::optional<Format> FormatFromMediaType(std::string_view media_type) {
  auto semi = media_type.find(';');
  std::string mt = Lower(Trim(media_type.substr(0, semi)));
  for (const auto& info : kFormats)
    if (info.media_type == mt) return info.format;
  // Aliases seen in the wild (Jena, rdflib, older Sesame clients).
  if (mt == "application/x-turtle") return Format::kTurtle;
  if (mt == "text/n-triples" || mt == "application/ntriples") return Format::kNTriples;
  if (mt == "application/xml" || mt == "text/xml") return std::nullopt;  // ambiguous
  return std::nullopt;
}

std::optional<Format> FormatFromParam(std::string_view value) {
  std::string v = Lower(Trim(value));
  for (const auto& info : kFormats)
    if (info.short_name == v) return info.format;
  if (v == "ttl") return Format::kTurtle;
  if (v == "nt") return Format::kNTriples;
  if (v == "rdf" || v == "rdf/xml") return Format::kRdfXml;
  if (v == "json-ld") return Format::kJsonLd;
  if (v == "srj") return Format::kSparqlJson;
  if (v == "srx") return Format::kSparqlXml;
  return FormatFromMediaType(v);
}

const std::vector<Format>& ResultFormats() {
  static const std::vector<Format> v{Format::kSparqlJson, Format::kSparqlXml, Format::kCsv,
                                     Format::kTsv};
  return v;
}

const std::vector<Format>& GraphFormats() {
  static const std::vector<Format> v{Format::kTurtle, Format::kNTriples, Format::kRdfXml,
                                     Format::kJsonLd};
  return v;
}

std::string MediaTypeList(const std::vector<Format>& formats) {
  std::string out;
  for (Format f : formats) {
    if (!out.empty()) out += ", ";
    out += Info(f).media_type;
  }
  return out;
}

}  // namespace kg

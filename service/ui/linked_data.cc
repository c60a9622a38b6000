#include "ui/linked_data.h"

#include "evaluator/engine.h"
#include "serialize/negotiate.h"
#include "serialize/serialize.h"

namespace kg::ui {
namespace {

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kTurtle: return "Turtle";
    case Format::kJsonLd: return "JSON-LD";
    case Format::kRdfXml: return "RDF/XML";
    case Format::kNTriples: return "N-Triples";
    default: return Info(f).short_name;
  }
}

// path + "?format=x", or "&format=x" when the path already has a query
// (the ?iri= form of resources outside the configured base).
std::string WithFormat(const std::string& path, Format f) {
  return path + (path.find('?') == std::string::npos ? "?" : "&") + "format=" +
         std::string(Info(f).short_name);
}

}  // namespace

std::string_view Segment(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kConcept: return "begrip";
    case ResourceKind::kWork: return "werk";
    case ResourceKind::kScheme: return "schema";
  }
  return "begrip";
}

const std::vector<Format>& ResourceFormats() {
  static const std::vector<Format> formats{Format::kHtml, Format::kTurtle, Format::kJsonLd,
                                           Format::kRdfXml, Format::kNTriples};
  return formats;
}

Result<Format> NegotiateResource(const Request& request) {
  std::string format_param;
  for (const auto& v : ParamValues(request.query_params(), "format")) format_param = v;
  return Negotiate(request.header("Accept"), ResourceFormats(), format_param);
}

Result<Graph> Describe(const Store& store, const std::string& iri) {
  // The IRI is bound as a term, never pasted into the query text.
  auto result = sparql::ExecuteQuery(store, "DESCRIBE ?resource", {}, {}, {},
                                     {{"resource", Term::Iri(iri)}});
  if (!result.ok()) return result.error();
  if (!result->is_graph()) return Error::Internal("DESCRIBE gave no graph");
  return std::get<Graph>(std::move(result.value().value));
}

std::vector<DataLink> DataLinks(const std::string& path) {
  std::vector<DataLink> links;
  for (Format f : ResourceFormats()) {
    if (f == Format::kHtml) continue;
    links.push_back({WithFormat(path, f),
                     std::string(Info(f).media_type), std::string(FormatName(f))});
  }
  return links;
}

Result<Response> DataResponse(const Graph& graph, Format format, const PrefixMap& prefixes,
                              const std::string& path) {
  auto body = WriteGraph(format, graph, prefixes);
  if (!body.ok()) return body.error();
  Response r;
  r.headers["Content-Type"] = ContentType(format);
  r.headers["Vary"] = "Accept";
  r.headers["Content-Location"] = WithFormat(path, format);
  std::string link = "<" + path + ">; rel=\"alternate\"; type=\"text/html\"";
  for (const auto& l : DataLinks(path))
    link += ", <" + l.href + ">; rel=\"alternate\"; type=\"" + l.media_type + "\"";
  r.headers["Link"] = link;
  r.headers["Cache-Control"] = "no-cache";
  r.body = std::move(body.value());
  return r;
}

}  // namespace kg::ui

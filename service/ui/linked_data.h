// Dereferenceable IRIs: a concept, work or scheme IRI under the configured
// base (https://w3id.org/utrecht-leert/begrip/<slug>, /werk/<slug>,
// /schema/<slug>) resolves at the service path /begrip/<slug>, /werk/<slug>,
// /schema/<slug>.
//
// kg negotiates directly at that URL (W3C "Cool URIs for the Semantic Web",
// §4.2 style content negotiation, no 303): browsers get the HTML page, RDF
// clients the resource's description in Turtle, JSON-LD, RDF/XML or
// N-Triples by Accept (or ?format=), always with `Vary: Accept` and a
// `Content-Location` naming the format-specific URL. The negotiation is
// serialize/negotiate.h's Negotiate(); the writers are serialize/'s.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"
#include "core/status.h"
#include "core/term.h"
#include "serialize/format.h"
#include "store/store.h"

namespace kg::ui {

enum class ResourceKind { kConcept, kWork, kScheme };

// The service path segment of a kind ("begrip", "werk", "schema").
std::string_view Segment(ResourceKind kind);

// What the representations of a resource can be, HTML first (a client that
// accepts anything gets the page).
const std::vector<Format>& ResourceFormats();

// The format to answer a resource request with: `format=` wins over
// Accept. Error::NotAcceptable listing the formats when none fits.
Result<Format> NegotiateResource(const Request& request);

// The resource's description: its triples (in the query default graph) and,
// recursively, those of blank nodes it points to (SPARQL DESCRIBE, the
// concise bounded description). Empty when the store says nothing about it.
Result<Graph> Describe(const Store& store, const std::string& iri);

// A data answer (non-HTML format) for a described resource, with Vary,
// Content-Location (`path?format=<short>`) and Link rel=alternate headers.
Result<Response> DataResponse(const Graph& graph, Format format, const PrefixMap& prefixes,
                              const std::string& path);

// The alternate representations of `path`, for <link rel="alternate"> and
// the page's data links: (URL, media type, name) per RDF format.
struct DataLink {
  std::string href;
  std::string media_type;
  std::string name;  // "Turtle", "JSON-LD", "RDF/XML", "N-Triples"
};
std::vector<DataLink> DataLinks(const std::string& path);

}  // namespace kg::ui

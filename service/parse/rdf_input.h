// Reading RDF that comes from outside: request bodies (by media type) and
// data files/folders (by extension). Raptor for the RDF syntaxes it has,
// kg's JSON-LD reader for JSON-LD. Thread-safe (per-thread parsers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "serialize/format.h"
#include "store/rdf_codec.h"
#include "store/store.h"

namespace kg {

// Media types a body may have, for 415 messages.
const std::vector<Format>& ReadableFormats();

// Parses a body of the given media type. Error::UnsupportedMedia for a type
// kg cannot read; Error::Syntax (line, column) for a body that does not parse.
Result<ParsedRdf> ParseRdfBody(std::string_view body, std::string_view media_type,
                               const std::string& base_iri);

struct LoadReport {
  std::size_t files = 0;
  std::size_t triples = 0;
  std::vector<std::string> graphs;  // graph IRIs created, one per file
  std::vector<std::string> warnings;  // "file: message (line N)"
};

// Loads every RDF file named in `paths` (folders: their *.ttl, *.nt, *.rdf,
// *.owl, *.nq, *.trig, *.jsonld files, sorted, not recursive) into `store`,
// each as its own named graph whose name is the file's file:// IRI, and
// records the prefixes declared. Stops at the first file that fails to
// parse, naming the file, line and column.
Result<LoadReport> LoadPaths(Store& store, const std::vector<std::string>& paths);

// The file:// IRI of a path (absolute, percent-encoded where needed).
std::string FileIri(const std::string& path);

}  // namespace kg

// Reading and writing RDF syntaxes with Raptor, on plain values.
//
// Raptor is the reference parser/serializer for Turtle, N-Triples, N-Quads,
// TriG and RDF/XML; kg never hand-writes those parsers. JSON-LD is not in
// Raptor 2.0.15 and lives in parse/ and serialize/.
//
// Threading: an RdfCodec owns a raptor world and must be used by one thread
// at a time; ForThisThread() hands out one instance per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/term.h"

namespace kg {

enum class RdfSyntax { kTurtle, kNTriples, kRdfXml, kNQuads, kTrig };

// Syntax from a file name's extension (.ttl .nt .rdf .owl .xml .nq .trig).
std::optional<RdfSyntax> RdfSyntaxFromExtension(std::string_view path);

struct ParsedRdf {
  Graph triples;
  PrefixMap prefixes;  // prefixes declared in the document, in order
  std::vector<std::string> warnings;  // parser warnings, "message (line N)"
};

class RdfCodec {
 public:
  RdfCodec();
  ~RdfCodec();
  RdfCodec(const RdfCodec&) = delete;
  RdfCodec& operator=(const RdfCodec&) = delete;

  static RdfCodec& ForThisThread();

  // Parses a whole document. Any error (not warning) fails the parse with
  // Error::Syntax carrying Raptor's message, line and column; nothing is
  // returned partially. Relative IRIs resolve against base_iri (must be an
  // absolute IRI). Blank node labels are made unique per call. Quads
  // syntaxes keep only the triples (graph names dropped).
  Result<ParsedRdf> Parse(std::string_view data, RdfSyntax syntax, const std::string& base_iri);

  // Writes Turtle / RDF/XML / N-Triples with Raptor, declaring `prefixes`
  // (Turtle and RDF/XML use them to abbreviate).
  Result<std::string> Serialize(const Graph& graph, RdfSyntax syntax, const PrefixMap& prefixes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

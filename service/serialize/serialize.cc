#include "serialize/serialize.h"

#include "serialize/csv.h"
#include "serialize/jsonld.h"
#include "serialize/ntriples.h"
#include "serialize/rdfxml.h"
#include "serialize/sparql_json.h"
#include "serialize/sparql_xml.h"
#include "serialize/tsv.h"
#include "serialize/turtle.h"

namespace kg {

Result<std::string> WriteGraph(Format format, const Graph& graph, const PrefixMap& prefixes) {
  switch (format) {
    case Format::kTurtle: return WriteTurtle(graph, prefixes);
    case Format::kNTriples: return WriteNTriples(graph);
    case Format::kRdfXml: return WriteRdfXml(graph, prefixes);
    case Format::kJsonLd: return WriteJsonLd(graph, prefixes);
    default: return Error::NotAcceptable(MediaTypeList(GraphFormats()));
  }
}

Result<std::string> WriteQueryResult(Format format, const QueryResult& result,
                                     const PrefixMap& prefixes) {
  if (const auto* graph = std::get_if<Graph>(&result.value))
    return WriteGraph(format, *graph, prefixes);
  if (const auto* rs = std::get_if<ResultSet>(&result.value)) {
    switch (format) {
      case Format::kSparqlJson: return WriteSparqlJson(*rs);
      case Format::kSparqlXml: return WriteSparqlXml(*rs);
      case Format::kCsv: return WriteCsv(*rs);
      case Format::kTsv: return WriteTsv(*rs);
      default: break;
    }
  } else {
    bool b = std::get<bool>(result.value);
    switch (format) {
      case Format::kSparqlJson: return WriteSparqlJson(b);
      case Format::kSparqlXml: return WriteSparqlXml(b);
      case Format::kCsv: return WriteCsv(b);
      case Format::kTsv: return WriteTsv(b);
      default: break;
    }
  }
  return Error::NotAcceptable(MediaTypeList(ResultFormats()));
}

}  // namespace kg

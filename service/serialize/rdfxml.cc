#include "serialize/rdfxml.h"

#include "store/rdf_codec.h"

namespace kg {

Result<std::string> WriteRdfXml(const Graph& graph, const PrefixMap& prefixes) {
  return RdfCodec::ForThisThread().Serialize(graph, RdfSyntax::kRdfXml, prefixes);
}

}  // namespace kg

#include "serialize/turtle.h"

#include "store/rdf_codec.h"

namespace kg {

Result<std::string> WriteTurtle(const Graph& graph, const PrefixMap& prefixes) {
  return RdfCodec::ForThisThread().Serialize(graph, RdfSyntax::kTurtle, prefixes);
}

}  // namespace kg

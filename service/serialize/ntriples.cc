#include "serialize/ntriples.h"

#include "core/ntriples.h"

namespace kg {

std::string WriteNTriples(const Graph& graph) {
  std::string out;
  out.reserve(graph.size() * 96);
  for (const auto& t : graph) AppendNTriplesLine(out, t);
  return out;
}

}  // namespace kg

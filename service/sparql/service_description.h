// SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)
// of the /sparql endpoint, as a graph (written in any graph format).
#pragma once

#include <string>
#include <vector>

#include "core/term.h"
#include "store/store.h"

namespace kg {

struct ServiceInfo {
  std::string endpoint_iri;  // absolute IRI of /sparql as the client reached it
  bool union_default_graph = true;
  std::size_t triples = 0;
  std::vector<std::string> named_graphs;
  // SPARQL Update is accepted (the server has a write token).
  bool update = false;
};

Graph ServiceDescription(const ServiceInfo& info);
// Prefixes for writing it (sd, void, ...).
PrefixMap ServiceDescriptionPrefixes();

}  // namespace kg

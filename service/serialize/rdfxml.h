// RDF/XML, written by Raptor's abbreviating serializer with the store's
// prefixes as XML namespaces. Thread-safe (per-thread RdfCodec).
#pragma once
#include <string>
#include "core/status.h"
#include "core/term.h"
namespace kg {
Result<std::string> WriteRdfXml(const Graph& graph, const PrefixMap& prefixes);
}  // namespace kg

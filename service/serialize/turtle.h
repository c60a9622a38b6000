// Turtle, written by Raptor's serializer with the store's prefixes declared.
// Thread-safe (uses the calling thread's RdfCodec).
#pragma once
#include <string>
#include "core/status.h"
#include "core/term.h"
namespace kg {
Result<std::string> WriteTurtle(const Graph& graph, const PrefixMap& prefixes);
}  // namespace kg

// N-Triples (https://www.w3.org/TR/n-triples/). Pure; thread-safe.
#pragma once
#include <string>
#include "core/term.h"
namespace kg {
std::string WriteNTriples(const Graph& graph);
}  // namespace kg

// SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/),
// written directly (see sparql_json.cc for why not with RapidJSON). Pure
// functions; thread-safe.
#pragma once
#include <string>
#include "core/term.h"
namespace kg {
std::string WriteSparqlJson(const ResultSet& results);
std::string WriteSparqlJson(bool boolean);
}  // namespace kg

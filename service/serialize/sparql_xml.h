// SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/).
// Pure functions; thread-safe.
#pragma once
#include <string>
#include "core/term.h"
namespace kg {
std::string WriteSparqlXml(const ResultSet& results);
std::string WriteSparqlXml(bool boolean);
}  // namespace kg

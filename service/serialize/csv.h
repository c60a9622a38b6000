// SPARQL 1.1 Query Results CSV (https://www.w3.org/TR/sparql11-results-csv-tsv/ §2):
// lossy by design (plain values), RFC 4180 quoting, CRLF line ends.
#pragma once
#include <string>
#include "core/term.h"
namespace kg {
std::string WriteCsv(const ResultSet& results);
// Not defined by the spec; written as a one-column table "_askResult" like
// Jena does, so that spreadsheet users still get an answer.
std::string WriteCsv(bool boolean);
}  // namespace kg

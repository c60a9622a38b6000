// SPARQL 1.1 Query Results TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/ §3):
// lossless; every term in its N-Triples / Turtle form.
#pragma once
#include <string>
#include "core/term.h"
namespace kg {
std::string WriteTsv(const ResultSet& results);
std::string WriteTsv(bool boolean);  // "?_askResult" one-column table, as for CSV
}  // namespace kg

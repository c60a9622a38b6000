// SPARQL 1.1 Query and Update parser (https://www.w3.org/TR/sparql11-query/ §19,
// https://www.w3.org/TR/sparql11-update/ §19): text -> syntax tree (ast.h).
//
// Errors are Error::Syntax with 1-based line and column of the offending
// token and a message saying what was found and what was expected, e.g.
//   "unexpected '}' , expected a variable, IRI or literal (line 3, column 7)".
// The parser enforces the grammar's extra rules (§19.8 and notes): blank node
// labels not reused across basic graph patterns, VALUES row arity, variables
// in SELECT expressions not already in scope, projections in an aggregate
// query must be grouped or aggregated, BIND not re-binding an in-scope
// variable, no aggregates outside SELECT/HAVING/ORDER BY, etc.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "parser/ast.h"

namespace kg::sparql {

// base_iri: the IRI relative IRIs resolve against when the query has no BASE
// ("" = none: a relative IRI is then an error).
Result<Query> ParseQuery(std::string_view text, const std::string& base_iri = {});
Result<Update> ParseUpdate(std::string_view text, const std::string& base_iri = {});

}  // namespace kg::sparql

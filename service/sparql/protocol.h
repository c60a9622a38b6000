// SPARQL 1.1 Protocol request parsing (https://www.w3.org/TR/sparql11-protocol/ §2.1):
// turns an HTTP request value into what to run. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/message.h"
#include "core/status.h"
#include "store/store.h"

namespace kg {

struct SparqlRequest {
  enum class Kind { kQuery, kServiceDescription };
  Kind kind = Kind::kQuery;
  std::string query;
  Dataset dataset;          // default-graph-uri / named-graph-uri
  std::string format;       // `format=` override of Accept ("" = none)
};

// §2.1.1 GET ?query=, §2.1.2 POST form, §2.1.3 POST application/sparql-query.
// GET without `query` asks for the Service Description (§2.1 / SD §2).
// Errors: Error::BadRequest for both query and update, repeated `query`, an
// update (kg does not run SPARQL Update; writes go through the Graph Store
// Protocol), missing query in a POST; Error::UnsupportedMedia for another
// Content-Type; Error::MethodNotAllowed for other methods.
Result<SparqlRequest> ParseSparqlRequest(const Request& request);

}  // namespace kg

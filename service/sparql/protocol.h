// SPARQL 1.1 Protocol request parsing (https://www.w3.org/TR/sparql11-protocol/ §2.1):
// turns an HTTP request value into what to run. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/message.h"
#include "core/status.h"
#include "store/store.h"

namespace kg {

struct SparqlRequest {
  enum class Kind { kQuery, kServiceDescription, kUpdate };
  Kind kind = Kind::kQuery;
  std::string query;
  Dataset dataset;          // default-graph-uri / named-graph-uri
  std::string format;       // `format=` override of Accept ("" = none)
  std::string update;       // kUpdate: the update request text
  // kUpdate: using-graph-uri / using-named-graph-uri (Protocol §2.2.3).
  std::vector<std::string> using_graphs, using_named;
  // `timeout` parameter: seconds the client allows (a lower limit than the
  // server's is honoured, a higher one is capped by the handler).
  std::optional<double> timeout_seconds;
};

// Queries: §2.1.1 GET ?query=, §2.1.2 POST form, §2.1.3 POST
// application/sparql-query. GET without `query` asks for the Service
// Description (§2.1 / SD §2). Updates (§2.2): POST form with `update=` or
// POST application/sparql-update, with using-graph-uri /
// using-named-graph-uri in the form or the URL. Errors: Error::BadRequest for
// both query and update, a repeated `query` or `update`, an update by GET,
// missing query in a POST, a `timeout` that is not a positive number of
// seconds; Error::UnsupportedMedia for another Content-Type;
// Error::MethodNotAllowed for other methods.
Result<SparqlRequest> ParseSparqlRequest(const Request& request);

// POST /update: like ParseSparqlRequest, but only updates (§2.2); a query is
// Error::BadRequest, a method other than POST Error::MethodNotAllowed.
Result<SparqlRequest> ParseUpdateRequest(const Request& request);

}  // namespace kg

// Running one named query for a request: parameters -> bindings, the engine,
// pagination, content negotiation. Pure; store thread.
#pragma once

#include <map>
#include <string>

#include "api/named_query.h"
#include "core/message.h"
#include "core/status.h"
#include "store/store.h"

namespace kg::api {

// GET /api/queries/{name} for `query`. Offers (in order): application/json
// (plain JSON), the SPARQL result formats, text/html for SELECT/ASK; the RDF
// formats for CONSTRUCT/DESCRIBE; `format=` overrides Accept. With
// pagination: `page` (from 1) and `per_page` (1..1000, default the query's
// pagination) select rows, and a Link header (RFC 8288) has first, prev,
// next and last; X-Total-Count gives the number of rows.
Result<Response> RunNamedQuery(const Request& request, const NamedQuery& query,
                               const Store& store, double timeout_seconds,
                               const std::string& public_base);

// GET /api/queries: [{"name","path","summary","description","tags",
// "parameters":[{"name","type","required","default","values","description"}],
// "pagination"}] as JSON.
std::string QueryListJson(const std::map<std::string, NamedQuery>& catalog);

}  // namespace kg::api

// The operations /api/ offers, as one list of plain values: both the OpenAPI
// document (/api/openapi.json) and its HTML rendering (/api/) are written
// from it, so they cannot disagree. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "api/query_catalog.h"

namespace kg::api {

struct OperationParam {
  std::string name;
  std::string in = "query";  // "query" or "path"
  std::string type;          // iri, string, langstring, integer, date, enum
  bool required = false;
  std::string default_value;
  std::vector<std::string> values;  // enum
  std::string description;
};

struct Operation {
  std::string path;  // OpenAPI path template, e.g. "/api/concepts/{id}"
  std::string operation_id;
  std::string summary, description;
  std::vector<std::string> tags;
  std::vector<OperationParam> params;
  std::vector<std::string> media_types;  // of the 200 answer
  bool paginated = false;
  // The components/schemas entry describing the 200 JSON answer ("" = none
  // declared: named queries answer in the shape of their own SELECT).
  std::string schema;
};

// The named queries of `catalog` followed by the fixed operations (the
// concept API, the list of queries and the document itself).
std::vector<Operation> ApiOperations(const QueryCatalog& catalog);

// OpenAPI 3.1.0 JSON (pretty-printed) of `operations`; `server` is the base
// URL ("" = relative).
std::string OpenApiJson(const std::vector<Operation>& operations, const std::string& server);
// A standalone readable HTML page of the same (no external assets).
std::string OpenApiHtml(const std::vector<Operation>& operations);

}  // namespace kg::api

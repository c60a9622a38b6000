// A named query: one queries/**/*.rq file served as GET /api/queries/{name},
// with what its `#+` decorator header declares (see queries/README.md).
// Plain values; thread-safe to read.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kg::api {

enum class ParamType { kIri, kString, kLangString, kInteger, kDate, kEnum };

// "iri", "string", ... (the decorator spelling); std::nullopt-like "" for none.
const char* ParamTypeName(ParamType type);

struct QueryParam {
  std::string name;  // also the query variable it binds (?name)
  ParamType type = ParamType::kString;
  bool required = false;
  std::string default_value;  // "" = none (the variable stays unbound)
  std::vector<std::string> values;  // kEnum: the allowed values
  std::string description;
};

struct NamedQuery {
  std::string name;  // path below queries/ without .rq, e.g. "api/concept"
  std::string file;  // path it was read from (for messages)
  std::string text;  // the SPARQL text, decorators included (they are comments)
  std::string summary;
  std::string description;
  std::vector<std::string> tags;
  std::vector<QueryParam> params;
  int pagination = 0;  // rows per page by default; 0 = no pagination
  bool is_select_or_ask = true;  // false: CONSTRUCT / DESCRIBE (graph answers)
};

// Parses the decorator header of `text` (the leading comment block) into a
// NamedQuery named `name`. Lines starting with "#+" are decorators; other
// comment lines of the header become the description when no
// `#+ description:` is given (and the first one the summary). Error::Syntax
// with the 1-based line (and column) for a bad decorator: unknown key, unknown
// type, enum without values, a default that is not valid for the type,
// required together with default, a duplicate parameter, a parameter whose
// ?variable the query does not mention, pagination that is not a positive
// integer. Does not parse the SPARQL (query_catalog.cc does). Pure.
Result<NamedQuery> ParseNamedQuery(const std::string& name, const std::string& text);

}  // namespace kg::api

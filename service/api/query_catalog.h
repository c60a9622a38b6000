// Every queries/**/*.rq file, loaded and checked once at start-up.
// Thread-safe to read after loading.
#pragma once

#include <map>
#include <string>

#include "api/named_query.h"
#include "core/status.h"

namespace kg::api {

// Name (path below the folder, '/'-separated, without .rq) -> query.
using QueryCatalog = std::map<std::string, NamedQuery>;

// Loads every *.rq below `dir` (recursively, in name order). Each file's
// decorator header must be valid (ParseNamedQuery) and its SPARQL must parse
// (kg's parser). Fails on the first bad file with an Error::Syntax whose
// message starts with the file path and carries the line and column, so
// `kg serve` can refuse to start: a bad file never becomes a failing endpoint.
// Error::Io when `dir` is not a readable folder.
Result<QueryCatalog> LoadQueryCatalog(const std::string& dir);

// The same check for one query text (used by LoadQueryCatalog and tests).
Result<NamedQuery> CheckNamedQuery(const std::string& name, const std::string& file,
                                   const std::string& text);

}  // namespace kg::api

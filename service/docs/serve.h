// The generated HTML documentation served by kg serve under /docs/.
// Generated on demand: the first request builds the site in memory from the
// store, later requests reuse it until the store's version changes (a
// write), so the served documentation always describes the served graph.
//
// Threading: a DocsState belongs to the store thread, like the store.
#pragma once

#include <cstdint>
#include <optional>

#include "core/message.h"
#include "core/status.h"
#include "docs/docs.h"
#include "store/store.h"

namespace kg::docs {

struct DocsState {
  DocsOptions options;  // html only; languages of the served site
  std::optional<Site> site;
  std::uint64_t version = 0;  // store version `site` was built from
};

// GET/HEAD /docs and below: "/docs" redirects to "/docs/", a path ending in
// '/' serves its index.html, every other path the generated file of that
// name (with its media type, an ETag of the store version and
// Cache-Control: no-cache). Errors: MethodNotAllowed for other methods,
// NotFound for a path the site does not have, GenerateSite's errors.
Result<Response> ServeDocs(const Request& request, const Store& store, DocsState& state);

}  // namespace kg::docs

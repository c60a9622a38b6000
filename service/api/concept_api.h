// The concept API (what Skosmos' REST API offers, for this graph):
//   /api/concepts?q=&lang=&limit=     search (vocabulary::Search)
//   /api/concepts/{id}                one concept (vocabulary::GetConcept)
//   /api/concepts/{id}/broader|narrower|related
//   /api/concepts/{id}/hierarchy      the paths to the top
//   /api/schemes                      the schemes with their top concepts
//   /api/schemes/{id}                 one scheme with its concept tree
//   /api/works, /api/works/{id}       cited works with citing concepts
// {id} is the short id under the configured base (…/begrip/{id},
// …/werk/{id}). JSON by default, JSON-LD for Accept: application/ld+json
// (or format=jsonld), chosen by the one Negotiate. Every answer is built
// from the vocabulary layer, the same functions the browsing pages and
// `kg docs` use. Pure function of (Request, Store); the ETag/cache layer
// wraps it in api.cc.
#pragma once

#include <optional>

#include "core/message.h"
#include "core/status.h"
#include "store/store.h"
#include "vocabulary/vocabulary.h"

namespace kg::api {

// True for the paths HandleConceptApi answers (/api/concepts, /api/schemes,
// /api/works and below).
bool IsConceptApiPath(std::string_view path);

// Errors: NotFound (unknown id or sub-resource), BadRequest naming the
// parameter (missing / repeated / unknown parameter, q empty or over 200
// bytes, lang not a language tag, limit not 1..100, id with characters no
// id has),
// NotAcceptable, and the engine's errors.
Result<Response> HandleConceptApi(const Request& request, const Store& store,
                                  const vocabulary::Config& config);

}  // namespace kg::api

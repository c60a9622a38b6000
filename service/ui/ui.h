// The browsing pages' entry point: GET (and HEAD) of
//   /                      home (when the client prefers HTML; see handlers/)
//   /search?q=             search results (the page behind the search box)
//   /hierarchy             every scheme as an expandable tree
//   /index[?letter=]       alphabetical index in the page language
//   /sources               bibliography, each work with its citing concepts
//   /query[?example=N]     the SPARQL editor (YASGUI) with example queries
//   /assets/<name>         stylesheet, scripts, YASGUI (assets.h)
//   /begrip/<id>, /werk/<id>, /schema/<id>   concept, work and scheme IRIs
//                          under the base, negotiated (linked_data.h); the
//                          forms /begrip?iri=..., /werk?iri=..., /schema?iri=...
//                          serve resources outside the base
// Language: ChooseLanguage (language.h). Pure function of the request and
// the store; call on the store thread.
#pragma once

#include <string>
#include <vector>

#include "core/message.h"
#include "core/status.h"
#include "store/store.h"
#include "ui/pages.h"
#include "vocabulary/vocabulary.h"

namespace kg::ui {

struct UiOptions {
  std::string assets_dir;            // see assets.h
  vocabulary::Config vocabulary;     // the base IRI and the label languages
  std::vector<ExampleQuery> examples;  // for the SPARQL page
};

// True for the paths HandleUi answers (so the router can send them here).
bool IsUiPath(std::string_view path);

// Errors: MethodNotAllowed for anything but GET/HEAD; NotAcceptable when a
// resource is asked for in a format kg does not write; NotFound for data
// (non-HTML) requests of unknown resources and unknown assets. Unknown pages
// and resources asked for as HTML are a 404 *page* (a Response), so a
// browser shows the site's navigation.
Result<Response> HandleUi(const Request& request, const Store& store, const UiOptions& options);

}  // namespace kg::ui

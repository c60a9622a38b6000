// `kg docs`: documentation generated from the graph — a self-contained
// static HTML site and/or a folder of GitHub-flavoured Markdown — built
// from the same vocabulary layer (service/vocabulary/), i18n strings and
// diagram code (service/ui/, service/diagram/) as the service's pages.
//
// Layout of a generated site (paths relative to its root; <L> per language):
//   index.html                 language choice (links to each <L>/index.html)
//   assets/docs.css            the one stylesheet (no external assets)
//   <L>/index.html  README.md  programme, schemes, table of contents, overview
//   <L>/begrip/<slug>.html|md  one page per concept
//   <L>/schema/<slug>.html|md  one page per concept scheme
//   <L>/werk/<slug>.html|md    one page per work
//   <L>/ontologie/index…, <L>/ontologie/<local>.html|md  classes and properties of ul:
//   <L>/bronnen.html|md        bibliography (APA 7) with the citing concepts
//   <L>/register.html|md       alphabetical index
// A slug is the resource's short id under the base, else its IRI's local
// name made file-safe; clashes get "-2", "-3", ... in IRI order.
//
// Deterministic: the same graph and options give byte-identical files (every
// list is sorted, nothing depends on time or the environment).
// Threading: GenerateSite uses the store from the calling thread only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "vocabulary/vocabulary.h"

namespace kg::docs {

struct DocsOptions {
  std::vector<std::string> languages = {"nl"};  // each of "nl", "en"; first = default
  bool html = true;
  bool markdown = false;
  // Where the site is published, e.g. "https://example.org/docs/" or
  // "/docs/". "" = every link is relative (the site opens from file://).
  // Otherwise links are base_url + path (a missing trailing '/' is added).
  std::string base_url;
  vocabulary::Config vocabulary;
  // The site's name (page titles, the header, the index). "" = the built-in
  // "Utrecht Leert — begrippen" / "— concepts" with the programme's tagline;
  // a title of one's own (another vocabulary) drops that tagline.
  std::string title;
  // Diagrams drawn at most this many nodes (neighbourhood / overview).
  std::size_t max_neighbourhood_nodes = 40;
  std::size_t max_overview_nodes = 90;
};

// options.title, or the built-in site name in `lang` ("nl", "en"); plain
// text, not escaped.
std::string SiteName(const DocsOptions& options, const std::string& lang);
// The tagline sentence of the index ("" when options.title is set).
std::string SiteTagline(const DocsOptions& options, const std::string& lang);

// The generated files: path relative to the site root -> content. A map, so
// iteration (and writing) order is sorted.
using Site = std::map<std::string, std::string>;

// Errors: BadRequest for an unknown language; the vocabulary's and the
// diagram renderer's errors.
Result<Site> GenerateSite(const Store& store, const DocsOptions& options);

// Writes every file of `site` under `dir` (created when missing; existing
// files with the same paths are overwritten, others left alone).
// Errors: Io naming the file that could not be written.
Status WriteSite(const Site& site, const std::string& dir);

// The media type of a generated file by its extension (for serving /docs/).
std::string MediaTypeOf(const std::string& path);

}  // namespace kg::docs

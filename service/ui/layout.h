// The one page layout of the browsing pages: head (title, stylesheet,
// alternates, embedded JSON-LD), header with navigation, search box and
// language switch, main content, footer. Pure: page in, HTML document out.
#pragma once

#include <string>
#include <vector>

#include "core/message.h"
#include "ui/i18n.h"

namespace kg::ui {

// Where a page is in the navigation (marked aria-current).
enum class Section { kNone, kHome, kHierarchy, kIndex, kSources, kSparql, kSearch };

// <link rel="alternate" type=... href=...>: the page's data in RDF formats.
struct Alternate {
  std::string href;
  std::string type;   // media type
  std::string title;  // "Turtle", "JSON-LD", ...
};

struct Page {
  std::string title;      // plain text, escaped by the layout
  std::string body_html;  // already-escaped markup for <main>
  Section section = Section::kNone;
  std::vector<Alternate> alternates;
  std::string jsonld;     // the resource as JSON-LD ("" = none); escaped for <script>
  std::string search_query;  // pre-filled into the search box
  std::vector<std::string> scripts;      // extra script URLs (deferred)
  std::vector<std::string> stylesheets;  // extra stylesheet URLs
};

// The request path and query the page was asked for, for the language
// switch (which keeps every parameter but `lang`).
struct PageRequest {
  Lang lang = kDefaultLang;
  std::string path = "/";
  Params params;
};

std::string RenderPage(const Page& page, const PageRequest& request);

// `path` with `params` as a query string (percent-encoded), `lang` replaced
// by `lang` (or dropped when lang is nullopt-equivalent empty).
std::string LinkWithLang(const std::string& path, const Params& params, std::string_view lang);

// A complete HTML response (status, Content-Type, Vary, Cache-Control and the
// language cookie when one is to be set).
Response HtmlResponse(std::string html, int status = 200);

}  // namespace kg::ui

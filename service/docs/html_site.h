// Internal to service/docs/: the HTML pages of one language (pure: Model in,
// files out) and the stylesheet.
#pragma once

#include "docs/model.h"

namespace kg::docs {

// Adds every HTML page of `lang` to `site`.
Status AddHtmlPages(const Model& model, ui::Lang lang, const DocsOptions& options, Site& site);
// Adds the Markdown pages of `lang` to `site`.
Status AddMarkdownPages(const Model& model, ui::Lang lang, const DocsOptions& options, Site& site);

// The site's stylesheet (assets/docs.css).
const char* Stylesheet();

}  // namespace kg::docs

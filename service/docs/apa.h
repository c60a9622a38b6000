// A work's reference in APA style (7th edition), as the brochure's own
// references use it: author list, (date), title, source, URL. Returned as
// segments so that HTML and Markdown render the same text with their own
// italics and links.
#pragma once

#include <string>
#include <vector>

#include "vocabulary/vocabulary.h"

namespace kg::docs {

struct Segment {
  std::string text;
  bool italic = false;
  std::string url;  // non-empty: the text is this link
};

// APA 7 reference-list entry for `work` with the interface words in `lang`
// ("nl": "z.d.", "in", "p."; "en": "n.d.", "In", "p."). Rules applied:
// authors "A, & B" / "A, B, & C" (21+: the first 19, "…", the last); a work
// without authors is led by its publisher (a group author) or else by its
// title; date "(2022)", "(2020, 4 november)" for dated letters and web
// pages, "(z.d.)" when none; the title of a stand-alone work in italics, an
// article's journal and volume in italics, "(issue)", pages; publishers that
// are not already the author; the URL.
std::vector<Segment> ApaReference(const vocabulary::Work& work, const std::string& lang,
                                  const vocabulary::Config& config);

// The segments as plain text (for sorting and alt text).
std::string PlainText(const std::vector<Segment>& segments);

// The key a reference list is sorted by (folded plain text, then IRI).
std::string ApaSortKey(const vocabulary::Work& work, const vocabulary::Config& config);

}  // namespace kg::docs

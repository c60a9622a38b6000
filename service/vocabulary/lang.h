// Language-tagged text and the one language-fallback rule of kg's
// vocabulary layer, plus the folding used by search and sorting.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kg::vocabulary {

// Values of one property by language tag (lower case as kg stores tags; ""
// for untagged literals). Each list keeps the graph's values sorted.
using LangValues = std::map<std::string, std::vector<std::string>>;

// A text picked for a requested language.
struct LangText {
  std::string text;
  std::string language;   // the tag of the value returned ("" untagged)
  bool fallback = false;  // true when `language` is not the one asked for
  bool empty() const { return text.empty(); }
};

// The fallback rule, in this one place:
//   1. a value tagged `lang` (or, failing that, a tag with `lang` as its
//      primary subtag: "en" finds "en-gb");
//   2. an untagged value (language-neutral: not a fallback);
//   3. the first of `fallback_order` that has a value (marked fallback);
//   4. any value, smallest tag first (marked fallback).
// With several values in the chosen language the first (sorted) is taken.
// An empty `values` gives an empty LangText.
LangText PickText(const LangValues& values, std::string_view lang,
                  const std::vector<std::string>& fallback_order);

// All values in the language PickText would choose (e.g. every altLabel).
std::vector<std::string> PickAll(const LangValues& values, std::string_view lang,
                                 const std::vector<std::string>& fallback_order);

// Case- and accent-insensitive form of UTF-8 text: lower case, Latin letters
// with diacritics reduced to their base letter (ö -> o, Ï -> i, ß -> ss,
// æ -> ae), typographic quotes and dashes to ASCII, runs of white space to
// one space, trimmed. Other characters are kept; malformed bytes dropped.
std::string Fold(std::string_view text);

}  // namespace kg::vocabulary

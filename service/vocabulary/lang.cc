#include "vocabulary/lang.h"

#include <algorithm>
#include <cstdint>

#include "parser/unicode.h"

namespace kg::vocabulary {
namespace {

// The tag PickText chooses, or nullptr for an empty `values`.
const std::pair<const std::string, std::vector<std::string>>* Choose(
    const LangValues& values, std::string_view lang,
    const std::vector<std::string>& fallback_order) {
  auto entry = [&](std::string_view tag) -> const std::pair<const std::string,
                                                            std::vector<std::string>>* {
    auto it = values.find(std::string(tag));
    return it == values.end() || it->second.empty() ? nullptr : &*it;
  };
  if (!lang.empty()) {
    if (auto* e = entry(lang)) return e;
    for (const auto& kv : values)  // primary subtag: "en" -> "en-gb"
      if (!kv.second.empty() && kv.first.size() > lang.size() &&
          kv.first.compare(0, lang.size(), lang) == 0 && kv.first[lang.size()] == '-')
        return &kv;
  }
  if (auto* e = entry("")) return e;
  for (const auto& tag : fallback_order)
    if (auto* e = entry(tag)) return e;
  for (const auto& kv : values)
    if (!kv.second.empty()) return &kv;
  return nullptr;
}

bool SameLanguage(std::string_view tag, std::string_view lang) {
  if (tag == lang) return true;
  return tag.size() > lang.size() && tag.compare(0, lang.size(), lang) == 0 &&
         tag[lang.size()] == '-';
}

// Base letter(s) of U+00C0..U+017F, lower case; nullptr keeps the character.
const char* LatinBase(std::uint32_t c) {
  static const char* const k00C0[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0
  if (c >= 0xC0 && c <= 0xFF) return k00C0[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A comes in upper/lower pairs; the base letters by range.
    static const struct { std::uint32_t from, to; const char* base; } kRanges[] = {
        {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
        {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
        {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
        {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
        {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
        {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
    for (const auto& r : kRanges)
      if (c >= r.from && c <= r.to) return r.base;
  }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    default: return nullptr;
  }
}

bool IsSpace(std::uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

}  // namespace

LangText PickText(const LangValues& values, std::string_view lang,
                  const std::vector<std::string>& fallback_order) {
  const auto* chosen = Choose(values, lang, fallback_order);
  if (!chosen) return {};
  LangText t;
  t.text = chosen->second.front();
  t.language = chosen->first;
  t.fallback = !chosen->first.empty() && !SameLanguage(chosen->first, lang);
  return t;
}

std::vector<std::string> PickAll(const LangValues& values, std::string_view lang,
                                 const std::vector<std::string>& fallback_order) {
  const auto* chosen = Choose(values, lang, fallback_order);
  return chosen ? chosen->second : std::vector<std::string>{};
}

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t len = 1;
    std::int32_t cp = sparql::DecodeUtf8(text, pos, &len);
    pos += len;
    if (cp < 0) continue;
    auto c = static_cast<std::uint32_t>(cp);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (const char* base = LatinBase(c)) {
      out += base;
    } else if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F)) {
      sparql::AppendUtf8(out, c + 0x20);  // Greek and Cyrillic capitals
    } else {
      sparql::AppendUtf8(out, c);
    }
  }
  return out;
}

}  // namespace kg::vocabulary

// Term helpers shared by the builtin functions, and the builtin lookup.
#include <string>
#include <unordered_map>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"
#include "parser/unicode.h"

namespace kg::sparql {

bool IsSimpleString(const Term& t) {
  return t.is_literal() && t.language.empty() && (t.datatype.empty() || t.datatype == kXsdString);
}

bool IsLangString(const Term& t) {
  return t.is_literal() && !t.language.empty() && (t.datatype.empty() || t.datatype == kRdfLangString);
}

bool IsStringLiteral(const Term& t) { return IsSimpleString(t) || IsLangString(t); }

// §17.4.3.1.2: both simple/xsd:string; both with the same language tag; or
// the first language-tagged and the second simple/xsd:string.
bool ArgumentCompatible(const Term& a, const Term& b) {
  if (!IsStringLiteral(a) || !IsStringLiteral(b)) return false;
  if (IsSimpleString(b)) return true;
  return IsLangString(a) && a.language == b.language;
}

std::string DatatypeIri(const Term& t) {
  if (IsLangString(t)) return kRdfLangString;
  if (t.datatype.empty()) return kXsdString;
  return t.datatype;
}

Term StringLike(std::string lex, const Term& like) {
  return Term::Literal(std::move(lex), IsLangString(like) ? like.language : std::string());
}

Term SimpleString(std::string lex) { return Term::Literal(std::move(lex)); }

// Invalid sequences decode as U+FFFD so that counting never fails; lexical
// forms reaching the engine are UTF-8 already (the parsers check it).
std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t k = 0; k < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[k]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || k + len > s.size()) {
      out += U'\uFFFD';
      ++k;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int j = 1; j < len; ++j) {
      unsigned char cc = static_cast<unsigned char>(s[k + j]);
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out += U'\uFFFD';
      ++k;
      continue;
    }
    out += cp;
    k += static_cast<size_t>(len);
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) AppendUtf8(out, static_cast<std::uint32_t>(cp));
  return out;
}

// A hash map built once: FILTERs call builtins once per solution.
const Builtin* FindBuiltin(std::string_view name) {
  static const std::unordered_map<std::string_view, const Builtin*> kIndex = [] {
    std::unordered_map<std::string_view, const Builtin*> index;
    for (auto table : {StringBuiltins(), RegexBuiltins(), NumericBuiltins(), DateTimeBuiltins(),
                       HashBuiltins(), MiscBuiltins()})
      for (const Builtin& b : table) index.emplace(b.name, &b);
    return index;
  }();
  auto it = kIndex.find(name);
  return it == kIndex.end() ? nullptr : it->second;
}

}  // namespace kg::sparql

// §17.4.3.14 REGEX and §17.4.3.15 REPLACE with XPath F&O §7.6 semantics on
// PCRE2 (UTF + UCP mode). XPath flags map to PCRE2 options:
//   i -> CASELESS, s -> DOTALL, m -> MULTILINE, q -> LITERAL,
//   x -> whitespace removed from the pattern outside character classes (not
//        PCRE2_EXTENDED, which would also treat '#' as a comment).
// '$' matches only at the very end unless 'm' (XPath has no "before a final
// newline" rule), hence DOLLAR_ENDONLY.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <array>
#include <map>
#include <memory>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

struct CodeDeleter {
  void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
using Code = std::shared_ptr<pcre2_code>;

std::optional<std::string> StripWhitespace(const std::string& pattern) {
  std::string out;
  bool in_class = false;
  for (size_t k = 0; k < pattern.size(); ++k) {
    char c = pattern[k];
    if (c == '\\' && k + 1 < pattern.size()) {
      out += c;
      out += pattern[++k];
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == ']') in_class = false;
    if (!in_class && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    out += c;
  }
  return out;
}

// Compiled patterns are cached per thread (FILTER regex(?x, "^abc") runs once
// per solution with the same pattern).
Code Compile(const std::string& pattern, const std::string& flags) {
  thread_local std::map<std::pair<std::string, std::string>, Code> cache;
  auto key = std::make_pair(pattern, flags);
  if (auto it = cache.find(key); it != cache.end()) return it->second;

  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY;
  std::string source = pattern;
  bool strip = false;
  for (char f : flags) {
    switch (f) {
      case 'i': options |= PCRE2_CASELESS; break;
      case 's': options |= PCRE2_DOTALL; break;
      case 'm': options |= PCRE2_MULTILINE; break;
      case 'q': options |= PCRE2_LITERAL; break;
      case 'x': strip = true; break;
      default: return nullptr;  // XPath err:FORX0001 invalid flag
    }
  }
  if (options & PCRE2_LITERAL) {
    // PCRE2 refuses LITERAL together with the options that only make sense
    // for metacharacters.
    options &= PCRE2_LITERAL | PCRE2_UTF | PCRE2_CASELESS;
  } else if (strip) {
    source = *StripWhitespace(source);
  }
  int err = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                   options, &err, &offset, nullptr);
  if (!code) return nullptr;  // err:FORX0002 invalid pattern
  Code shared(code, CodeDeleter{});
  if (cache.size() > 256) cache.clear();
  cache.emplace(std::move(key), shared);
  return shared;
}

struct MatchData {
  explicit MatchData(const Code& code) : md(pcre2_match_data_create_from_pattern(code.get(), nullptr)) {}
  ~MatchData() { pcre2_match_data_free(md); }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
  pcre2_match_data* md;
};

int Match(const Code& code, const std::string& s, size_t start, MatchData& m) {
  return pcre2_match(code.get(), reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start, 0, m.md,
                     nullptr);
}

// Pattern and flags are simple literals (xsd:string is the same type).
std::optional<std::string> Flags(const Args& a, size_t index) {
  if (a.size() <= index) return std::string();
  if (!IsSimpleString(a[index])) return std::nullopt;
  return a[index].value;
}

Result Regex(const Args& a, ExprContext&) {
  if (!IsStringLiteral(a[0]) || !IsSimpleString(a[1])) return std::nullopt;
  auto flags = Flags(a, 2);
  if (!flags) return std::nullopt;
  Code code = Compile(a[1].value, *flags);
  if (!code) return std::nullopt;
  MatchData m(code);
  int rc = Match(code, a[0].value, 0, m);
  if (rc < -1) return std::nullopt;  // matching error (e.g. resource limit)
  return xsd::BooleanTerm(rc >= 0);
}

// XPath fn:replace replacement string: "$N" is group N (as many digits as
// still name an existing group), "\$" and "\\" are literal; any other '\' or
// a '$' without digit is err:FORX0004.
std::optional<std::string> Expand(const std::string& repl, const std::string& subject,
                                  PCRE2_SIZE* ovector, uint32_t groups) {
  std::string out;
  for (size_t k = 0; k < repl.size(); ++k) {
    char c = repl[k];
    if (c == '\\') {
      if (k + 1 < repl.size() && (repl[k + 1] == '$' || repl[k + 1] == '\\')) {
        out += repl[++k];
        continue;
      }
      return std::nullopt;
    }
    if (c == '$') {
      if (k + 1 >= repl.size() || repl[k + 1] < '0' || repl[k + 1] > '9') return std::nullopt;
      uint32_t n = static_cast<uint32_t>(repl[++k] - '0');
      while (k + 1 < repl.size() && repl[k + 1] >= '0' && repl[k + 1] <= '9' &&
             n * 10 + static_cast<uint32_t>(repl[k + 1] - '0') < groups)
        n = n * 10 + static_cast<uint32_t>(repl[++k] - '0');
      if (n < groups && ovector[2 * n] != PCRE2_UNSET)
        out += subject.substr(ovector[2 * n], ovector[2 * n + 1] - ovector[2 * n]);
      continue;  // a group that does not exist or did not match is ""
    }
    out += c;
  }
  return out;
}

Result Replace(const Args& a, ExprContext&) {
  if (!IsStringLiteral(a[0]) || !IsSimpleString(a[1]) || !IsSimpleString(a[2])) return std::nullopt;
  auto flags = Flags(a, 3);
  if (!flags) return std::nullopt;
  Code code = Compile(a[1].value, *flags);
  if (!code) return std::nullopt;
  MatchData m(code);
  // err:FORX0003: a pattern that matches the empty string.
  if (Match(code, std::string(), 0, m) >= 0) return std::nullopt;
  bool literal = flags->find('q') != std::string::npos;
  uint32_t groups = 0;
  pcre2_pattern_info(code.get(), PCRE2_INFO_CAPTURECOUNT, &groups);
  ++groups;  // group 0 is the whole match
  const std::string& s = a[0].value;
  std::string out;
  size_t pos = 0;
  while (pos <= s.size()) {
    int rc = Match(code, s, pos, m);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) return std::nullopt;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m.md);
    out.append(s, pos, ov[0] - pos);
    if (literal) {
      out += a[2].value;  // with 'q' the replacement is literal too
    } else {
      auto rep = Expand(a[2].value, s, ov, groups);
      if (!rep) return std::nullopt;
      out += *rep;
    }
    if (ov[1] == ov[0]) {
      // An empty match inside the string (e.g. \b): copy one character on.
      if (ov[1] >= s.size()) {
        pos = s.size() + 1;
        break;
      }
      size_t next = ov[1] + 1;
      while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
      out.append(s, ov[1], next - ov[1]);
      pos = next;
    } else {
      pos = ov[1];
    }
  }
  if (pos < s.size()) out.append(s, pos, std::string::npos);
  return StringLike(std::move(out), a[0]);
}

constexpr std::array<Builtin, 2> kBuiltins{{
    {"REGEX", 2, 3, Regex},
    {"REPLACE", 3, 4, Replace},
}};

}  // namespace

std::span<const Builtin> RegexBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

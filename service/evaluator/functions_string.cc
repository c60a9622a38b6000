// §17.4.3 functions on strings (REGEX and REPLACE are in functions_regex.cc).
// Lengths and positions count Unicode code points (XPath characters), not
// UTF-8 bytes.
#include <array>
#include <cmath>
#include <limits>

#include "core/utf8.h"
#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

// §17.4.3.2 STRLEN
Result Strlen(const Args& a, ExprContext&) {
  if (!IsStringLiteral(a[0])) return std::nullopt;
  return xsd::IntegerTerm(static_cast<xsd::Int>(DecodeUtf8(a[0].value).size()));
}

// XPath fn:round semantics for SUBSTR positions: round half towards +INF.
std::optional<long double> Position(const Term& t) {
  auto n = xsd::ParseNumeric(t);
  if (!n) return std::nullopt;
  long double v = n->AsLongDouble();
  if (std::isnan(v)) return v;
  return std::floor(v + 0.5L);
}

// §17.4.3.3 SUBSTR (XPath fn:substring): the characters at 1-based positions
// p with round(start) <= p < round(start) + round(length).
Result Substr(const Args& a, ExprContext&) {
  if (!IsStringLiteral(a[0])) return std::nullopt;
  auto start = Position(a[1]);
  if (!start) return std::nullopt;
  long double end = std::numeric_limits<long double>::infinity();
  if (a.size() == 3) {
    auto len = Position(a[2]);
    if (!len) return std::nullopt;
    end = *start + *len;  // NaN stays NaN: no character qualifies
  }
  std::u32string s = DecodeUtf8(a[0].value), out;
  for (size_t k = 0; k < s.size(); ++k) {
    long double p = static_cast<long double>(k + 1);
    if (p >= *start && p < end) out += s[k];
  }
  return StringLike(EncodeUtf8(out), a[0]);
}

Result ChangeCase(const Term& t, bool upper) {
  if (!IsStringLiteral(t)) return std::nullopt;
  return StringLike(kg::ChangeCase(t.value, upper), t);
}

Result Ucase(const Args& a, ExprContext&) { return ChangeCase(a[0], true); }  // §17.4.3.4
Result Lcase(const Args& a, ExprContext&) { return ChangeCase(a[0], false); }  // §17.4.3.5

// §17.4.3.6-8 STRSTARTS, STRENDS, CONTAINS: argument-compatible strings.
Result Strstarts(const Args& a, ExprContext&) {
  if (!ArgumentCompatible(a[0], a[1])) return std::nullopt;
  return xsd::BooleanTerm(a[0].value.starts_with(a[1].value));
}
Result Strends(const Args& a, ExprContext&) {
  if (!ArgumentCompatible(a[0], a[1])) return std::nullopt;
  return xsd::BooleanTerm(a[0].value.ends_with(a[1].value));
}
Result Contains(const Args& a, ExprContext&) {
  if (!ArgumentCompatible(a[0], a[1])) return std::nullopt;
  return xsd::BooleanTerm(a[0].value.find(a[1].value) != std::string::npos);
}

// §17.4.3.9/10 STRBEFORE / STRAFTER: the result keeps the first argument's
// language tag, except when there is no match: then it is "" (simple).
// Byte search is code-point correct because UTF-8 is self-synchronizing.
Result StrBeforeAfter(const Args& a, bool before) {
  if (!ArgumentCompatible(a[0], a[1])) return std::nullopt;
  size_t pos = a[0].value.find(a[1].value);
  if (pos == std::string::npos) return SimpleString("");
  std::string out = before ? a[0].value.substr(0, pos) : a[0].value.substr(pos + a[1].value.size());
  return StringLike(std::move(out), a[0]);
}
Result Strbefore(const Args& a, ExprContext&) { return StrBeforeAfter(a, true); }
Result Strafter(const Args& a, ExprContext&) { return StrBeforeAfter(a, false); }

// §17.4.3.11 ENCODE_FOR_URI: percent-encode every byte except RFC 3986
// unreserved characters.
Result EncodeForUri(const Args& a, ExprContext&) {
  if (!IsStringLiteral(a[0])) return std::nullopt;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : a[0].value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return SimpleString(std::move(out));
}

// §17.4.3.12 CONCAT: same language tag on every argument keeps it; anything
// else gives a simple literal (xsd:string and simple are one type in RDF 1.1).
Result Concat(const Args& a, ExprContext&) {
  std::string out;
  bool same_lang = !a.empty();
  for (const Term& t : a) {
    if (!IsStringLiteral(t)) return std::nullopt;
    out += t.value;
    if (!IsLangString(t) || t.language != a[0].language) same_lang = false;
  }
  return Term::Literal(std::move(out), same_lang ? a[0].language : std::string());
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (Lower(a[k]) != Lower(b[k])) return false;
  return true;
}

// §17.4.3.13 LANGMATCHES: RFC 4647 §3.3.1 basic filtering. "*" matches any
// non-empty tag; otherwise the range equals the tag or is a prefix of it
// ending at a "-" boundary, case-insensitively.
Result Langmatches(const Args& a, ExprContext&) {
  if (!IsSimpleString(a[0]) || !IsSimpleString(a[1])) return std::nullopt;
  std::string_view tag = a[0].value, range = a[1].value;
  if (range == "*") return xsd::BooleanTerm(!tag.empty());
  if (range.empty()) return xsd::BooleanTerm(tag.empty());
  bool match = EqualsIgnoreCase(tag, range) ||
               (tag.size() > range.size() && tag[range.size()] == '-' &&
                EqualsIgnoreCase(tag.substr(0, range.size()), range));
  return xsd::BooleanTerm(match);
}

// §17.4.2.7 STRLANG(simple literal, simple literal tag); tags are stored
// lower-case (see core/term.h).
Result Strlang(const Args& a, ExprContext&) {
  if (!IsSimpleString(a[0]) || !IsSimpleString(a[1]) || a[1].value.empty()) return std::nullopt;
  // BCP 47 shape: alphanumeric subtags of 1-8 characters, the first alphabetic.
  const std::string& tag = a[1].value;
  size_t sub = 0;
  bool first = true;
  for (size_t k = 0; k <= tag.size(); ++k) {
    if (k == tag.size() || tag[k] == '-') {
      if (sub == 0 || sub > 8) return std::nullopt;
      sub = 0;
      first = false;
      continue;
    }
    char c = tag[k];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(!first && c >= '0' && c <= '9')) return std::nullopt;
    ++sub;
  }
  std::string lower;
  for (char c : tag) lower += Lower(c);
  return Term::Literal(a[0].value, lower);
}

// §17.4.2.8 STRDT(simple literal, IRI).
Result Strdt(const Args& a, ExprContext&) {
  if (!IsSimpleString(a[0]) || !a[1].is_iri()) return std::nullopt;
  if (a[1].value == kRdfLangString) return std::nullopt;  // needs a tag: use STRLANG
  return Term::Literal(a[0].value, "", a[1].value);
}

constexpr std::array<Builtin, 14> kBuiltins{{
    {"STRLEN", 1, 1, Strlen},
    {"SUBSTR", 2, 3, Substr},
    {"UCASE", 1, 1, Ucase},
    {"LCASE", 1, 1, Lcase},
    {"STRSTARTS", 2, 2, Strstarts},
    {"STRENDS", 2, 2, Strends},
    {"CONTAINS", 2, 2, Contains},
    {"STRBEFORE", 2, 2, Strbefore},
    {"STRAFTER", 2, 2, Strafter},
    {"ENCODE_FOR_URI", 1, 1, EncodeForUri},
    {"CONCAT", 0, -1, Concat},
    {"LANGMATCHES", 2, 2, Langmatches},
    {"STRLANG", 2, 2, Strlang},
    {"STRDT", 2, 2, Strdt},
}};

}  // namespace

std::span<const Builtin> StringBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

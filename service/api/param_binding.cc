#include "api/param_binding.h"

#include <cctype>
#include <charconv>

namespace kg::api {
namespace {

constexpr const char* kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr const char* kXsdDate = "http://www.w3.org/2001/XMLSchema#date";

bool IsAbsoluteIri(const std::string& v) {
  auto colon = v.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(v[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = v[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  for (unsigned char c : v)
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`' || c == 0x7f)
      return false;
  return colon + 1 < v.size();
}

bool IsLanguageTag(std::string_view t) {
  // BCP 47 as in the SPARQL grammar: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
  if (t.empty()) return false;
  std::size_t i = 0, run = 0;
  for (; i < t.size() && t[i] != '-'; ++i, ++run)
    if (!std::isalpha(static_cast<unsigned char>(t[i])) || run >= 8) return false;
  if (run == 0) return false;
  while (i < t.size()) {
    ++i;  // '-'
    run = 0;
    for (; i < t.size() && t[i] != '-'; ++i, ++run)
      if (!std::isalnum(static_cast<unsigned char>(t[i])) || run >= 8) return false;
    if (run == 0) return false;
  }
  return true;
}

bool Digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool IsXsdDate(const std::string& v) {
  std::string_view s = v;
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  auto dash = s.find('-');
  if (dash == std::string_view::npos || dash < 4) return false;
  std::string_view year = s.substr(0, dash);
  if (!Digits(year, year.size()) || (year.size() > 4 && year[0] == '0')) return false;
  s.remove_prefix(dash + 1);
  if (s.size() < 5 || !Digits(s.substr(0, 2), 2) || s[2] != '-' || !Digits(s.substr(3, 2), 2))
    return false;
  // Leap years repeat every 400 years, so the last four digits decide.
  int y = ToInt(year.substr(year.size() - 4));
  int m = ToInt(s.substr(0, 2)), d = ToInt(s.substr(3, 2));
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  std::string_view tz = s.substr(5);
  if (tz.empty() || tz == "Z") return true;
  if (tz.size() != 6 || (tz[0] != '+' && tz[0] != '-') || !Digits(tz.substr(1, 2), 2) ||
      tz[3] != ':' || !Digits(tz.substr(4, 2), 2))
    return false;
  int hh = ToInt(tz.substr(1, 2)), mm = ToInt(tz.substr(4, 2));
  return mm < 60 && (hh < 14 || (hh == 14 && mm == 0));
}

bool ValidUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size()) return false;
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

Result<Term> ParamTerm(const QueryParam& param, const std::string& value) {
  if (!ValidUtf8(value)) return Error::BadRequest("is not valid UTF-8");
  switch (param.type) {
    case ParamType::kIri:
      if (!IsAbsoluteIri(value))
        return Error::BadRequest("must be an absolute IRI (scheme:..., no spaces or <>\"{}|\\^`)");
      return Term::Iri(value);
    case ParamType::kString:
      return Term::Literal(value);
    case ParamType::kLangString: {
      auto at = value.rfind('@');
      if (at == std::string::npos || !IsLanguageTag(std::string_view(value).substr(at + 1)))
        return Error::BadRequest("must be text@language (e.g. grens@nl)");
      return Term::Literal(value.substr(0, at), value.substr(at + 1));
    }
    case ParamType::kInteger: {
      std::string_view s = value;
      if (!s.empty() && s[0] == '+') s.remove_prefix(1);
      long long v = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return Error::BadRequest("must be an integer (64-bit)");
      return Term::Literal(std::to_string(v), "", kXsdInteger);
    }
    case ParamType::kDate:
      if (!IsXsdDate(value)) return Error::BadRequest("must be an xsd:date (YYYY-MM-DD)");
      return Term::Literal(value, "", kXsdDate);
    case ParamType::kEnum:
      for (const auto& allowed : param.values)
        if (allowed == value) return Term::Literal(value);
      {
        std::string list;
        for (const auto& a : param.values) list += (list.empty() ? "" : ", ") + a;
        return Error::BadRequest("must be one of: " + list);
      }
  }
  return Error::Internal("unknown parameter type");
}

Result<sparql::Bindings> BindParams(const NamedQuery& query, const Params& params) {
  for (const auto& [key, value] : params) {
    if (key == "page" || key == "per_page" || key == "format") continue;
    bool known = false;
    for (const auto& p : query.params)
      if (key == p.name || (p.type == ParamType::kLangString && key == p.name + "_lang"))
        known = true;
    if (!known) return Error::BadRequest("unknown parameter '" + key + "' for " + query.name);
  }
  sparql::Bindings bindings;
  for (const auto& p : query.params) {
    auto values = ParamValues(params, p.name);
    if (values.size() > 1) return Error::BadRequest("parameter '" + p.name + "' given twice");
    std::string value = values.empty() ? p.default_value : values.front();
    if (p.type == ParamType::kLangString) {
      auto langs = ParamValues(params, p.name + "_lang");
      if (langs.size() > 1) return Error::BadRequest("parameter '" + p.name + "_lang' given twice");
      if (!langs.empty() && !values.empty()) value += "@" + langs.front();
    }
    if (values.empty() && p.default_value.empty()) {
      if (p.required) return Error::BadRequest("parameter '" + p.name + "' is required");
      continue;
    }
    auto term = ParamTerm(p, value);
    if (!term.ok())
      return Error::BadRequest("parameter '" + p.name + "' (" + ParamTypeName(p.type) +
                               ") " + term.error().message);
    bindings.emplace(p.name, std::move(term.value()));
  }
  return bindings;
}

}  // namespace kg::api

#include "ui/language.h"

#include <cctype>
#include <cstdlib>

namespace kg::ui {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && Trim(pair.substr(0, eq)) == name)
      return std::string(Trim(pair.substr(eq + 1)));
  }
  return std::nullopt;
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view tag) {
  std::string primary = Lower(tag.substr(0, tag.find('-')));
  if (primary == "nl") return Lang::kNl;
  if (primary == "en") return Lang::kEn;
  return std::nullopt;
}

std::optional<Lang> FromAcceptLanguage(std::string_view header) {
  std::optional<Lang> best;
  double best_q = 0;
  bool best_wildcard = true;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view tag = Trim(item.substr(0, semi));
    double q = 1;
    if (semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      auto qpos = params.find("q=");
      if (qpos != std::string_view::npos) {
        std::string value(Trim(params.substr(qpos + 2)));
        char* end = nullptr;
        q = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || q < 0 || q > 1) continue;  // malformed: skip
      }
    }
    if (q <= 0) continue;
    std::optional<Lang> lang = tag == "*" ? std::optional<Lang>(kDefaultLang) : ParseLang(tag);
    if (!lang) continue;
    bool wildcard = tag == "*";
    // Higher q wins; at equal q the earlier item wins, and a named language
    // beats the wildcard.
    if (!best || q > best_q || (q == best_q && best_wildcard && !wildcard)) {
      best = lang;
      best_q = q;
      best_wildcard = wildcard;
    }
  }
  return best;
}

LanguageChoice ChooseLanguage(const Request& request) {
  LanguageChoice choice;
  for (const auto& value : ParamValues(request.query_params(), "lang")) {
    if (auto lang = ParseLang(value); lang && value.size() <= 8) {
      choice.lang = *lang;
      choice.set_cookie = std::string(kLangCookie) + "=" + std::string(Code(*lang)) +
                          "; Path=/; Max-Age=31536000; SameSite=Lax";
      return choice;
    }
  }
  if (auto cookie = CookieValue(request.header("Cookie"), kLangCookie)) {
    if (auto lang = ParseLang(*cookie)) {
      choice.lang = *lang;
      return choice;
    }
  }
  if (auto lang = FromAcceptLanguage(request.header("Accept-Language"))) choice.lang = *lang;
  return choice;
}

}  // namespace kg::ui

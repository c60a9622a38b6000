// Which interface language a request gets. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/message.h"
#include "ui/i18n.h"

namespace kg::ui {

inline constexpr const char* kLangCookie = "kg_lang";

struct LanguageChoice {
  Lang lang = kDefaultLang;
  // Set when the request chose explicitly with ?lang=: the value of a
  // Set-Cookie header that remembers the choice for a year.
  std::optional<std::string> set_cookie;
};

// In order: a `lang=nl|en` parameter (remembered in the kg_lang cookie), the
// kg_lang cookie, Accept-Language (RFC 9110 §12.5.4: q-values, primary
// subtag "nl"/"en", "*"), and Dutch. Unknown values are ignored, never an
// error (a stale link still shows a page).
LanguageChoice ChooseLanguage(const Request& request);

// The language named by a tag's primary subtag ("en-GB" -> en); nullopt for
// anything but nl and en.
std::optional<Lang> ParseLang(std::string_view tag);

// The best interface language of an Accept-Language header; nullopt when it
// names neither (with q > 0).
std::optional<Lang> FromAcceptLanguage(std::string_view header);

}  // namespace kg::ui

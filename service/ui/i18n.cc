#include "ui/i18n.h"

#include <array>

namespace kg::ui {
namespace {

struct Strings {
  std::string_view nl, en;
};

constexpr std::array<Strings, static_cast<std::size_t>(Msg::kCount)> kStrings{{
#define KG_UI_ROW(id, nl, en) {nl, en},
    KG_UI_MESSAGES(KG_UI_ROW)
#undef KG_UI_ROW
}};

}  // namespace

std::string_view Code(Lang lang) { return lang == Lang::kEn ? "en" : "nl"; }
Lang Other(Lang lang) { return lang == Lang::kEn ? Lang::kNl : Lang::kEn; }
std::string_view NativeName(Lang lang) { return lang == Lang::kEn ? "English" : "Nederlands"; }

std::string_view Tr(Lang lang, Msg msg) {
  const Strings& s = kStrings[static_cast<std::size_t>(msg)];
  return lang == Lang::kEn ? s.en : s.nl;
}

}  // namespace kg::ui

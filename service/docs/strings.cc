#include "docs/strings.h"

#include <array>

namespace kg::docs {
namespace {

struct Strings {
  std::string_view nl, en;
};

constexpr std::array<Strings, static_cast<std::size_t>(DocMsg::kCount)> kStrings{{
#define KG_DOCS_ROW(id, nl, en) {nl, en},
    KG_DOCS_MESSAGES(KG_DOCS_ROW)
#undef KG_DOCS_ROW
}};

}  // namespace

std::string_view Tr(ui::Lang lang, DocMsg msg) {
  const Strings& s = kStrings[static_cast<std::size_t>(msg)];
  return lang == ui::Lang::kEn ? s.en : s.nl;
}

}  // namespace kg::docs

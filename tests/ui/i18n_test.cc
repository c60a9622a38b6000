#include "ui/i18n.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kg::ui {
namespace {

TEST(I18n, EveryStringExistsInBothLanguages) {
  for (int i = 0; i < static_cast<int>(Msg::kCount); ++i) {
    auto msg = static_cast<Msg>(i);
    EXPECT_FALSE(Tr(Lang::kNl, msg).empty()) << "message " << i << " has no Dutch text";
    EXPECT_FALSE(Tr(Lang::kEn, msg).empty()) << "message " << i << " has no English text";
  }
}

TEST(I18n, MostStringsAreActuallyTranslated) {
  // Identical nl/en texts are allowed only for names (IRI, SPARQL, API, Link).
  std::set<std::string> same;
  for (int i = 0; i < static_cast<int>(Msg::kCount); ++i) {
    auto msg = static_cast<Msg>(i);
    if (Tr(Lang::kNl, msg) == Tr(Lang::kEn, msg)) same.insert(std::string(Tr(Lang::kNl, msg)));
  }
  EXPECT_EQ(same, (std::set<std::string>{"IRI", "SPARQL", "API", "Link"}));
}

TEST(I18n, Codes) {
  EXPECT_EQ(Code(Lang::kNl), "nl");
  EXPECT_EQ(Code(Lang::kEn), "en");
  EXPECT_EQ(Other(Lang::kNl), Lang::kEn);
  EXPECT_EQ(NativeName(Lang::kEn), "English");
  EXPECT_EQ(Tr(Lang::kNl, Msg::kNavSources), "Bronnen");
  EXPECT_EQ(Tr(Lang::kEn, Msg::kNavSources), "Sources");
}

}  // namespace
}  // namespace kg::ui

// vocabulary/store_memo.h: a value per (store, key), rebuilt when the store
// changes, errors never kept.
#include "vocabulary/store_memo.h"

#include <gtest/gtest.h>

namespace kg::vocabulary {
namespace {

Graph OneTriple(const std::string& o) {
  return {{Term::Iri("http://x/s"), Term::Iri("http://x/p"), Term::Literal(o)}};
}

TEST(StoreMemoTest, BuildsOncePerStoreKeyAndState) {
  Store a, b;
  StoreMemo<std::string> memo;
  int builds = 0;
  auto get = [&](const Store& s, const std::string& key) {
    auto v = memo.Get(s, key, [&]() -> Result<std::string> {
      ++builds;
      return key + std::to_string(s.Size());
    });
    EXPECT_TRUE(v.ok());
    return v.ok() ? *v.value() : std::string();
  };
  EXPECT_EQ(get(a, "nl"), "nl0");
  EXPECT_EQ(get(a, "nl"), "nl0");
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(get(a, "en"), "en0");  // another key
  EXPECT_EQ(get(b, "nl"), "nl0");  // another store (replica)
  EXPECT_EQ(builds, 3);
  ASSERT_TRUE(a.Replace(std::string("http://x/g"), OneTriple("1")).ok());
  EXPECT_EQ(get(a, "nl"), "nl1");  // the store changed: rebuilt
  EXPECT_EQ(get(a, "en"), "en1");
  EXPECT_EQ(get(b, "nl"), "nl0");  // the other store's value stays
  EXPECT_EQ(builds, 5);
  // A change that keeps the size still moves the version.
  ASSERT_TRUE(a.Replace(std::string("http://x/g"), OneTriple("2")).ok());
  get(a, "nl");
  EXPECT_EQ(builds, 6);
}

TEST(StoreMemoTest, ErrorsAreReturnedNotKept) {
  Store s;
  StoreMemo<int> memo;
  int builds = 0;
  auto failing = [&]() -> Result<int> {
    ++builds;
    return Error::Internal("no");
  };
  EXPECT_FALSE(memo.Get(s, "", failing).ok());
  EXPECT_FALSE(memo.Get(s, "", failing).ok());
  EXPECT_EQ(builds, 2);
  auto ok = memo.Get(s, "", [] { return Result<std::shared_ptr<const int>>(std::make_shared<const int>(7)); });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok.value(), 7);
}

}  // namespace
}  // namespace kg::vocabulary

// FunctionRef (core/function_ref.h): calls the callable it refers to, with
// its state, and copies as a reference (no copy of the callable).
#include "core/function_ref.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

int Twice(FunctionRef<int(int)> f, int x) { return f(f(x)); }

TEST(FunctionRefTest, CallsTheCallableWithItsState) {
  int calls = 0;
  auto add = [&calls](int x) {
    ++calls;
    return x + 3;
  };
  EXPECT_EQ(Twice(add, 1), 7);
  EXPECT_EQ(calls, 2);
  FunctionRef<int(int)> ref = add;
  FunctionRef<int(int)> copy = ref;  // refers to `add`, not to `ref`
  EXPECT_EQ(copy(0), 3);
  EXPECT_EQ(calls, 3);
}

TEST(FunctionRefTest, PassesArgumentsByReference) {
  std::string seen;
  auto keep = [&seen](const std::string& s) {
    seen = s;
    return s.size();
  };
  FunctionRef<std::size_t(const std::string&)> f = keep;
  EXPECT_EQ(f("abc"), 3u);
  EXPECT_EQ(seen, "abc");
}

}  // namespace
}  // namespace kg

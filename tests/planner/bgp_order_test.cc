#include "planner/bgp_order.h"

#include <gtest/gtest.h>

namespace kg::sparql {
namespace {

TEST(BgpOrderTest, CheapestFirstThenFollowsBoundVariables) {
  // 0: ?c a Concept (1000)   1: ?c label ?l (5000)   2: <x> broader ?c (3)
  std::vector<PatternInfo> p{{{"c"}}, {{"c", "l"}}, {{"c"}}};
  std::vector<double> base{1000, 5000, 3};
  auto cost = [&](std::size_t i, const std::set<std::string>& bound) {
    return bound.count("c") ? 1.0 + i : base[i];
  };
  EXPECT_EQ(OrderPatterns(p, {}, cost), (std::vector<std::size_t>{2, 0, 1}));
}

TEST(BgpOrderTest, AvoidsCrossProducts) {
  // 1 is cheap but shares nothing with 0; 2 connects them.
  std::vector<PatternInfo> p{{{"a", "b"}}, {{"x"}}, {{"b", "x"}}};
  auto cost = [&](std::size_t i, const std::set<std::string>& bound) {
    if (i == 0) return 10.0;
    if (i == 1) return bound.empty() ? 50.0 : 50.0;
    return bound.count("b") ? 2.0 : 100.0;
  };
  EXPECT_EQ(OrderPatterns(p, {}, cost), (std::vector<std::size_t>{0, 2, 1}));
}

TEST(BgpOrderTest, InputBindingsCount) {
  std::vector<PatternInfo> p{{{"a"}}, {{"z"}}};
  auto cost = [&](std::size_t i, const std::set<std::string>& bound) {
    return bound.count(i == 0 ? "a" : "z") ? 1.0 : 100.0;
  };
  EXPECT_EQ(OrderPatterns(p, {"z"}, cost), (std::vector<std::size_t>{1, 0}));
}

TEST(BgpOrderTest, TiesKeepSourceOrder) {
  std::vector<PatternInfo> p{{{"a"}}, {{"a"}}, {{"a"}}};
  auto cost = [](std::size_t, const std::set<std::string>&) { return 7.0; };
  EXPECT_EQ(OrderPatterns(p, {}, cost), (std::vector<std::size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace kg::sparql

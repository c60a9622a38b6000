#include "evaluator/term_order.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "evaluator/expression.h"

namespace kg::sparql {

std::span<const std::uint32_t> OrderRanks(const TermDictionary& dictionary, std::size_t budget) {
  TermDictionary::IdOrder& order = dictionary.order();
  const std::size_t have = order.covered(), total = dictionary.size();
  if (have == total || total - have > budget) return order.rank;
  // The new ids in order, each classified once and its typed value (a
  // number, a date) parsed once, not at each of its log n comparisons.
  struct Added {
    OrderKey key;
    TermId id;
    std::uint32_t value;  // its OrderValue in `values`
  };
  std::vector<Added> added;
  std::vector<OrderValue> values;
  added.reserve(total - have);
  values.reserve(total - have);
  for (std::size_t id = have + 1; id <= total; ++id) {
    auto t = static_cast<TermId>(id);
    OrderKey key = MakeOrderKey(&dictionary.Get(t));
    values.push_back(ParseOrderValue(key));
    added.push_back({key, t, static_cast<std::uint32_t>(values.size() - 1)});
  }
  std::sort(added.begin(), added.end(), [&](const Added& a, const Added& b) {
    return CompareOrderKeys(a.key, b.key, &values[a.value], &values[b.value]) < 0;
  });
  std::vector<TermId> merged;
  merged.reserve(total);
  std::size_t i = 0;
  for (const Added& a : added) {
    while (i < order.sorted.size() &&
           CompareOrderKeys(MakeOrderKey(&dictionary.Get(order.sorted[i])), a.key, nullptr,
                            &values[a.value]) < 0)
      merged.push_back(order.sorted[i++]);
    merged.push_back(a.id);
  }
  merged.insert(merged.end(), order.sorted.begin() + static_cast<std::ptrdiff_t>(i),
                order.sorted.end());
  order.sorted = std::move(merged);
  order.rank.assign(total, 0);
  for (std::size_t r = 0; r < order.sorted.size(); ++r)
    order.rank[order.sorted[r] - 1] = static_cast<std::uint32_t>(r + 1);
  return order.rank;
}

}  // namespace kg::sparql

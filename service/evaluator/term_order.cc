#include "evaluator/term_order.h"

#include <algorithm>
#include <vector>

#include "evaluator/expression.h"

namespace kg::sparql {

std::span<const std::uint32_t> OrderRanks(const TermDictionary& dictionary, std::size_t budget) {
  TermDictionary::IdOrder& order = dictionary.order();
  const std::size_t have = order.covered(), total = dictionary.size();
  if (have == total || total - have > budget) return order.rank;
  // The new ids in order, each classified once.
  std::vector<std::pair<OrderKey, TermId>> added;
  added.reserve(total - have);
  for (std::size_t id = have + 1; id <= total; ++id) {
    auto t = static_cast<TermId>(id);
    added.emplace_back(MakeOrderKey(&dictionary.Get(t)), t);
  }
  std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) {
    return CompareOrderKeys(a.first, b.first) < 0;
  });
  std::vector<TermId> merged;
  merged.reserve(total);
  std::size_t i = 0;
  for (const auto& [key, id] : added) {
    while (i < order.sorted.size() &&
           CompareOrderKeys(MakeOrderKey(&dictionary.Get(order.sorted[i])), key) < 0)
      merged.push_back(order.sorted[i++]);
    merged.push_back(id);
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

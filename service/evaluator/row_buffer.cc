#include "evaluator/row_buffer.h"

#include <algorithm>

namespace kg::sparql {

std::size_t RowBuffer::Add(const Row& r) {
  if (r.size() > width_) Widen(r.size());
  ids_.insert(ids_.end(), r.begin(), r.end());
  ids_.resize(ids_.size() + (width_ - r.size()), 0);
  return count_++;
}

void RowBuffer::PopBack() {
  ids_.resize(ids_.size() - width_);
  --count_;
}

void RowBuffer::Widen(std::size_t width) {
  std::vector<TermId> wider(count_ * width, 0);
  for (std::size_t i = 0; i < count_; ++i)
    std::copy_n(ids_.begin() + static_cast<std::ptrdiff_t>(i * width_), width_,
                wider.begin() + static_cast<std::ptrdiff_t>(i * width));
  ids_ = std::move(wider);
  width_ = width;
}

std::size_t RowSet::Hash(std::size_t row) const {
  // FNV-1a over the slots; trailing unbound slots change nothing, so a row
  // hashes the same before and after the buffer widens.
  const TermId* r = rows_[row];
  std::size_t n = rows_.width();
  while (n > 0 && r[n - 1] == 0) --n;
  std::size_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ r[i]) * 1099511628211ull;
  return h;
}

bool RowSet::Equal(std::size_t a, std::size_t b) const {
  return std::equal(rows_[a], rows_[a] + rows_.width(), rows_[b]);
}

void RowSet::Rehash(std::size_t capacity, std::size_t rows) {
  slots_.assign(capacity, 0);
  for (std::size_t i = 0; i < rows; ++i) {
    std::size_t at = Hash(i) & (capacity - 1);
    while (slots_[at]) at = (at + 1) & (capacity - 1);
    slots_[at] = static_cast<std::uint32_t>(i + 1);
  }
}

bool RowSet::Insert(const Row& r) {
  // The row goes in first so that it can be hashed and compared in place;
  // a duplicate is taken out again. Hashes ignore trailing unbound slots
  // and the padding is unbound, so a buffer that widened keeps every
  // row's place.
  const std::size_t candidate = rows_.Add(r);
  if (2 * (candidate + 1) > slots_.size())  // kept at most half full
    Rehash(std::max<std::size_t>(16, 2 * slots_.size()), candidate);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = Hash(candidate) & mask;; at = (at + 1) & mask) {
    if (!slots_[at]) {
      slots_[at] = static_cast<std::uint32_t>(candidate + 1);
      return true;
    }
    if (Equal(slots_[at] - 1, candidate)) {
      rows_.PopBack();
      return false;
    }
  }
}

}  // namespace kg::sparql

// Solutions kept by an operator that must see all of them (ORDER BY) or
// remember them (DISTINCT), stored end to end in one array instead of one
// heap-allocated Row each: a sort of thousands of rows was thousands of
// allocations, and a DISTINCT set two per row (a node and its Row).
//
// Rows can differ in length (a variable registered while the query runs,
// e.g. by an EXISTS, lengthens the rows made after it); positions past a
// row's end are unbound, so the buffer pads with 0 and widens when a longer
// row arrives. Private to the evaluator; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "evaluator/bindings.h"

namespace kg::sparql {

class RowBuffer {
 public:
  std::size_t size() const { return count_; }
  std::size_t width() const { return width_; }
  // Appends r; returns its index.
  std::size_t Add(const Row& r);
  // Removes the last row (RowSet: a duplicate added to be compared).
  void PopBack();
  const TermId* operator[](std::size_t i) const { return ids_.data() + i * width_; }
  // Row i as a Row of width() slots, into out's storage.
  void CopyTo(std::size_t i, Row& out) const {
    out.assign(ids_.begin() + static_cast<std::ptrdiff_t>(i * width_),
               ids_.begin() + static_cast<std::ptrdiff_t>((i + 1) * width_));
  }
  void Reserve(std::size_t rows, std::size_t width) { ids_.reserve(rows * width); }

 private:
  void Widen(std::size_t width);
  std::size_t width_ = 0;
  std::size_t count_ = 0;
  std::vector<TermId> ids_;
};

// A set of rows (DISTINCT, REDUCED): open addressing over a RowBuffer.
class RowSet {
 public:
  // True when r was not in the set (it is now).
  bool Insert(const Row& r);
  std::size_t size() const { return rows_.size(); }
  // The distinct rows, in the order they were first inserted.
  const RowBuffer& rows() const { return rows_; }

 private:
  std::size_t Hash(std::size_t row) const;
  bool Equal(std::size_t a, std::size_t b) const;
  void Rehash(std::size_t capacity, std::size_t rows);  // the first `rows` rows
  RowBuffer rows_;
  std::vector<std::uint32_t> slots_;  // row index + 1; 0 = empty
};

}  // namespace kg::sparql

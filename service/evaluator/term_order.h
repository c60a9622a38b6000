// The store's terms ranked in ORDER BY's order (§15.1, CompareForOrderBy),
// so that a sort on a variable compares two integers per step instead of
// two terms: a sort of 3,238 labels (workload q06) spent a fifth of the
// query's instructions comparing strings that share their first word.
//
// CompareForOrderBy orders distinct terms strictly (ties in value fall back
// to datatype, lexical form and language), so every stored term has its own
// rank and comparing ranks is comparing terms. The ranks live in the
// store's dictionary (TermDictionary::order()) and are extended by the
// terms added since, sorted and merged, never recomputed whole.
//
// Threading: as the dictionary (one store replica, one thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "store/triple_index.h"

namespace kg::sparql {

// The ranks of the ids 1..n (rank[id - 1] >= 1; 0 is left for "unbound")
// after ranking the terms added since the last call, when there are at most
// `budget` of them (the work a caller's own sort would cost, so a small
// sort on a large store that was never ranked does not pay for all of it).
// Otherwise the ranks as they are, covering fewer ids than the dictionary
// has (possibly none): ids past the span's end have no rank yet.
std::span<const std::uint32_t> OrderRanks(const TermDictionary& dictionary, std::size_t budget);

}  // namespace kg::sparql

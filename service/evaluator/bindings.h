// Solutions as the evaluator holds them: variables are slots, terms are
// interned ids, so joins and DISTINCT compare integers. Private to the
// evaluator; one VarTable/TermTable per query execution (not thread-safe).
//
// The ids are the store's own (store/triple_index.h): a TermTable looks a
// term up in the store's dictionary first and only gives terms the store
// lacks (computed values, constants of the query) ids of its own, marked
// with kLocalIdBit. So a term has one id either way, and the rows of a scan
// are the index's ids as they are.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/term.h"
#include "store/triple_index.h"

namespace kg::sparql {

using kg::TermId;  // 0 = unbound
using kg::TermHash;
using Row = std::vector<TermId>;

class TermTable {
 public:
  // base: the store's dictionary (nullptr: every id is local). It must not
  // change while this table is in use (no writes during a query).
  explicit TermTable(const TermDictionary* base = nullptr) : base_(base) {}
  TermId Intern(const Term& t);
  TermId Intern(Term&& t);
  const Term& Get(TermId id) const {
    return (id & kLocalIdBit) ? *terms_[(id & ~kLocalIdBit) - 1] : base_->Get(id);
  }
  const TermDictionary* base() const { return base_; }
  // TermDictionary::PrefetchFacts for stored ids; nothing for local ones.
  void PrefetchFacts(TermId id) const {
    if (base_ && Stored(id)) base_->PrefetchFacts(id);
  }
  Term::Kind KindOf(TermId id) const {
    return (id & kLocalIdBit) || !base_ ? Get(id).kind : base_->KindOf(id);
  }
  // True for ids the store issued (only those can match a triple).
  static bool Stored(TermId id) { return id && !(id & kLocalIdBit); }

 private:
  const TermDictionary* base_;
  // Node-based map: element addresses stay valid, so terms_ can point in.
  std::unordered_map<Term, TermId, TermHash> ids_;
  std::vector<const Term*> terms_;
};

class VarTable {
 public:
  int Index(const std::string& name);  // adds the variable if new
  int Find(const std::string& name) const;  // -1 if absent
  // Find for names that live in the (immutable) expression tree: cached by
  // the string's address, which is cheaper to hash than its characters.
  int FindByAddress(const std::string& name) const {
    auto it = by_address_.find(&name);
    if (it != by_address_.end()) return it->second;
    int i = Find(name);
    if (i >= 0) by_address_.emplace(&name, i);
    return i;
  }
  const std::string& Name(int i) const { return names_[i]; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> index_;
  mutable std::unordered_map<const std::string*, int> by_address_;
};

// True when a and b agree on every variable bound in both (§18.3).
inline bool Compatible(const Row& a, const Row& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] && b[i] && a[i] != b[i]) return false;
  return true;
}

// a ∪ b for compatible rows.
inline Row Merge(const Row& a, const Row& b) {
  Row out = a;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!out[i]) out[i] = b[i];
  return out;
}

// out = a ∪ b for compatible rows, reusing out's storage (loops that merge
// once per solution keep one buffer instead of allocating a row each time).
inline void MergeInto(Row& out, const Row& a, const Row& b) {
  out.assign(a.begin(), a.end());
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!out[i]) out[i] = b[i];
}

struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = 1469598103934665603ull;
    for (TermId id : r) h = (h ^ id) * 1099511628211ull;
    return h;
  }
};

}  // namespace kg::sparql

// Solutions as the evaluator holds them: variables are slots, terms are
// interned ids, so joins and DISTINCT compare integers. Private to the
// evaluator; one VarTable/TermTable per query execution (not thread-safe).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/term.h"

namespace kg::sparql {

using TermId = std::uint32_t;  // 0 = unbound
using Row = std::vector<TermId>;

struct TermHash {
  std::size_t operator()(const Term& t) const {
    std::hash<std::string> h;
    return h(t.value) ^ (h(t.datatype) * 31) ^ (h(t.language) * 131) ^
           static_cast<std::size_t>(t.kind);
  }
};

class TermTable {
 public:
  TermId Intern(const Term& t);
  TermId Intern(Term&& t);
  const Term& Get(TermId id) const { return *terms_[id - 1]; }

 private:
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

struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = 1469598103934665603ull;
    for (TermId id : r) h = (h ^ id) * 1099511628211ull;
    return h;
  }
};

}  // namespace kg::sparql

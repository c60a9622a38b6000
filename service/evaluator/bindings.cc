#include "evaluator/bindings.h"

namespace kg::sparql {

TermId TermTable::Intern(const Term& t) {
  if (base_)
    if (TermId id = base_->Find(t)) return id;
  auto it = ids_.find(t);
  if (it != ids_.end()) return it->second;
  return Intern(Term(t));
}

TermId TermTable::Intern(Term&& t) {
  if (base_)
    if (TermId id = base_->Find(t)) return id;
  auto [it, inserted] = ids_.try_emplace(std::move(t), 0);
  if (inserted) {
    terms_.push_back(&it->first);
    it->second = static_cast<TermId>(terms_.size()) | kLocalIdBit;
  }
  return it->second;
}

int VarTable::Index(const std::string& name) {
  auto [it, inserted] = index_.try_emplace(name, static_cast<int>(names_.size()));
  if (inserted) names_.push_back(name);
  return it->second;
}

int VarTable::Find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

}  // namespace kg::sparql

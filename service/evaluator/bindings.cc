#include "evaluator/bindings.h"

namespace kg::sparql {

std::string TermTable::Key(const Term& t) {
  std::string k;
  k.reserve(t.value.size() + t.language.size() + t.datatype.size() + 3);
  k += static_cast<char>('0' + static_cast<int>(t.kind));
  k += t.value;
  k += '\x01';
  k += t.language;
  k += '\x01';
  k += t.datatype;
  return k;
}

TermId TermTable::Intern(const Term& t) {
  auto [it, inserted] = ids_.try_emplace(Key(t), 0);
  if (inserted) {
    terms_.push_back(t);
    it->second = static_cast<TermId>(terms_.size());
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

// Term helpers shared by the builtin functions, and the builtin lookup.
#include <string>
#include <unordered_map>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"
#include "parser/unicode.h"

namespace kg::sparql {

bool IsSimpleString(const Term& t) {
  return t.is_literal() && t.language.empty() && (t.datatype.empty() || t.datatype == kXsdString);
}

bool IsLangString(const Term& t) {
  return t.is_literal() && !t.language.empty() && (t.datatype.empty() || t.datatype == kRdfLangString);
}

bool IsStringLiteral(const Term& t) { return IsSimpleString(t) || IsLangString(t); }

// §17.4.3.1.2: both simple/xsd:string; both with the same language tag; or
// the first language-tagged and the second simple/xsd:string.
bool ArgumentCompatible(const Term& a, const Term& b) {
  if (!IsStringLiteral(a) || !IsStringLiteral(b)) return false;
  if (IsSimpleString(b)) return true;
  return IsLangString(a) && a.language == b.language;
}

std::string DatatypeIri(const Term& t) {
  if (IsLangString(t)) return kRdfLangString;
  if (t.datatype.empty()) return kXsdString;
  return t.datatype;
}

Term StringLike(std::string lex, const Term& like) {
  return Term::Literal(std::move(lex), IsLangString(like) ? like.language : std::string());
}

Term SimpleString(std::string lex) { return Term::Literal(std::move(lex)); }

// Invalid sequences decode as U+FFFD so that counting never fails; lexical
// forms reaching the engine are UTF-8 already (the parsers check it).
// A hash map built once: FILTERs call builtins once per solution.
const Builtin* FindBuiltin(std::string_view name) {
  static const std::unordered_map<std::string_view, const Builtin*> kIndex = [] {
    std::unordered_map<std::string_view, const Builtin*> index;
    for (auto table : {StringBuiltins(), RegexBuiltins(), NumericBuiltins(), DateTimeBuiltins(),
                       HashBuiltins(), MiscBuiltins()})
      for (const Builtin& b : table) index.emplace(b.name, &b);
    return index;
  }();
  auto it = kIndex.find(name);
  return it == kIndex.end() ? nullptr : it->second;
}

}  // namespace kg::sparql

#include "evaluator/filter_kernel.h"

#include "core/utf8.h"

namespace kg::sparql {
namespace {

using K = KernelResult;

bool IsBuiltin(const Expr& e, const char* name, std::size_t args) {
  return e.kind == Expr::Kind::kBuiltin && e.name == name && e.args.size() == args;
}

// A simple literal constant ("en", not "en"@x or typed).
const std::string* SimpleConstant(const Expr& e) {
  if (e.kind != Expr::Kind::kTerm || !e.term.is_literal() || !e.term.language.empty() ||
      !e.term.datatype.empty())
    return nullptr;
  return &e.term.value;
}

int VarSlot(const Expr& e, const VarTable& vars) {
  return e.kind == Expr::Kind::kVar ? vars.Find(e.var) : -1;
}

// The kVar of STR(?v), or nullptr.
const Expr* StrVar(const Expr& e) {
  return IsBuiltin(e, "STR", 1) && e.args[0]->kind == Expr::Kind::kVar ? e.args[0].get() : nullptr;
}

// LANG(?v) = "x" / LANG(?v) != "x" (either side order).
FilterKernel LangCompare(const Expr& e, const VarTable& vars, const TermTable& terms) {
  if ((e.kind != Expr::Kind::kEq && e.kind != Expr::Kind::kNe) || e.args.size() != 2)
    return {};
  const Expr* lang = e.args[0].get();
  const std::string* lit = SimpleConstant(*e.args[1]);
  if (!lit) {
    lang = e.args[1].get();
    lit = SimpleConstant(*e.args[0]);
  }
  if (!lit || !IsBuiltin(*lang, "LANG", 1)) return {};
  int slot = VarSlot(*lang->args[0], vars);
  if (slot < 0) return {};
  const bool eq = e.kind == Expr::Kind::kEq;
  std::string want = *lit;
  // Stored terms compare tag numbers (TermDictionary::LangOf); the
  // dictionary does not change while a query runs.
  const TermDictionary* dict = terms.base();
  const std::uint32_t want_id = dict ? dict->FindLang(want) : 0;
  return [&terms, dict, slot, eq, want, want_id](const Row& row) {
    TermId id = static_cast<std::size_t>(slot) < row.size() ? row[slot] : 0;
    if (!id) return K::kFalse;  // unbound: an error
    if (dict && TermTable::Stored(id)) {
      if (dict->KindOf(id) != Term::Kind::kLiteral) return K::kFalse;
      return (dict->LangOf(id) == want_id) == eq ? K::kTrue : K::kFalse;
    }
    const Term& t = terms.Get(id);
    if (!t.is_literal()) return K::kFalse;  // LANG of a non-literal: an error
    return (t.language == want) == eq ? K::kTrue : K::kFalse;
  };
}

FilterKernel IsLiteral(const Expr& e, const VarTable& vars, const TermTable& terms) {
  if (!IsBuiltin(e, "ISLITERAL", 1)) return {};
  int slot = VarSlot(*e.args[0], vars);
  if (slot < 0) return {};
  return [&terms, slot](const Row& row) {
    TermId id = static_cast<std::size_t>(slot) < row.size() ? row[slot] : 0;
    return id && terms.KindOf(id) == Term::Kind::kLiteral ? K::kTrue : K::kFalse;
  };
}

// STRSTARTS(LCASE(STR(?v)), "pre") and STRSTARTS(STR(?v), "pre") with an
// ASCII prefix. STR of an IRI or literal is its string; of a blank node an
// error. Lower-casing is decided byte by byte while the compared bytes are
// ASCII; a non-ASCII character there (which may lower-case to ASCII, as the
// Kelvin sign does) asks the general evaluator.
// The parts of STRSTARTS(LCASE(STR(?v)), "pre") / STRSTARTS(STR(?v), "pre")
// with "pre" a simple literal; shared by the kernel and the index probe.
struct StrStartsShape {
  const std::string* prefix;
  bool lower;       // LCASE around STR
  const Expr* var;  // the kVar inside STR
};
std::optional<StrStartsShape> MatchStrStarts(const Expr& e) {
  if (!IsBuiltin(e, "STRSTARTS", 2)) return std::nullopt;
  const std::string* prefix = SimpleConstant(*e.args[1]);
  if (!prefix) return std::nullopt;
  const Expr* arg = e.args[0].get();
  const bool lower = IsBuiltin(*arg, "LCASE", 1);
  const Expr* var = lower ? LowerCaseStrVar(*arg) : StrVar(*arg);
  if (!var) return std::nullopt;
  return StrStartsShape{prefix, lower, var};
}

FilterKernel StrStarts(const Expr& e, const VarTable& vars, const TermTable& terms) {
  auto shape = MatchStrStarts(e);
  if (!shape) return {};
  for (unsigned char c : *shape->prefix)
    if (c >= 0x80) return {};
  const bool lower = shape->lower;
  int slot = VarSlot(*shape->var, vars);
  if (slot < 0) return {};
  std::string want = *shape->prefix;
  return [&terms, slot, lower, want](const Row& row) {
    TermId id = static_cast<std::size_t>(slot) < row.size() ? row[slot] : 0;
    if (!id) return K::kFalse;
    const Term& t = terms.Get(id);
    if (t.is_blank()) return K::kFalse;
    const std::string& v = t.value;
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (i >= v.size()) return K::kFalse;
      unsigned char c = static_cast<unsigned char>(v[i]);
      if (c >= 0x80) return lower ? K::kAsk : K::kFalse;
      if (lower && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if (c != static_cast<unsigned char>(want[i])) return K::kFalse;
    }
    return K::kTrue;
  };
}

}  // namespace

FilterKernel CompileFilter(const Expr& e, const VarTable& vars, const TermTable& terms) {
  if ((e.kind == Expr::Kind::kAnd || e.kind == Expr::Kind::kOr) && e.args.size() == 2) {
    FilterKernel a = CompileFilter(*e.args[0], vars, terms);
    FilterKernel b = CompileFilter(*e.args[1], vars, terms);
    if (!a || !b) return {};
    if (e.kind == Expr::Kind::kAnd)
      return [a, b](const Row& row) {
        K x = a(row);
        if (x == K::kFalse) return K::kFalse;
        K y = b(row);
        if (y == K::kFalse) return K::kFalse;
        return x == K::kTrue && y == K::kTrue ? K::kTrue : K::kAsk;
      };
    return [a, b](const Row& row) {
      K x = a(row);
      if (x == K::kTrue) return K::kTrue;
      K y = b(row);
      if (y == K::kTrue) return K::kTrue;
      return x == K::kFalse && y == K::kFalse ? K::kFalse : K::kAsk;
    };
  }
  for (auto compile : {LangCompare, IsLiteral, StrStarts})
    if (FilterKernel k = compile(e, vars, terms)) return k;
  return {};
}

std::optional<LowerCasePrefix> LowerCasePrefixOf(const Expr& e) {
  auto shape = MatchStrStarts(e);
  if (!shape) return std::nullopt;
  // With LCASE the index's key is the compared string itself: exact.
  // Without: a value starting with "pre" lower-cases to one starting with
  // LowerCase("pre") (simple case mapping is per character): a superset.
  return LowerCasePrefix{shape->var->var, shape->lower ? *shape->prefix : LowerCase(*shape->prefix)};
}

const Expr* LowerCaseStrVar(const Expr& e) {
  return IsBuiltin(e, "LCASE", 1) ? StrVar(*e.args[0]) : nullptr;
}

}  // namespace kg::sparql

// Internal to service/evaluator/: the builtin function tables (§17.4) and
// the term helpers they share with expression.cc and aggregates.cc.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/term.h"
#include "core/utf8.h"
#include "evaluator/expression.h"

namespace kg::sparql {

// ---- Term classification (RDF 1.1: a simple literal is an xsd:string) --------
// Simple literal or "..."^^xsd:string (the two are one term in RDF 1.1).
bool IsSimpleString(const Term& t);
// Language-tagged literal.
bool IsLangString(const Term& t);
// §17.4.3.1.1 "string literal": simple, xsd:string or language-tagged.
bool IsStringLiteral(const Term& t);
// §17.4.3.1.2 argument compatibility of two string literals.
bool ArgumentCompatible(const Term& a, const Term& b);
// The datatype IRI of a literal: xsd:string, rdf:langString or its datatype.
std::string DatatypeIri(const Term& t);
// A string literal with the language (if any) of `like`.
Term StringLike(std::string lex, const Term& like);
Term SimpleString(std::string lex);

// ---- UTF-8 -------------------------------------------------------------------
using kg::DecodeUtf8;  // core/utf8.h
using kg::EncodeUtf8;

// ---- Builtins ------------------------------------------------------------------
// Arguments are already evaluated (an error argument never reaches a builtin:
// every function of §17.4 except IF, COALESCE, BOUND and EXISTS, which
// expression.cc handles itself, is an error when an argument is an error).
using Args = std::vector<Term>;
using BuiltinFn = std::optional<Term> (*)(const Args& args, ExprContext& context);

struct Builtin {
  const char* name;  // upper-case as in Expr::name
  int min_args, max_args;
  BuiltinFn fn;
};

std::span<const Builtin> StringBuiltins();    // functions_string.cc
std::span<const Builtin> RegexBuiltins();     // functions_regex.cc
std::span<const Builtin> NumericBuiltins();   // functions_numeric.cc
std::span<const Builtin> DateTimeBuiltins();  // functions_datetime.cc
std::span<const Builtin> HashBuiltins();      // functions_hash.cc
std::span<const Builtin> MiscBuiltins();      // functions_misc.cc

// The builtin called `name`, or nullptr.
const Builtin* FindBuiltin(std::string_view name);

// XSD constructor functions (§17.5): `function_iri` is the datatype IRI.
// Returns false in *known when the IRI is not a supported cast.
std::optional<Term> CastTo(const std::string& function_iri, const Term& arg, bool* known);

// RDFterm-equal / value equality of §17.3 ("=") with its error cases.
std::optional<bool> TermsEqual(const Term& a, const Term& b);

// RFC 3986 §5.2 reference resolution (used by IRI()/URI()).
std::string ResolveIri(const std::string& base, const std::string& ref);

}  // namespace kg::sparql

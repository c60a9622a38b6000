// Request parameters -> typed RDF terms for a named query's variables. The
// terms reach the engine as initial bindings (evaluator/engine.h), never as
// text pasted into the query, so no value can change the query's meaning.
// Pure; thread-safe.
#pragma once

#include <string>

#include "api/named_query.h"
#include "core/message.h"
#include "core/term.h"
#include "evaluator/engine.h"

namespace kg::api {

// One value as the term of a parameter's type:
//   iri        absolute IRI (scheme ":" ...; no spaces, <>"{}|\^` or controls) -> IRI
//   string     any UTF-8 text                                     -> simple literal
//   langstring "text@lang" (BCP 47 tag)                           -> "text"@lang
//   integer    [+-]digits that fit 64 bits                        -> xsd:integer (canonical)
//   date       xsd:date lexical form YYYY-MM-DD[Z|(+|-)hh:mm], a real day -> xsd:date
//   enum       one of the declared values                         -> simple literal
// Error::BadRequest saying why (without the parameter name).
Result<Term> ParamTerm(const QueryParam& param, const std::string& value);

// Bindings for every declared parameter given in `params` (or its default).
// A langstring may also be given as `name` plus `name_lang`. Error::BadRequest
// naming the parameter for a missing required one, a repeated one, a bad
// value, or an unknown parameter (anything not declared except page, per_page,
// format and the `_lang` companions).
Result<sparql::Bindings> BindParams(const NamedQuery& query, const Params& params);

}  // namespace kg::api

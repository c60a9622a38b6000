// N-Triples term syntax (https://www.w3.org/TR/n-triples/): the canonical
// textual form of a term, shared by the N-Triples and TSV writers and by the
// store when it hands data to Rasqal.
#pragma once

#include <string>

#include "core/term.h"

namespace kg {

// Appends `t` in N-Triples form: <iri>, _:label, "lex"@lang, "lex"^^<dt>.
// Strings are escaped per N-Triples 1.1 (\" \\ \n \r \t and control chars as
// \uXXXX); IRIs escape characters not allowed in IRIREF as \uXXXX.
void AppendNTriplesTerm(std::string& out, const Term& t);
std::string ToNTriples(const Term& t);
// "<s> <p> <o> .\n"
void AppendNTriplesLine(std::string& out, const Triple& t);

}  // namespace kg

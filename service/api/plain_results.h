// Two answer forms for people and simple clients, beside the SPARQL formats.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/term.h"

namespace kg::api {

// Plain JSON (application/json) of a SELECT answer: an array with one object
// per row, keyed by variable; unbound variables are left out. Values:
//   IRI -> its string; blank node -> "_:label";
//   simple literal / other datatypes -> the lexical form as a string;
//   xsd:integer, xsd:int, xsd:long, ... within 64 bits -> JSON integer;
//   xsd:decimal, xsd:double, xsd:float (finite) -> JSON number;
//   xsd:boolean -> true / false;
//   language-tagged literal -> {"value": "...", "lang": "nl"}.
// An ASK answer is the JSON `true` or `false`.
std::string WritePlainJson(const QueryResult& result);

// A standalone HTML page with the answer as a <table> (one column per
// variable), every value HTML-escaped; IRIs become links, language tags are
// shown as lang attributes. `title` is escaped too.
std::string WriteHtmlTable(const QueryResult& result, std::string_view title);

// &, <, >, " and ' as entities.
std::string HtmlEscape(std::string_view text);

}  // namespace kg::api

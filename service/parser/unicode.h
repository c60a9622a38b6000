// UTF-8 and the character classes of the SPARQL grammar's terminals
// ([164]-[169] PN_CHARS_BASE, PN_CHARS_U, PN_CHARS, VARNAME).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace kg::sparql {

// Decodes one UTF-8 sequence at text[pos]. Returns the code point and sets
// *len to its byte length; returns -1 (len 1) for a malformed sequence,
// an overlong form or a surrogate.
std::int32_t DecodeUtf8(std::string_view text, std::size_t pos, std::size_t* len);

using kg::AppendUtf8;  // core/utf8.h

bool IsPnCharsBase(std::uint32_t c);  // [164]
inline bool IsPnCharsU(std::uint32_t c) { return IsPnCharsBase(c) || c == '_'; }  // [165]
bool IsPnChars(std::uint32_t c);      // [167]
bool IsVarnameChar(std::uint32_t c);  // [166] after the first char
inline bool IsDigit(std::uint32_t c) { return c >= '0' && c <= '9'; }
inline bool IsHex(std::uint32_t c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline int HexValue(std::uint32_t c) {
  return IsDigit(c) ? int(c - '0') : (c >= 'a' && c <= 'f') ? int(c - 'a' + 10) : int(c - 'A' + 10);
}

}  // namespace kg::sparql

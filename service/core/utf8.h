// UTF-8 text as code points, and the case mapping SPARQL's LCASE / UCASE
// apply. Here in core because the store's label index (store/triple_index.h)
// must lower-case exactly as the evaluator's LCASE does: a prefix search
// answered from that index is only correct if both agree byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

// Code points of s; each byte of a malformed sequence becomes U+FFFD.
std::u32string DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);
// Appends the UTF-8 encoding of cp (cp must be a valid scalar value).
void AppendUtf8(std::string& out, std::uint32_t cp);

// Unicode simple case mapping (towlower / towupper in glibc's C.UTF-8
// locale, so "É" <-> "é", "Ω" <-> "ω"; one-to-many mappings such as ß -> SS
// are not applied). Malformed bytes become U+FFFD, as in DecodeUtf8.
char32_t MapCase(char32_t c, bool upper);
std::string ChangeCase(std::string_view s, bool upper);
inline std::string LowerCase(std::string_view s) { return ChangeCase(s, false); }

}  // namespace kg

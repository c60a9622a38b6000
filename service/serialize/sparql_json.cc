#include "serialize/sparql_json.h"

#include <array>
#include <string_view>
#include <vector>

namespace kg {
namespace {

// Written by hand rather than with RapidJSON's Writer, which this file used
// until the answers grew large: the Writer escapes byte by byte and checks
// its nesting state on every call, about 18 instructions per output byte,
// as much as evaluating a 3,000-row page query. The SPARQL JSON shape is
// fixed (objects of "type"/"value"/"xml:lang"/"datatype"), so the only
// variable part is string escaping, done here a run at a time. The output
// is byte for byte RapidJSON's (tests/serialize/sparql_json_test.cc checks
// it against the Writer on random terms).

// Which bytes need escaping (RFC 8259 §7): control characters, '"' and
// '\\'; the short forms RapidJSON uses, 'u' for \u00XX.
constexpr std::array<char, 256> kEscape = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}();

void AppendString(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    char e = kEscape[static_cast<unsigned char>(s[i])];
    if (!e) continue;
    out.append(s.data() + run, i - run);
    out.push_back('\\');
    out.push_back(e);
    if (e == 'u') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      unsigned char c = static_cast<unsigned char>(s[i]);
      out.append("00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

// §3.2.2: RDF term encoding.
void AppendTerm(std::string& out, const Term& t) {
  switch (t.kind) {
    case Term::Kind::kIri: out.append(R"({"type":"uri","value":)"); break;
    case Term::Kind::kBlank: out.append(R"({"type":"bnode","value":)"); break;
    case Term::Kind::kLiteral: out.append(R"({"type":"literal","value":)"); break;
  }
  AppendString(out, t.value);
  if (t.is_literal() && !t.language.empty()) {
    out.append(R"(,"xml:lang":)");
    AppendString(out, t.language);
  } else if (t.is_literal() && !t.datatype.empty()) {
    out.append(R"(,"datatype":)");
    AppendString(out, t.datatype);
  }
  out.push_back('}');
}

}  // namespace

std::string WriteSparqlJson(const ResultSet& results) {
  // Each binding's key, escaped once: `"name":`.
  std::vector<std::string> keys;
  keys.reserve(results.variables.size());
  std::string out;
  out.append(R"({"head":{"vars":[)");
  for (std::size_t i = 0; i < results.variables.size(); ++i) {
    if (i) out.push_back(',');
    AppendString(out, results.variables[i]);
    std::string key;
    AppendString(key, results.variables[i]);
    key.push_back(':');
    keys.push_back(std::move(key));
  }
  out.append(R"(]},"results":{"bindings":[)");
  const auto& rows = results.rows;
  // About what a binding of an IRI or a short literal takes, so that a
  // large answer is written without moving the buffer.
  out.reserve(out.size() + 16 + rows.size() * (4 + results.variables.size() * 96));
  // The terms of a large answer are scattered over the store's dictionary
  // (borrowed cells), so most reads miss the cache: while writing row r,
  // ask for the terms of row r + 16 and for the values of row r + 8, whose
  // terms have arrived by then. (Inside the writing loop: GCC drops a loop
  // that only prefetches.)
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const auto* ahead = r + 16 < rows.size() ? &rows[r + 16] : nullptr;
    const auto* near = r + 8 < rows.size() ? &rows[r + 8] : nullptr;
    out.append(r ? ",{" : "{");
    bool first = true;
    for (std::size_t i = 0; i < row.size() && i < keys.size(); ++i) {
      if (ahead && i < ahead->size() && (*ahead)[i]) __builtin_prefetch(&*(*ahead)[i]);
      if (near && i < near->size() && (*near)[i]) __builtin_prefetch((*near)[i]->value.data());
      if (!row[i]) continue;  // unbound: omitted (§3.2.1)
      if (!first) out.push_back(',');
      first = false;
      out.append(keys[i]);
      AppendTerm(out, *row[i]);
    }
    out.push_back('}');
  }
  out.append("]}}\n");
  return out;
}

std::string WriteSparqlJson(bool boolean) {
  return std::string("{\"head\":{},\"boolean\":") + (boolean ? "true" : "false") + "}\n";
}

}  // namespace kg

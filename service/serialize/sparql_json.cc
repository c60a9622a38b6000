#include "serialize/sparql_json.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace kg {
namespace {

// Written by hand rather than with RapidJSON's Writer, which this file used
// until the answers grew large: the Writer escapes byte by byte and checks
// its nesting state on every call, about 18 instructions per output byte,
// as much as evaluating a 3,000-row page query. The SPARQL JSON shape is
// fixed (objects of "type"/"value"/"xml:lang"/"datatype"), so the only
// variable part is string escaping, done here 8 bytes at a time: ~7
// instructions per output byte with the rest of the document (q06 on
// gen-100k: 8.7M instructions per answer with the Writer, 3.2M here). The
// output is byte for byte RapidJSON's (tests/serialize/sparql_json_test.cc
// checks it against the Writer on random terms and on every byte value at
// every place of a word).

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

// True when one of the 8 bytes of w is below 0x20, '"' or '\\' (the
// classic bit tricks "has less than" and "has zero byte", exact for "any").
bool NeedsEscape(std::uint64_t w) {
  constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return (x - k01) & ~x & k80; };
  return (((w - k01 * 0x20) & ~w & k80) | has_zero(w ^ (k01 * '"')) | has_zero(w ^ (k01 * '\\'))) != 0;
}

// The output, written through a pointer: room for a term's worst case is
// made once, so single bytes do not each pay std::string's capacity check.
class Out {
 public:
  explicit Out(std::size_t size) : buf_(size, '\0') {}
  char* Room(std::size_t n) {
    if (buf_.size() - len_ < n) buf_.resize(std::max(buf_.size() * 2, len_ + n));
    return buf_.data() + len_;
  }
  void Done(char* end) { len_ = static_cast<std::size_t>(end - buf_.data()); }
  std::string Take() {
    buf_.resize(len_);
    return std::move(buf_);
  }

 private:
  std::string buf_;
  std::size_t len_ = 0;
};

template <std::size_t N>
char* Put(char* p, const char (&text)[N]) {
  std::memcpy(p, text, N - 1);
  return p + N - 1;
}

// Room a string needs at most: quotes and every byte as \u00XX.
std::size_t StringRoom(std::string_view s) { return 2 + 6 * s.size(); }

// s as a JSON string, quotes included: 8 bytes at a time while none needs
// escaping.
char* PutString(char* p, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *p++ = '"';
  const char* c = s.data();
  const char* end = c + s.size();
  while (c < end) {
    if (end - c >= 8) {
      std::uint64_t w;
      std::memcpy(&w, c, 8);
      if (!NeedsEscape(w)) {
        std::memcpy(p, c, 8);
        p += 8;
        c += 8;
        continue;
      }
    }
    for (const char* stop = end - c > 8 ? c + 8 : end; c < stop; ++c) {
      const unsigned char b = static_cast<unsigned char>(*c);
      const char e = kEscape[b];
      if (!e) {
        *p++ = *c;
        continue;
      }
      *p++ = '\\';
      *p++ = e;
      if (e == 'u') {
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[b >> 4];
        *p++ = kHex[b & 0xF];
      }
    }
  }
  *p++ = '"';
  return p;
}

// `"name":` then the term (§3.2.2: RDF term encoding).
void PutBinding(Out& out, std::string_view key, const Term& t) {
  char* p = out.Room(key.size() + 48 + StringRoom(t.value) + StringRoom(t.language) +
                     StringRoom(t.datatype));
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  switch (t.kind) {
    case Term::Kind::kIri: p = Put(p, R"({"type":"uri","value":)"); break;
    case Term::Kind::kBlank: p = Put(p, R"({"type":"bnode","value":)"); break;
    case Term::Kind::kLiteral: p = Put(p, R"({"type":"literal","value":)"); break;
  }
  p = PutString(p, t.value);
  if (t.is_literal() && !t.language.empty()) {
    p = Put(p, R"(,"xml:lang":)");
    p = PutString(p, t.language);
  } else if (t.is_literal() && !t.datatype.empty()) {
    p = Put(p, R"(,"datatype":)");
    p = PutString(p, t.datatype);
  }
  *p++ = '}';
  out.Done(p);
}

}  // namespace

std::string WriteSparqlJson(const ResultSet& results) {
  const auto& rows = results.rows;
  // About what a binding of an IRI or a short literal takes, so that a
  // large answer is written without moving the buffer.
  Out out(64 + rows.size() * (4 + results.variables.size() * 96));
  // Each binding's key, escaped once: `"name":`.
  std::vector<std::string> keys;
  char* p = Put(out.Room(32), R"({"head":{"vars":[)");
  out.Done(p);
  for (std::size_t i = 0; i < results.variables.size(); ++i) {
    const std::string& v = results.variables[i];
    p = out.Room(2 + StringRoom(v));
    if (i) *p++ = ',';
    char* name = p;
    p = PutString(p, v);
    keys.emplace_back(name, p);
    keys.back().push_back(':');
    out.Done(p);
  }
  out.Done(Put(out.Room(32), R"(]},"results":{"bindings":[)"));
  // The terms of a large answer are scattered over the store's dictionary
  // (borrowed cells), so most reads miss the cache. While writing row r,
  // ask for the terms of row r + 16 (both of their cache lines: a Term is
  // 104 bytes and the sizes read below reach its end) and for the values
  // of row r + 8, whose terms have arrived by then. The rows themselves
  // lie in one array (ResultRows), read in order. (Inside the writing
  // loop: GCC drops a loop that only prefetches.)
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const ResultRows::Row row = rows[r];
    const ResultRows::Row ahead = r + 16 < rows.size() ? rows[r + 16] : ResultRows::Row();
    const ResultRows::Row near = r + 8 < rows.size() ? rows[r + 8] : ResultRows::Row();
    p = out.Room(2);
    if (r) *p++ = ',';
    *p++ = '{';
    out.Done(p);
    bool first = true;
    for (std::size_t i = 0; i < row.size() && i < keys.size(); ++i) {
      if (i < ahead.size() && ahead[i]) {
        const char* t = reinterpret_cast<const char*>(&*ahead[i]);
        __builtin_prefetch(t);
        __builtin_prefetch(t + sizeof(Term) - 1);
      }
      if (i < near.size() && near[i]) __builtin_prefetch(near[i]->value.data());
      if (!row[i]) continue;  // unbound: omitted (§3.2.1)
      if (!first) {
        p = out.Room(1);
        *p++ = ',';
        out.Done(p);
      }
      first = false;
      PutBinding(out, keys[i], *row[i]);
    }
    p = out.Room(1);
    *p++ = '}';
    out.Done(p);
  }
  out.Done(Put(out.Room(8), "]}}\n"));
  return out.Take();
}

std::string WriteSparqlJson(bool boolean) {
  return std::string("{\"head\":{},\"boolean\":") + (boolean ? "true" : "false") + "}\n";
}

}  // namespace kg

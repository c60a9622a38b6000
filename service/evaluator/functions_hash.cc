// §17.4.6 hash functions (OpenSSL EVP digests of the UTF-8 lexical form,
// lower-case hex) and §17.4.2.10-11 UUID / STRUUID (RFC 4122 version 4 from
// OpenSSL's CSPRNG).
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cstdio>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

// The argument is a simple literal or xsd:string (a language tag is an error).
Result Digest(const Term& t, const EVP_MD* md) {
  if (!IsSimpleString(t) || md == nullptr) return std::nullopt;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(t.value.data(), t.value.size(), out, &len, md, nullptr) != 1) return std::nullopt;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int k = 0; k < len; ++k) {
    hex += kHex[out[k] >> 4];
    hex += kHex[out[k] & 15];
  }
  return SimpleString(std::move(hex));
}

Result Md5(const Args& a, ExprContext&) { return Digest(a[0], EVP_md5()); }
Result Sha1(const Args& a, ExprContext&) { return Digest(a[0], EVP_sha1()); }
Result Sha256(const Args& a, ExprContext&) { return Digest(a[0], EVP_sha256()); }
Result Sha384(const Args& a, ExprContext&) { return Digest(a[0], EVP_sha384()); }
Result Sha512(const Args& a, ExprContext&) { return Digest(a[0], EVP_sha512()); }

std::optional<std::string> NewUuid() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) return std::nullopt;
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return std::string(buf);
}

Result Uuid(const Args&, ExprContext&) {
  auto u = NewUuid();
  if (!u) return std::nullopt;
  return Term::Iri("urn:uuid:" + *u);
}

Result Struuid(const Args&, ExprContext&) {
  auto u = NewUuid();
  if (!u) return std::nullopt;
  return SimpleString(*u);
}

constexpr std::array<Builtin, 7> kBuiltins{{
    {"MD5", 1, 1, Md5},
    {"SHA1", 1, 1, Sha1},
    {"SHA256", 1, 1, Sha256},
    {"SHA384", 1, 1, Sha384},
    {"SHA512", 1, 1, Sha512},
    {"UUID", 0, 0, Uuid},
    {"STRUUID", 0, 0, Struuid},
}};

}  // namespace

std::span<const Builtin> HashBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

// libFuzzer target for SPARQL Protocol parameter parsing
// (sparql/protocol.h, core/message.h): the input becomes a request —
// "<method byte><content-type byte>" then the query string, a '\n', and the
// body — for ParseSparqlRequest and ParseUpdateRequest; the raw text goes
// through ParseUrlEncoded and the percent codec, whose round trip must be
// exact.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/message.h"
#include "sparql/protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const char* kMethods[] = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS"};
  static const char* kTypes[] = {"",
                                 "application/x-www-form-urlencoded",
                                 "application/sparql-query",
                                 "application/sparql-update",
                                 "application/x-www-form-urlencoded; charset=UTF-8",
                                 "APPLICATION/SPARQL-QUERY ; charset=utf-8",
                                 "text/plain",
                                 "multipart/form-data; boundary=x"};
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string_view query = text, body;
  if (auto nl = text.find('\n'); nl != std::string_view::npos) {
    query = text.substr(0, nl);
    body = text.substr(nl + 1);
  }
  kg::Request r;
  r.method = kMethods[data[0] % 6];
  r.target = "/sparql?" + std::string(query);
  if (const char* t = kTypes[data[1] % 8]; *t) r.headers["Content-Type"] = t;
  r.body = std::string(body);
  (void)r.query_params();
  (void)kg::ParseSparqlRequest(r);
  (void)kg::ParseUpdateRequest(r);

  auto params = kg::ParseUrlEncoded(text);
  for (const auto& [k, v] : params) {
    // Re-encoding every pair and decoding again gives the same pairs.
    auto again = kg::ParseUrlEncoded(kg::PercentEncode(k) + "=" + kg::PercentEncode(v));
    if (again.size() != 1 || again[0].first != k || again[0].second != v) __builtin_trap();
  }
  std::string raw(text);
  if (kg::PercentDecode(kg::PercentEncode(raw), false) != raw) __builtin_trap();
  if (kg::PercentDecode(kg::PercentEncode(raw), true) != raw) __builtin_trap();
  return 0;
}

// libFuzzer target for content negotiation (serialize/negotiate.h): input is
// "<offer byte><Accept header>\n<format= value>". Negotiate must return one
// of the offers or Error::NotAcceptable — never crash, never pick something
// that was not offered.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "serialize/format.h"
#include "serialize/negotiate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string_view accept = text, param;
  if (auto nl = text.find('\n'); nl != std::string_view::npos) {
    accept = text.substr(0, nl);
    param = text.substr(nl + 1);
  }
  static const std::vector<kg::Format> kAll = {
      kg::Format::kSparqlJson, kg::Format::kSparqlXml, kg::Format::kCsv,   kg::Format::kTsv,
      kg::Format::kTurtle,     kg::Format::kNTriples,  kg::Format::kRdfXml, kg::Format::kJsonLd,
      kg::Format::kJson,       kg::Format::kHtml,      kg::Format::kText};
  const std::vector<kg::Format>* lists[] = {&kg::ResultFormats(), &kg::GraphFormats(), &kAll};
  const auto& offers = *lists[data[0] % 3];
  auto f = kg::Negotiate(accept, offers, param);
  if (f.ok()) {
    if (std::find(offers.begin(), offers.end(), *f) == offers.end()) __builtin_trap();
    // Negotiating for the chosen type's own media type must give it back.
    auto again = kg::Negotiate(kg::Info(*f).media_type, offers);
    if (!again.ok() || *again != *f) __builtin_trap();
  } else if (f.error().code != kg::Error::Code::kNotAcceptable) {
    __builtin_trap();
  }
  (void)kg::FormatFromMediaType(accept);
  (void)kg::FormatFromParam(param);
  return 0;
}

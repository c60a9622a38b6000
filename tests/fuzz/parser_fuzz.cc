// libFuzzer target for the SPARQL parser: any input must give a tree or a
// syntax error — no crash, hang, leak or undefined behaviour. Built with
// -DKG_FUZZ=ON (tests/fuzz/CMakeLists.txt); run by tests/fuzz/run_fuzzers.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto q = kg::sparql::ParseQuery(text, "http://example.org/base/");
  if (!q.ok() && q.error().code != kg::Error::Code::kSyntax) __builtin_trap();
  auto u = kg::sparql::ParseUpdate(text);
  if (!u.ok() && u.error().code != kg::Error::Code::kSyntax) __builtin_trap();
  return 0;
}

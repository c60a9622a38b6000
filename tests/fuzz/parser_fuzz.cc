// libFuzzer target for the SPARQL parser: any input must give a tree or a
// syntax error — no crash, hang, leak or undefined behaviour. Not built by
// CMake; build and run by hand:
//   clang++-14 -std=c++20 -fsanitize=fuzzer,address,undefined -Iservice \
//     tests/fuzz/parser_fuzz.cc service/parser/*.cc -o /tmp/parser_fuzz
//   /tmp/parser_fuzz -max_total_time=60 tests/fuzz/corpus/parser
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

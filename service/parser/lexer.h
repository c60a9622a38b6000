// The SPARQL tokenizer: the terminals of grammar productions [139]-[173],
// with 1-based line and column (in code points) of each token so that
// syntax errors can point at the offending token.
//
// Codepoint escapes (\uXXXX, \UXXXXXXXX, §19.2) are decoded inside the
// tokens where they can be meaningful (IRIs, strings, prefixed names,
// variable names) and in one pass only: a decoded '\' never starts another
// escape (W3C tests syn-codepoint-escape-bad-04/05).
#pragma once

#include <cstddef>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kg::sparql {

// Thrown inside the parser only and turned into Error::Syntax at the API
// boundary (parser.cc); recursive descent unwinds most simply this way.
struct SyntaxError {
  std::string message;
  int line = 0, column = 0;
};

enum class Tok {
  kEof,
  kIriRef,      // [139] text = IRI as written (escapes decoded, not resolved)
  kPnameNs,     // [140] text = prefix (without ':')
  kPnameLn,     // [141] text = prefix, local = local part (escapes decoded)
  kBlankLabel,  // [142] text = label (without "_:")
  kVar,         // [143]/[144] text = name (without '?'/'$')
  kLangTag,     // [145] text = tag (without '@')
  kInteger,     // [146]/[149]/[152] text = lexical form incl. sign
  kDecimal,     // [147]/[150]/[153]
  kDouble,      // [148]/[151]/[154]
  kString,      // [156]-[159] text = decoded value
  kNil,         // [161] ( )
  kAnon,        // [163] [ ]
  kName,        // a bare word: keyword, builtin name, 'a', true/false
  kPunct,       // text = the punctuation, e.g. "{", "^^", "&&"
};

struct Token {
  Tok kind = Tok::kEof;
  std::string text;
  std::string local;  // kPnameLn
  int line = 1, column = 1;
};

// A human-readable rendering of a token for error messages ("'SELECT'",
// "end of input").
std::string Describe(const Token& t);

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // Look ahead k tokens (0 = the next one) without consuming.
  const Token& Peek(std::size_t k = 0);
  Token Next();

 private:
  Token Lex();
  void SkipSpaceAndComments();
  void Position(std::size_t pos, int* line, int* col);
  [[noreturn]] void Fail(std::size_t pos, const std::string& message);

  // Reads one code point at pos_ (decoding \u escapes when `escapes`);
  // sets *bytes to the bytes consumed. -1 at end of input.
  std::int32_t PeekCp(std::size_t pos, std::size_t* bytes, bool escapes);

  bool LexIri(Token& t);
  void LexString(Token& t);
  void LexNumber(Token& t);
  void LexVar(Token& t);
  void LexBlankLabel(Token& t);
  void LexNameOrPname(Token& t);
  void LexLocal(Token& t);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::deque<Token> ahead_;
  // Cache for Position(): line/column are computed incrementally.
  std::size_t pos_cache_ = 0;
  int line_cache_ = 1, col_cache_ = 1;
};

}  // namespace kg::sparql

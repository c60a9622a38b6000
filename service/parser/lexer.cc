#include "parser/lexer.h"

#include <algorithm>
#include <cstring>

#include "parser/unicode.h"

namespace kg::sparql {

std::string Describe(const Token& t) {
  switch (t.kind) {
    case Tok::kEof: return "end of input";
    case Tok::kIriRef: return "'<" + t.text + ">'";
    case Tok::kPnameNs: return "'" + t.text + ":'";
    case Tok::kPnameLn: return "'" + t.text + ":" + t.local + "'";
    case Tok::kBlankLabel: return "'_:" + t.text + "'";
    case Tok::kVar: return "'?" + t.text + "'";
    case Tok::kLangTag: return "'@" + t.text + "'";
    case Tok::kString: {
      // Shorten long strings at a code point boundary (messages stay UTF-8).
      std::size_t n = std::min<std::size_t>(t.text.size(), 40);
      while (n < t.text.size() && (static_cast<unsigned char>(t.text[n]) & 0xC0) == 0x80) --n;
      return "string \"" + t.text.substr(0, n) + (n < t.text.size() ? "...\"" : "\"");
    }
    case Tok::kNil: return "'()'";
    case Tok::kAnon: return "'[]'";
    default: return "'" + t.text + "'";
  }
}

const Token& Lexer::Peek(std::size_t k) {
  while (ahead_.size() <= k) ahead_.push_back(Lex());
  return ahead_[k];
}

Token Lexer::Next() {
  Peek(0);
  Token t = std::move(ahead_.front());
  ahead_.pop_front();
  return t;
}

void Lexer::Position(std::size_t pos, int* line, int* col) {
  if (pos < pos_cache_) pos_cache_ = 0, line_cache_ = 1, col_cache_ = 1;
  for (; pos_cache_ < pos && pos_cache_ < text_.size(); ++pos_cache_) {
    auto c = static_cast<unsigned char>(text_[pos_cache_]);
    if (c == '\n') {
      ++line_cache_;
      col_cache_ = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not bytes
      ++col_cache_;
    }
  }
  *line = line_cache_;
  *col = col_cache_;
}

void Lexer::Fail(std::size_t pos, const std::string& message) {
  SyntaxError e{message};
  Position(pos, &e.line, &e.column);
  throw e;
}

std::int32_t Lexer::PeekCp(std::size_t pos, std::size_t* bytes, bool escapes) {
  if (pos >= text_.size()) {
    *bytes = 0;
    return -1;
  }
  if (escapes && text_[pos] == '\\' && pos + 1 < text_.size() &&
      (text_[pos + 1] == 'u' || text_[pos + 1] == 'U')) {
    std::size_t n = text_[pos + 1] == 'u' ? 4 : 8;
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t at = pos + 2 + i;
      if (at >= text_.size() || !IsHex(static_cast<unsigned char>(text_[at])))
        Fail(pos, "bad codepoint escape: \\" + std::string(1, text_[pos + 1]) + " needs " +
                      std::to_string(n) + " hex digits");
      cp = cp * 16 + HexValue(static_cast<unsigned char>(text_[at]));
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      Fail(pos, "codepoint escape is not a Unicode scalar value");
    *bytes = n + 2;
    return static_cast<std::int32_t>(cp);
  }
  std::int32_t cp = DecodeUtf8(text_, pos, bytes);
  if (cp < 0) Fail(pos, "invalid UTF-8 in query text");
  return cp;
}

void Lexer::SkipSpaceAndComments() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    } else {
      break;
    }
  }
}

static bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Token Lexer::Lex() {
  SkipSpaceAndComments();
  Token t;
  Position(pos_, &t.line, &t.column);
  if (pos_ >= text_.size()) return t;  // kEof
  char c = text_[pos_];
  char n1 = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
  auto punct = [&](std::size_t len) {
    t.kind = Tok::kPunct;
    t.text = std::string(text_.substr(pos_, len));
    pos_ += len;
    return t;
  };
  switch (c) {
    case '<':
      if (LexIri(t)) return t;
      return punct(n1 == '=' ? 2 : 1);
    case '>': return punct(n1 == '=' ? 2 : 1);
    case '?':
    case '$': {
      std::size_t b;
      std::int32_t cp = PeekCp(pos_ + 1, &b, true);
      if (cp >= 0 && (IsPnCharsU(cp) || IsDigit(cp))) {
        LexVar(t);
        return t;
      }
      if (c == '$') Fail(pos_, "'$' must start a variable name");
      return punct(1);
    }
    case '"':
    case '\'':
      LexString(t);
      return t;
    case '@': {
      std::size_t p = pos_ + 1, start = p;
      auto alpha = [&](std::size_t i) {
        return i < text_.size() && std::isalpha(static_cast<unsigned char>(text_[i]));
      };
      auto alnum = [&](std::size_t i) {
        return i < text_.size() && std::isalnum(static_cast<unsigned char>(text_[i]));
      };
      if (!alpha(p)) Fail(pos_, "'@' must start a language tag");
      while (alpha(p)) ++p;
      while (p < text_.size() && text_[p] == '-' && alnum(p + 1)) {
        ++p;
        while (alnum(p)) ++p;
      }
      t.kind = Tok::kLangTag;
      t.text = std::string(text_.substr(start, p - start));
      pos_ = p;
      return t;
    }
    case '(':
    case '[': {
      // [161] NIL and [163] ANON: brackets with only white space between.
      std::size_t p = pos_ + 1;
      while (p < text_.size() && IsWs(text_[p])) ++p;
      char close = c == '(' ? ')' : ']';
      if (p < text_.size() && text_[p] == close) {
        t.kind = c == '(' ? Tok::kNil : Tok::kAnon;
        t.text = c == '(' ? "()" : "[]";
        pos_ = p + 1;
        return t;
      }
      return punct(1);
    }
    case '^': return punct(n1 == '^' ? 2 : 1);
    case '&':
      if (n1 == '&') return punct(2);
      Fail(pos_, "unexpected '&' (did you mean '&&'?)");
    case '|': return punct(n1 == '|' ? 2 : 1);
    case '!': return punct(n1 == '=' ? 2 : 1);
    case '+':
    case '-':
      if (IsDigit(static_cast<unsigned char>(n1)) ||
          (n1 == '.' && pos_ + 2 < text_.size() &&
           IsDigit(static_cast<unsigned char>(text_[pos_ + 2])))) {
        LexNumber(t);
        return t;
      }
      return punct(1);
    case '.':
      if (IsDigit(static_cast<unsigned char>(n1))) {
        LexNumber(t);
        return t;
      }
      return punct(1);
    case '{': case '}': case ')': case ']': case ',': case ';': case '*':
    case '/': case '=':
      return punct(1);
    case '_':
      if (n1 == ':') {
        LexBlankLabel(t);
        return t;
      }
      break;
    default:
      break;
  }
  if (IsDigit(static_cast<unsigned char>(c))) {
    LexNumber(t);
    return t;
  }
  std::size_t b;
  std::int32_t cp = PeekCp(pos_, &b, true);
  if (c == ':' || IsPnCharsBase(cp)) {
    LexNameOrPname(t);
    return t;
  }
  std::string shown = cp >= 0x20 && cp != 0x7F ? std::string(text_.substr(pos_, b))
                                               : "\\x" + std::to_string(cp);
  Fail(pos_, "unexpected character '" + shown + "'");
}

// [139] IRIREF ::= '<' ([^<>"{}|^`\]-[#x00-#x20])* '>'
// Returns false (consuming nothing) when the text is not an IRI, so that
// '<' can be the less-than operator.
bool Lexer::LexIri(Token& t) {
  std::size_t p = pos_ + 1;
  std::string value;
  while (true) {
    if (p >= text_.size()) return false;
    if (text_[p] == '>') break;
    std::size_t b;
    bool escape = text_[p] == '\\';
    if (escape && (p + 1 >= text_.size() || (text_[p + 1] != 'u' && text_[p + 1] != 'U')))
      return false;
    std::int32_t cp;
    if (escape) {
      cp = PeekCp(p, &b, true);
    } else {
      cp = DecodeUtf8(text_, p, &b);
      if (cp < 0) Fail(p, "invalid UTF-8 in IRI");
    }
    if (cp <= 0x20 || std::strchr("<>\"{}|^`\\", cp) != nullptr) {
      if (escape) Fail(p, "codepoint escape gives a character not allowed in an IRI");
      return false;
    }
    AppendUtf8(value, cp);
    p += b;
  }
  t.kind = Tok::kIriRef;
  t.text = std::move(value);
  pos_ = p + 1;
  return true;
}

// [156]-[160] strings: STRING_LITERAL1/2 and the long forms, ECHAR escapes.
void Lexer::LexString(Token& t) {
  char q = text_[pos_];
  bool long_form = pos_ + 2 < text_.size() && text_[pos_ + 1] == q && text_[pos_ + 2] == q;
  std::size_t start = pos_;
  std::size_t p = pos_ + (long_form ? 3 : 1);
  std::string value;
  while (true) {
    if (p >= text_.size()) Fail(start, "unterminated string");
    char c = text_[p];
    if (c == q) {
      if (!long_form) {
        ++p;
        break;
      }
      if (p + 2 < text_.size() && text_[p + 1] == q && text_[p + 2] == q) {
        // '''' ends with the last three quotes: a quote may precede them.
        if (!(p + 3 < text_.size() && text_[p + 3] == q)) {
          p += 3;
          break;
        }
      }
      value += c;
      ++p;
      continue;
    }
    if (!long_form && (c == '\n' || c == '\r'))
      Fail(p, "line break in a short string (use \"\"\" or \\n)");
    if (c == '\\') {
      char e = p + 1 < text_.size() ? text_[p + 1] : '\0';
      const char* from = "tbnrf\"'\\";
      const char* to = "\t\b\n\r\f\"'\\";
      if (const char* at = e ? std::strchr(from, e) : nullptr) {
        value += to[at - from];
        p += 2;
        continue;
      }
      if (e == 'u' || e == 'U') {
        std::size_t b;
        AppendUtf8(value, static_cast<std::uint32_t>(PeekCp(p, &b, true)));
        p += b;
        continue;
      }
      Fail(p, std::string("bad escape '\\") + (e ? std::string(1, e) : "") + "' in string");
    }
    std::size_t b;
    std::int32_t cp = DecodeUtf8(text_, p, &b);
    if (cp < 0) Fail(p, "invalid UTF-8 in string");
    value.append(text_.substr(p, b));
    p += b;
  }
  t.kind = Tok::kString;
  t.text = std::move(value);
  pos_ = p;
}

// [146]-[155] numbers, with the optional sign of the *_POSITIVE/NEGATIVE forms.
void Lexer::LexNumber(Token& t) {
  std::size_t p = pos_;
  auto digit = [&](std::size_t i) {
    return i < text_.size() && IsDigit(static_cast<unsigned char>(text_[i]));
  };
  if (text_[p] == '+' || text_[p] == '-') ++p;
  bool int_digits = digit(p), frac_digits = false;
  while (digit(p)) ++p;
  t.kind = Tok::kInteger;
  if (p < text_.size() && text_[p] == '.') {
    // "1." is INTEGER then '.', unless an exponent follows ("1.e5" is a DOUBLE).
    std::size_t q = p + 1;
    while (digit(q)) ++q, frac_digits = true;
    bool exponent = q < text_.size() && (text_[q] == 'e' || text_[q] == 'E');
    if (frac_digits || (int_digits && exponent)) {
      p = q;
      t.kind = Tok::kDecimal;
    }
  }
  if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
    std::size_t q = p + 1;
    if (q < text_.size() && (text_[q] == '+' || text_[q] == '-')) ++q;
    if (digit(q)) {
      while (digit(q)) ++q;
      p = q;
      t.kind = Tok::kDouble;
    }
  }
  t.text = std::string(text_.substr(pos_, p - pos_));
  pos_ = p;
}

// [143]/[144] VAR1/VAR2, [166] VARNAME
void Lexer::LexVar(Token& t) {
  std::size_t p = pos_ + 1, b;
  std::string name;
  for (bool first = true;; first = false) {
    std::int32_t cp = PeekCp(p, &b, true);
    if (cp < 0) break;
    if (first ? !(IsPnCharsU(cp) || IsDigit(cp)) : !IsVarnameChar(cp)) break;
    AppendUtf8(name, cp);
    p += b;
  }
  t.kind = Tok::kVar;
  t.text = std::move(name);
  pos_ = p;
}

// [142] BLANK_NODE_LABEL ::= '_:' ( PN_CHARS_U | [0-9] ) ((PN_CHARS|'.')* PN_CHARS)?
void Lexer::LexBlankLabel(Token& t) {
  std::size_t p = pos_ + 2, b, good_end = p;
  std::string label;
  std::size_t good_len = 0;
  std::int32_t cp = PeekCp(p, &b, false);
  if (cp < 0 || !(IsPnCharsU(cp) || IsDigit(cp))) Fail(pos_, "bad blank node label");
  while (true) {
    cp = PeekCp(p, &b, false);
    if (cp < 0 || !(IsPnChars(cp) || cp == '.')) break;
    AppendUtf8(label, cp);
    p += b;
    if (cp != '.') good_end = p, good_len = label.size();
  }
  label.resize(good_len);  // a trailing '.' ends the triple, not the label
  t.kind = Tok::kBlankLabel;
  t.text = std::move(label);
  pos_ = good_end;
}

// [140] PNAME_NS, [141] PNAME_LN, [168] PN_PREFIX; or a bare word (keyword).
void Lexer::LexNameOrPname(Token& t) {
  std::size_t p = pos_, b, good_end = p, word_end = 0;
  std::string prefix;
  std::size_t good_len = 0;
  bool word_done = false;
  while (true) {
    std::int32_t cp = PeekCp(p, &b, true);
    if (cp < 0 || !(IsPnChars(cp) || cp == '.')) break;
    if (cp == '.' && !word_done) word_done = true, word_end = p;
    AppendUtf8(prefix, cp);
    p += b;
    if (cp != '.') good_end = p, good_len = prefix.size();
  }
  if (!word_done) word_end = p;
  if (p < text_.size() && text_[p] == ':' && good_end == p) {
    t.text = std::move(prefix);
    pos_ = p + 1;
    LexLocal(t);
    return;
  }
  // A bare word (SELECT, a, true, STRLEN...): letters, digits, '_' up to a '.'.
  (void)good_len;
  t.kind = Tok::kName;
  t.text = std::string(text_.substr(pos_, word_end - pos_));
  if (t.text.find('\\') != std::string::npos) Fail(pos_, "unexpected '\\'");
  pos_ = word_end;
}

// [169] PN_LOCAL ::= (PN_CHARS_U | ':' | [0-9] | PLX ) ((PN_CHARS | '.' | ':' | PLX)*
//                    (PN_CHARS | ':' | PLX) )?
// [170] PLX: PERCENT (kept as written) | PN_LOCAL_ESC (the escaped char).
void Lexer::LexLocal(Token& t) {
  std::size_t p = pos_, b, good_end = p, good_len = 0;
  std::string local;
  for (bool first = true;; first = false) {
    if (p >= text_.size()) break;
    char c = text_[p];
    if (c == '%') {
      if (p + 2 >= text_.size() + 0 || !IsHex(static_cast<unsigned char>(text_[p + 1])) ||
          !IsHex(static_cast<unsigned char>(text_[p + 2])))
        Fail(p, "'%' in a prefixed name must be followed by two hex digits");
      local.append(text_.substr(p, 3));
      p += 3;
      good_end = p, good_len = local.size();
      continue;
    }
    if (c == '\\' && p + 1 < text_.size() && text_[p + 1] != 'u' && text_[p + 1] != 'U') {
      if (std::strchr("_~.-!$&'()*+,;=/?#@%", text_[p + 1]) == nullptr || text_[p + 1] == 0)
        Fail(p, "bad escape in prefixed name");
      local += text_[p + 1];
      p += 2;
      good_end = p, good_len = local.size();
      continue;
    }
    std::int32_t cp = PeekCp(p, &b, true);
    if (cp < 0) break;
    bool ok = first ? (IsPnCharsU(cp) || cp == ':' || IsDigit(cp))
                    : (IsPnChars(cp) || cp == '.' || cp == ':');
    if (!ok) break;
    AppendUtf8(local, cp);
    p += b;
    if (cp != '.') good_end = p, good_len = local.size();
  }
  local.resize(good_len);
  t.kind = local.empty() ? Tok::kPnameNs : Tok::kPnameLn;
  t.local = std::move(local);
  pos_ = good_end;
}

}  // namespace kg::sparql

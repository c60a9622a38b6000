// XSD value parsing, arithmetic and canonical forms; see xsd_value.h for the
// representation chosen for each numeric type.
#include "evaluator/xsd_value.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace kg::sparql::xsd {
namespace {

bool IsXsdSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr Int kIntMax = (Int(1) << 126) + ((Int(1) << 126) - 1);
constexpr Int kIntMin = -kIntMax - 1;

struct IntRange {
  const char* local;
  Int min, max;
};
// XSD 1.0 §3.3.13-§3.3.25: the built-in types derived from xsd:integer.
constexpr Int kI64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::array<IntRange, 13> kIntegerTypes{{
    {"integer", kIntMin, kIntMax},
    {"nonPositiveInteger", kIntMin, 0},
    {"negativeInteger", kIntMin, -1},
    {"long", kI64Min, kI64Max},
    {"int", -2147483648LL, 2147483647LL},
    {"short", -32768, 32767},
    {"byte", -128, 127},
    {"nonNegativeInteger", 0, kIntMax},
    {"unsignedLong", 0, (Int(1) << 64) - 1},
    {"unsignedInt", 0, 4294967295LL},
    {"unsignedShort", 0, 65535},
    {"unsignedByte", 0, 255},
    {"positiveInteger", 1, kIntMax},
}};

const IntRange* FindIntegerType(std::string_view datatype) {
  if (datatype.size() <= kNs.size() || datatype.substr(0, kNs.size()) != kNs) return nullptr;
  std::string_view local = datatype.substr(kNs.size());
  for (const auto& t : kIntegerTypes)
    if (local == t.local) return &t;
  return nullptr;
}

// Shortest decimal digits (1..max_digits) that read back as `v`, printed as
// d.dddE±x; returns mantissa digits and exponent.
template <typename F>
std::pair<std::string, int> ShortestDigits(F v, int max_digits) {
  char buf[64];
  for (int p = 0; p < max_digits; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p, static_cast<double>(v));
    F back;
    if constexpr (std::is_same_v<F, float>) back = std::strtof(buf, nullptr);
    else back = std::strtod(buf, nullptr);
    if (back == v) break;
  }
  std::string s = buf;
  if (s[0] == '-') s.erase(0, 1);
  auto e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t k = 0; k < e; ++k)
    if (IsDigit(s[k])) digits += s[k];
  return {digits, exp};
}

// XSD canonical float/double: one non-zero digit before the point, at least
// one after, "E", exponent without '+' or leading zeros ("1.0E0", "-1.5E-3").
template <typename F>
std::string FormatFloating(F v, int max_digits) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  std::string sign = std::signbit(v) ? "-" : "";
  if (v == 0) return sign + "0.0E0";
  auto [digits, exp] = ShortestDigits<F>(v, max_digits);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string mant = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mant + "E" + std::to_string(exp);
}

}  // namespace

std::string_view TrimXsdWhitespace(std::string_view s) {
  while (!s.empty() && IsXsdSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsXsdSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsIntegerDatatype(std::string_view datatype) { return FindIntegerType(datatype) != nullptr; }

bool IsNumericDatatype(std::string_view datatype) {
  return datatype == kDecimal || datatype == kFloat || datatype == kDouble ||
         IsIntegerDatatype(datatype);
}

bool IntegerInRange(std::string_view datatype, Int value) {
  const IntRange* r = FindIntegerType(datatype);
  return r && value >= r->min && value <= r->max;
}

// XSD §3.3.13 integer: [+-]?[0-9]+ ; beyond 128 bits is refused (see header).
std::optional<Int> ParseIntegerLex(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  size_t k = 0;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    k = 1;
  }
  if (k == s.size()) return std::nullopt;
  Int v = 0;
  for (; k < s.size(); ++k) {
    if (!IsDigit(s[k])) return std::nullopt;
    // Accumulate negatively so that the minimum value parses.
    if (__builtin_mul_overflow(v, Int(10), &v) || __builtin_sub_overflow(v, Int(s[k] - '0'), &v))
      return std::nullopt;
  }
  if (!neg) {
    if (v == kIntMin) return std::nullopt;
    v = -v;
  }
  return v;
}

// XSD §3.2.3 decimal: [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+) — no exponent.
std::optional<long double> ParseDecimalLex(std::string_view s) {
  size_t k = 0;
  if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
  size_t int_digits = 0, frac_digits = 0;
  while (k < s.size() && IsDigit(s[k])) ++k, ++int_digits;
  if (k < s.size() && s[k] == '.') {
    ++k;
    while (k < s.size() && IsDigit(s[k])) ++k, ++frac_digits;
  }
  if (k != s.size() || int_digits + frac_digits == 0) return std::nullopt;
  return std::strtold(std::string(s).c_str(), nullptr);
}

// XSD §3.2.5 double: decimal with optional exponent, or INF, -INF, NaN.
// ("+INF" is XSD 1.1 only and refused.)
std::optional<long double> ParseDoubleLex(std::string_view s) {
  if (s == "INF") return std::numeric_limits<long double>::infinity();
  if (s == "-INF") return -std::numeric_limits<long double>::infinity();
  if (s == "NaN") return std::numeric_limits<long double>::quiet_NaN();
  size_t e = s.find_first_of("eE");
  if (!ParseDecimalLex(s.substr(0, e))) return std::nullopt;
  if (e != std::string_view::npos && !ParseIntegerLex(s.substr(e + 1))) return std::nullopt;
  return std::strtold(std::string(s).c_str(), nullptr);
}

std::optional<bool> ParseBooleanLex(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

std::optional<Numeric> ParseNumeric(const Term& term) {
  if (!term.is_literal()) return std::nullopt;
  const std::string& dt = term.datatype;
  // Literals keep their lexical form; surrounding whitespace is permitted by
  // XSD's whiteSpace=collapse facet.
  std::string_view lex = TrimXsdWhitespace(term.value);
  if (IsIntegerDatatype(dt)) {
    auto v = ParseIntegerLex(lex);
    if (!v || !IntegerInRange(dt, *v)) return std::nullopt;
    return Numeric::Integer(*v);
  }
  if (dt == kDecimal) {
    auto v = ParseDecimalLex(lex);
    if (!v) return std::nullopt;
    return Numeric::Decimal(*v);
  }
  if (dt == kFloat || dt == kDouble) {
    auto v = ParseDoubleLex(lex);
    if (!v) return std::nullopt;
    return dt == kFloat ? Numeric::Float(*v) : Numeric::Double(*v);
  }
  return std::nullopt;
}

std::string FormatInteger(Int v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  std::string out;
  while (v != 0) {
    int d = static_cast<int>(v % 10);
    out += static_cast<char>('0' + (d < 0 ? -d : d));
    v /= 10;
  }
  if (neg) out += '-';
  return {out.rbegin(), out.rend()};
}

// XSD 1.0 canonical decimal: no '+', no leading zeros except one before the
// point, at least one digit after the point, no trailing zeros beyond it.
std::string FormatDecimal(long double v) {
  if (!std::isfinite(v)) return "0.0";  // callers never build such decimals
  if (v == 0) return "0.0";
  char buf[128];
  // 18 significant digits: what an 80-bit long double carries reliably.
  std::snprintf(buf, sizeof buf, "%.17Le", v);
  std::string s = buf;
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  auto e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t k = 0; k < e; ++k)
    if (IsDigit(s[k])) digits += s[k];
  // digits = d0 d1 ... d17 meaning d0.d1d2... × 10^exp
  std::string ip, fp;
  int point = exp + 1;  // digits before the decimal point
  if (point <= 0) {
    ip = "0";
    fp = std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    ip = digits + std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    ip = digits.substr(0, static_cast<size_t>(point));
    fp = digits.substr(static_cast<size_t>(point));
  }
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  if (fp.empty()) fp = "0";
  size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string::npos ? "0" : ip.substr(nz);
  return (neg ? "-" : "") + ip + "." + fp;
}

std::string FormatDouble(double v) { return FormatFloating<double>(v, 17); }
std::string FormatFloat(float v) { return FormatFloating<float>(v, 9); }

Term NumericTerm(const Numeric& n) {
  switch (n.kind) {
    case NumKind::kInteger: return Term::Literal(FormatInteger(n.i), "", kInteger);
    case NumKind::kDecimal: return Term::Literal(FormatDecimal(n.v), "", kDecimal);
    case NumKind::kFloat: return Term::Literal(FormatFloat(static_cast<float>(n.v)), "", kFloat);
    case NumKind::kDouble: return Term::Literal(FormatDouble(static_cast<double>(n.v)), "", kDouble);
  }
  return {};
}

Term BooleanTerm(bool b) { return Term::Literal(b ? "true" : "false", "", kBoolean); }
Term IntegerTerm(Int v) { return Term::Literal(FormatInteger(v), "", kInteger); }

namespace {

NumKind Wider(const Numeric& a, const Numeric& b) { return a.kind > b.kind ? a.kind : b.kind; }

Numeric Make(NumKind kind, long double v) {
  switch (kind) {
    case NumKind::kFloat: return Numeric::Float(v);
    case NumKind::kDouble: return Numeric::Double(v);
    default: return Numeric::Decimal(v);
  }
}

// Round a floating operand to its own precision before promotion so that
// float arithmetic is float arithmetic.
long double Operand(const Numeric& n, NumKind kind) {
  long double v = n.AsLongDouble();
  if (kind == NumKind::kFloat) return static_cast<float>(v);
  if (kind == NumKind::kDouble) return static_cast<double>(v);
  return v;
}

}  // namespace

std::optional<Numeric> Add(const Numeric& a, const Numeric& b) {
  NumKind k = Wider(a, b);
  if (k == NumKind::kInteger) {
    Int r;
    if (__builtin_add_overflow(a.i, b.i, &r)) return std::nullopt;
    return Numeric::Integer(r);
  }
  return Make(k, Operand(a, k) + Operand(b, k));
}

std::optional<Numeric> Subtract(const Numeric& a, const Numeric& b) {
  NumKind k = Wider(a, b);
  if (k == NumKind::kInteger) {
    Int r;
    if (__builtin_sub_overflow(a.i, b.i, &r)) return std::nullopt;
    return Numeric::Integer(r);
  }
  return Make(k, Operand(a, k) - Operand(b, k));
}

std::optional<Numeric> Multiply(const Numeric& a, const Numeric& b) {
  NumKind k = Wider(a, b);
  if (k == NumKind::kInteger) {
    Int r;
    if (__builtin_mul_overflow(a.i, b.i, &r)) return std::nullopt;
    return Numeric::Integer(r);
  }
  return Make(k, Operand(a, k) * Operand(b, k));
}

// XPath op:numeric-divide: xs:integer operands give xs:decimal; division by
// zero is an error for integer and decimal, IEEE (INF/NaN) for float/double.
std::optional<Numeric> Divide(const Numeric& a, const Numeric& b) {
  NumKind k = Wider(a, b);
  if (k == NumKind::kInteger) k = NumKind::kDecimal;
  long double x = Operand(a, k), y = Operand(b, k);
  if (k == NumKind::kDecimal && y == 0) return std::nullopt;
  return Make(k, x / y);
}

std::optional<Numeric> Negate(const Numeric& a) {
  if (a.kind == NumKind::kInteger) {
    if (a.i == kIntMin) return std::nullopt;
    return Numeric::Integer(-a.i);
  }
  return Make(a.kind, -a.v);
}

bool IsNaN(const Numeric& n) { return n.kind != NumKind::kInteger && std::isnan(n.v); }

std::partial_ordering Compare(const Numeric& a, const Numeric& b) {
  if (a.kind == NumKind::kInteger && b.kind == NumKind::kInteger) return a.i <=> b.i;
  NumKind k = Wider(a, b);
  return Operand(a, k) <=> Operand(b, k);
}

// ---- dateTime ------------------------------------------------------------------
namespace {

bool TakeDigits(std::string_view s, size_t& k, size_t n, int& out) {
  if (k + n > s.size()) return false;
  out = 0;
  for (size_t j = 0; j < n; ++j) {
    if (!IsDigit(s[k + j])) return false;
    out = out * 10 + (s[k + j] - '0');
  }
  k += n;
  return true;
}

bool IsLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(std::int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

// XSD §3.2.7: -?yyyy-mm-ddThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?
std::optional<DateTime> ParseDateTime(std::string_view s) {
  DateTime dt;
  size_t k = 0;
  bool neg = false;
  if (k < s.size() && s[k] == '-') neg = true, ++k;
  size_t ystart = k;
  while (k < s.size() && IsDigit(s[k])) ++k;
  size_t ylen = k - ystart;
  if (ylen < 4 || ylen > 18 || (ylen > 4 && s[ystart] == '0')) return std::nullopt;
  dt.year = std::strtoll(std::string(s.substr(ystart, ylen)).c_str(), nullptr, 10);
  if (neg) dt.year = -dt.year;
  int sec = 0;
  if (k >= s.size() || s[k++] != '-' || !TakeDigits(s, k, 2, dt.month) || k >= s.size() ||
      s[k++] != '-' || !TakeDigits(s, k, 2, dt.day) || k >= s.size() || s[k++] != 'T' ||
      !TakeDigits(s, k, 2, dt.hour) || k >= s.size() || s[k++] != ':' ||
      !TakeDigits(s, k, 2, dt.minute) || k >= s.size() || s[k++] != ':' ||
      !TakeDigits(s, k, 2, sec))
    return std::nullopt;
  size_t sec_start = k - 2;
  if (k < s.size() && s[k] == '.') {
    ++k;
    size_t f = k;
    while (k < s.size() && IsDigit(s[k])) ++k;
    if (k == f) return std::nullopt;
  }
  dt.second_lexical = std::string(s.substr(sec_start, k - sec_start));
  dt.second = std::strtold(dt.second_lexical.c_str(), nullptr);
  if (k < s.size()) {
    dt.tz_lexical = std::string(s.substr(k));
    if (s[k] == 'Z') {
      if (k + 1 != s.size()) return std::nullopt;
      dt.tz_minutes = 0;
    } else if (s[k] == '+' || s[k] == '-') {
      int sign = s[k] == '-' ? -1 : 1;
      ++k;
      int th, tm;
      if (!TakeDigits(s, k, 2, th) || k >= s.size() || s[k++] != ':' || !TakeDigits(s, k, 2, tm) ||
          k != s.size() || th > 14 || tm > 59 || (th == 14 && tm != 0))
        return std::nullopt;
      dt.tz_minutes = sign * (th * 60 + tm);
    } else {
      return std::nullopt;
    }
  }
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > DaysInMonth(dt.year, dt.month))
    return std::nullopt;
  // 24:00:00 is allowed (end of day); otherwise hour < 24.
  if (dt.hour == 24) {
    if (dt.minute != 0 || dt.second != 0) return std::nullopt;
  } else if (dt.hour > 23 || dt.minute > 59 || sec > 59) {
    return std::nullopt;
  }
  return dt;
}

std::optional<DateTime> ParseDate(std::string_view s) {
  // -?yyyy-mm-dd, then the timezone: insert the time after the day.
  size_t year_end = s.find('-', s.starts_with('-') ? 1 : 0);
  if (year_end == std::string_view::npos || year_end + 6 > s.size() ||
      s.find('T') != std::string_view::npos)
    return std::nullopt;
  size_t day_end = year_end + 6;  // "-mm-dd"
  return ParseDateTime(std::string(s.substr(0, day_end)) + "T00:00:00" + std::string(s.substr(day_end)));
}

long double TimelineSeconds(const DateTime& dt) {
  long double days = static_cast<long double>(DaysFromCivil(dt.year, dt.month, dt.day));
  long double s = days * 86400.0L + dt.hour * 3600.0L + dt.minute * 60.0L + dt.second;
  if (dt.tz_minutes) s -= *dt.tz_minutes * 60.0L;
  return s;
}

std::partial_ordering Compare(const DateTime& a, const DateTime& b) {
  long double x = TimelineSeconds(a), y = TimelineSeconds(b);
  if (a.tz_minutes.has_value() == b.tz_minutes.has_value()) return x <=> y;
  // One side has no timezone: it may be anywhere in [-14:00, +14:00].
  constexpr long double kWindow = 14 * 3600.0L;
  bool a_local = !a.tz_minutes.has_value();
  long double lo = (a_local ? x : y) - kWindow, hi = (a_local ? x : y) + kWindow;
  long double other = a_local ? y : x;
  std::partial_ordering local_vs_other = std::partial_ordering::unordered;
  if (hi < other) local_vs_other = std::partial_ordering::less;
  else if (lo > other) local_vs_other = std::partial_ordering::greater;
  if (local_vs_other == std::partial_ordering::unordered || a_local) return local_vs_other;
  return local_vs_other == std::partial_ordering::less ? std::partial_ordering::greater
                                                       : std::partial_ordering::less;
}

std::string FormatDateTime(const DateTime& in) {
  DateTime dt = in;
  if (dt.hour == 24) {  // 24:00:00 is 00:00:00 of the next day
    dt.hour = 0;
    if (++dt.day > DaysInMonth(dt.year, dt.month)) {
      dt.day = 1;
      if (++dt.month > 12) dt.month = 1, ++dt.year;
    }
  }
  char buf[96];
  std::int64_t y = dt.year < 0 ? -dt.year : dt.year;
  std::snprintf(buf, sizeof buf, "%s%04lld-%02d-%02dT%02d:%02d:", dt.year < 0 ? "-" : "",
                static_cast<long long>(y), dt.month, dt.day, dt.hour, dt.minute);
  std::string out = buf;
  // Seconds: two integer digits, fraction without trailing zeros.
  std::string sec = dt.second_lexical.empty() ? "00" : dt.second_lexical;
  if (sec.find('.') != std::string::npos) {
    while (sec.back() == '0') sec.pop_back();
    if (sec.back() == '.') sec.pop_back();
  }
  out += sec;
  if (dt.tz_minutes) {
    if (*dt.tz_minutes == 0) {
      out += 'Z';
    } else {
      int m = *dt.tz_minutes < 0 ? -*dt.tz_minutes : *dt.tz_minutes;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", *dt.tz_minutes < 0 ? '-' : '+', m / 60, m % 60);
      out += buf;
    }
  }
  return out;
}

std::string FormatTimezoneDuration(int minutes) {
  if (minutes == 0) return "PT0S";
  std::string out = minutes < 0 ? "-PT" : "PT";
  int m = minutes < 0 ? -minutes : minutes;
  if (m / 60) out += std::to_string(m / 60) + "H";
  if (m % 60) out += std::to_string(m % 60) + "M";
  return out;
}

}  // namespace kg::sparql::xsd

// XSD values behind SPARQL expressions (https://www.w3.org/TR/xmlschema-2/):
// parsing lexical forms of numbers, booleans and dateTimes into values,
// arithmetic with the numeric type promotion of XPath (§17.3 "Operator
// Mapping", XPath F&O §6.2), and canonical lexical forms for results.
//
// Numeric representation (a documented simplification):
//  - xsd:integer (and its derived types) is a 128-bit integer: exact for any
//    value up to ±1.7e38; arithmetic that leaves that range is an error.
//  - xsd:decimal is a long double (x87 80-bit, 64-bit mantissa, ~18
//    significant decimal digits). Results are printed with 18 significant
//    digits, which hides binary rounding for ordinary decimals (0.1 + 0.2 gives
//    "0.3"), but decimals beyond 18 digits are not exact as XSD requires.
//  - xsd:float / xsd:double are IEEE float / double, rounded after every step.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/term.h"

namespace kg::sparql::xsd {

inline const std::string kNs = "http://www.w3.org/2001/XMLSchema#";
inline const std::string kString = kNs + "string";
inline const std::string kBoolean = kNs + "boolean";
inline const std::string kInteger = kNs + "integer";
inline const std::string kDecimal = kNs + "decimal";
inline const std::string kFloat = kNs + "float";
inline const std::string kDouble = kNs + "double";
inline const std::string kDateTime = kNs + "dateTime";
inline const std::string kDate = kNs + "date";
inline const std::string kDayTimeDuration = kNs + "dayTimeDuration";

// Lexical-space helpers.
std::string_view TrimXsdWhitespace(std::string_view s);  // whiteSpace="collapse" ends

// ---- Numbers -----------------------------------------------------------------
using Int = __int128;

// Order matters: it is the promotion order integer < decimal < float < double.
enum class NumKind { kInteger = 0, kDecimal = 1, kFloat = 2, kDouble = 3 };

struct Numeric {
  NumKind kind = NumKind::kInteger;
  Int i = 0;          // kInteger
  long double v = 0;  // kDecimal / kFloat / kDouble
  long double AsLongDouble() const { return kind == NumKind::kInteger ? static_cast<long double>(i) : v; }
  static Numeric Integer(Int x) { return {NumKind::kInteger, x, 0}; }
  static Numeric Decimal(long double x) { return {NumKind::kDecimal, 0, x}; }
  static Numeric Float(long double x) { return {NumKind::kFloat, 0, static_cast<float>(x)}; }
  static Numeric Double(long double x) { return {NumKind::kDouble, 0, static_cast<double>(x)}; }
};

// True for xsd:integer, decimal, float, double and the built-in types derived
// from xsd:integer (long, int, short, byte, nonNegativeInteger, ...).
bool IsNumericDatatype(std::string_view datatype);
bool IsIntegerDatatype(std::string_view datatype);
// Range check of the derived integer types (xsd:byte is -128..127, ...).
bool IntegerInRange(std::string_view datatype, Int value);

// Parsers of the lexical spaces; nullopt when the lexical form is invalid.
std::optional<Int> ParseIntegerLex(std::string_view s);
std::optional<long double> ParseDecimalLex(std::string_view s);
std::optional<long double> ParseDoubleLex(std::string_view s);  // float too: INF, -INF, NaN, 1e5
std::optional<bool> ParseBooleanLex(std::string_view s);         // true false 1 0

// The value of a numeric literal; nullopt if not numeric or ill-formed.
std::optional<Numeric> ParseNumeric(const Term& term);

// Canonical lexical forms (XSD 1.0 §3.2.*, canonical representation).
std::string FormatInteger(Int v);
std::string FormatDecimal(long double v);  // "1.0", "-0.5", "100.25"
std::string FormatDouble(double v);        // "1.0E0", "1.5E-3", "INF", "NaN"
std::string FormatFloat(float v);
// A typed literal with the canonical lexical form of `n` (xsd:integer,
// xsd:decimal, xsd:float or xsd:double).
Term NumericTerm(const Numeric& n);
Term BooleanTerm(bool b);
Term IntegerTerm(Int v);

// Arithmetic (§17.3 op:numeric-add ...): both operands are promoted to the
// wider kind; integer / integer is a decimal (XPath op:numeric-divide).
// Errors: integer overflow, integer or decimal division by zero.
std::optional<Numeric> Add(const Numeric& a, const Numeric& b);
std::optional<Numeric> Subtract(const Numeric& a, const Numeric& b);
std::optional<Numeric> Multiply(const Numeric& a, const Numeric& b);
std::optional<Numeric> Divide(const Numeric& a, const Numeric& b);
std::optional<Numeric> Negate(const Numeric& a);
// op:numeric-equal / op:numeric-less-than; NaN compares unordered.
std::partial_ordering Compare(const Numeric& a, const Numeric& b);
bool IsNaN(const Numeric& n);

// ---- dateTime ------------------------------------------------------------------
struct DateTime {
  std::int64_t year = 0;  // may be negative (XSD 1.0: no year 0; we accept it)
  int month = 1, day = 1, hour = 0, minute = 0;
  long double second = 0;            // with fraction
  std::optional<int> tz_minutes;     // offset from UTC; nullopt = no timezone
  std::string tz_lexical;            // "Z", "-05:00", "" (as written, for TZ())
  std::string second_lexical;        // "13.815" as written, for SECONDS()
};

std::optional<DateTime> ParseDateTime(std::string_view s);
// xsd:date (-?yyyy-mm-dd with optional timezone) as the dateTime of its first
// instant, so that dates compare like dateTimes (XPath op:date-equal etc.).
std::optional<DateTime> ParseDate(std::string_view s);
// Canonical lexical form of a dateTime: 24:00:00 becomes the next day's
// 00:00:00, "+00:00" becomes "Z", fractional trailing zeros are dropped.
std::string FormatDateTime(const DateTime& dt);
// op:dateTime-equal / -less-than (XPath F&O §10.4.6, XSD 1.0 §3.2.7.4): two
// values with timezones, or two without, compare on the timeline; a value
// without timezone against one with a timezone is ordered only if it is
// outside the ±14 hours window, otherwise the result is unordered
// (indeterminate) and the SPARQL operator raises a type error.
std::partial_ordering Compare(const DateTime& a, const DateTime& b);
// Seconds on the timeline treating "no timezone" as UTC: a total order key.
long double TimelineSeconds(const DateTime& dt);

// xsd:dayTimeDuration canonical form of a timezone offset: PT0S, -PT5H, PT5H30M.
std::string FormatTimezoneDuration(int minutes);

}  // namespace kg::sparql::xsd

// §17.4.5 functions on dates and times: NOW, YEAR, MONTH, DAY, HOURS,
// MINUTES, SECONDS, TIMEZONE, TZ. The accessors take an xsd:dateTime and
// return the components as written (XPath fn:year-from-dateTime etc. do not
// normalize to UTC).
#include <array>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

std::optional<xsd::DateTime> DateTimeArg(const Term& t) {
  if (!t.is_literal() || t.datatype != xsd::kDateTime) return std::nullopt;
  return xsd::ParseDateTime(xsd::TrimXsdWhitespace(t.value));
}

// 24:00:00 is the first instant of the next day for the accessors too.
std::optional<xsd::DateTime> Normalized(const Term& t) {
  auto dt = DateTimeArg(t);
  if (!dt) return std::nullopt;
  if (dt->hour == 24) return xsd::ParseDateTime(xsd::FormatDateTime(*dt));
  return dt;
}

Result Now(const Args&, ExprContext& ctx) {  // §17.4.5.1: fixed per query
  return Term::Literal(ctx.Now(), "", xsd::kDateTime);
}

Result Year(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  return xsd::IntegerTerm(dt->year);
}
Result Month(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  return xsd::IntegerTerm(dt->month);
}
Result Day(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  return xsd::IntegerTerm(dt->day);
}
Result Hours(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  return xsd::IntegerTerm(dt->hour);
}
Result Minutes(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  return xsd::IntegerTerm(dt->minute);
}
// §17.4.5.7 SECONDS: xsd:decimal, from the lexical seconds (exact).
Result Seconds(const Args& a, ExprContext&) {
  auto dt = Normalized(a[0]);
  if (!dt) return std::nullopt;
  std::string lex = dt->second_lexical;
  if (lex.find('.') == std::string::npos) lex += ".0";
  while (lex.size() > 1 && lex[0] == '0' && lex[1] != '.') lex.erase(0, 1);
  while (lex.back() == '0' && lex[lex.size() - 2] != '.') lex.pop_back();
  return Term::Literal(lex, "", xsd::kDecimal);
}
// §17.4.5.8 TIMEZONE: xsd:dayTimeDuration; error without a timezone.
Result Timezone(const Args& a, ExprContext&) {
  auto dt = DateTimeArg(a[0]);
  if (!dt || !dt->tz_minutes) return std::nullopt;
  return Term::Literal(xsd::FormatTimezoneDuration(*dt->tz_minutes), "", xsd::kDayTimeDuration);
}
// §17.4.5.9 TZ: the timezone as written, "" without one.
Result Tz(const Args& a, ExprContext&) {
  auto dt = DateTimeArg(a[0]);
  if (!dt) return std::nullopt;
  return SimpleString(dt->tz_lexical);
}

constexpr std::array<Builtin, 9> kBuiltins{{
    {"NOW", 0, 0, Now},
    {"YEAR", 1, 1, Year},
    {"MONTH", 1, 1, Month},
    {"DAY", 1, 1, Day},
    {"HOURS", 1, 1, Hours},
    {"MINUTES", 1, 1, Minutes},
    {"SECONDS", 1, 1, Seconds},
    {"TIMEZONE", 1, 1, Timezone},
    {"TZ", 1, 1, Tz},
}};

}  // namespace

std::span<const Builtin> DateTimeBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

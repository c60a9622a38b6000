// §17.5 XSD casts (the XPath casting table as SPARQL 1.1 restricts it).
#include <gtest/gtest.h>

#include "expr_test_util.h"

namespace kg::sparql::test {
namespace {

TEST(CastTest, ToString) {
  RunCases({
      {"string", Cast("string", S("a")), S("a")},
      {"iri", Cast("string", Iri("http://a/b")), S("http://a/b")},
      {"integer", Cast("string", I("007")), S("7")},
      {"decimal whole", Cast("string", D("1.0")), S("1")},
      {"decimal", Cast("string", D("+01.50")), S("1.5")},
      {"double plain range", Cast("string", Dbl("1.5e0")), S("1.5")},
      {"double whole", Cast("string", Dbl("100")), S("100")},
      {"double large", Cast("string", Dbl("1e7")), S("1.0E7")},
      {"double small", Cast("string", Dbl("1e-7")), S("1.0E-7")},
      {"double INF", Cast("string", Dbl("INF")), S("INF")},
      {"float", Cast("string", F("0.1")), S("0.1")},
      {"boolean 1", Cast("string", Typed("1", "boolean")), S("true")},
      {"dateTime", Cast("string", DT("2002-10-10T12:00:00+00:00")), S("2002-10-10T12:00:00Z")},
      {"blank error", Cast("string", Blank("b")), kError},
      {"ill-formed int error", Cast("string", I("x")), kError},
      {"unknown datatype error", Cast("string", Term::Literal("a", "", "http://t")), kError},
  });
}

TEST(CastTest, ToNumeric) {
  RunCases({
      {"int from string", Cast("integer", S("12")), I("12")},
      {"int from padded string", Cast("integer", S(" +012 ")), I("12")},
      {"int from '1.5' error", Cast("integer", S("1.5")), kError},
      {"int from 'abc' error", Cast("integer", S("abc")), kError},
      {"int from decimal truncates", Cast("integer", D("-1.7")), I("-1")},
      {"int from double", Cast("integer", Dbl("2.9e0")), I("2")},
      {"int from NaN error", Cast("integer", Dbl("NaN")), kError},
      {"int from INF error", Cast("integer", Dbl("INF")), kError},
      {"int from true", Cast("integer", B(true)), I("1")},
      {"int from dateTime error", Cast("integer", DT("2002-10-10T12:00:00Z")), kError},
      {"int from IRI error", Cast("integer", Iri("http://a")), kError},
      {"decimal from string", Cast("decimal", S("1.50")), D("1.5")},
      {"decimal from int string", Cast("decimal", S("3")), D("3.0")},
      {"decimal from exp string error", Cast("decimal", S("1e3")), kError},
      {"decimal from int", Cast("decimal", I("3")), D("3.0")},
      {"decimal from double", Cast("decimal", Dbl("2.5")), D("2.5")},
      {"decimal from INF error", Cast("decimal", Dbl("INF")), kError},
      {"decimal from false", Cast("decimal", B(false)), D("0.0")},
      {"double from string", Cast("double", S("1")), Dbl("1.0E0")},
      {"double from exp string", Cast("double", S("-1.5e3")), Dbl("-1.5E3")},
      {"double from INF string", Cast("double", S("INF")), Dbl("INF")},
      {"double from junk error", Cast("double", S("1x")), kError},
      {"double from int", Cast("double", I("10")), Dbl("1.0E1")},
      {"float from string", Cast("float", S("0.5")), F("5.0E-1")},
      {"float from double rounds", Cast("float", Dbl("0.1")), F("1.0E-1")},
      {"byte in range", Cast("byte", S("100")), Typed("100", "byte")},
      {"byte out of range error", Cast("byte", I("300")), kError},
      {"nonNegativeInteger error", Cast("nonNegativeInteger", I("-1")), kError},
      {"long from decimal", Cast("long", D("5.5")), Typed("5", "long")},
      {"unknown target", Fn(kXsd + "gYear", {S("2001")}), kError},
  });
}

TEST(CastTest, ToBooleanAndDateTime) {
  RunCases({
      {"bool '1'", Cast("boolean", S("1")), B(true)},
      {"bool '0'", Cast("boolean", S("0")), B(false)},
      {"bool 'true'", Cast("boolean", S("true")), B(true)},
      {"bool 'TRUE' error", Cast("boolean", S("TRUE")), kError},
      {"bool 'yes' error", Cast("boolean", S("yes")), kError},
      {"bool from 0", Cast("boolean", I("0")), B(false)},
      {"bool from 2.5", Cast("boolean", D("2.5")), B(true)},
      {"bool from NaN", Cast("boolean", Dbl("NaN")), B(false)},
      {"bool from bool", Cast("boolean", Typed("1", "boolean")), B(true)},
      {"bool from dateTime error", Cast("boolean", DT("2002-10-10T12:00:00Z")), kError},
      {"dateTime from string", Cast("dateTime", S("2002-10-10T12:00:00-05:00")),
       DT("2002-10-10T12:00:00-05:00")},
      {"dateTime canonical", Cast("dateTime", S("2002-10-10T12:00:00.500+00:00")),
       DT("2002-10-10T12:00:00.5Z")},
      {"dateTime from bad string", Cast("dateTime", S("2002-10-10")), kError},
      {"dateTime bad day", Cast("dateTime", S("2002-02-30T00:00:00")), kError},
      {"dateTime leap day", Cast("dateTime", S("2004-02-29T00:00:00")), DT("2004-02-29T00:00:00")},
      {"dateTime from int error", Cast("dateTime", I("1")), kError},
      {"dateTime from dateTime", Cast("dateTime", DT("2002-10-10T12:00:00Z")), DT("2002-10-10T12:00:00Z")},
  });
}

}  // namespace
}  // namespace kg::sparql::test

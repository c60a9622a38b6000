#include "serialize/sparql_xml.h"

#include "serialize/xml_escape.h"

namespace kg {
namespace {

constexpr const char* kHeader =
    "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

void WriteTerm(std::string& out, const Term& t) {
  switch (t.kind) {
    case Term::Kind::kIri:
      out += "<uri>";
      AppendXmlEscaped(out, t.value);
      out += "</uri>";
      break;
    case Term::Kind::kBlank:
      out += "<bnode>";
      AppendXmlEscaped(out, t.value);
      out += "</bnode>";
      break;
    case Term::Kind::kLiteral:
      out += "<literal";
      if (!t.language.empty()) {
        out += " xml:lang=\"";
        AppendXmlEscaped(out, t.language);
        out += '"';
      } else if (!t.datatype.empty()) {
        out += " datatype=\"";
        AppendXmlEscaped(out, t.datatype);
        out += '"';
      }
      out += '>';
      AppendXmlEscaped(out, t.value);
      out += "</literal>";
      break;
  }
}

}  // namespace

std::string WriteSparqlXml(const ResultSet& results) {
  std::string out = kHeader;
  out += "  <head>\n";
  for (const auto& v : results.variables) {
    out += "    <variable name=\"";
    AppendXmlEscaped(out, v);
    out += "\"/>\n";
  }
  out += "  </head>\n  <results>\n";
  for (const auto& row : results.rows) {
    out += "    <result>\n";
    for (std::size_t i = 0; i < row.size() && i < results.variables.size(); ++i) {
      if (!row[i]) continue;
      out += "      <binding name=\"";
      AppendXmlEscaped(out, results.variables[i]);
      out += "\">";
      WriteTerm(out, *row[i]);
      out += "</binding>\n";
    }
    out += "    </result>\n";
  }
  out += "  </results>\n</sparql>\n";
  return out;
}

std::string WriteSparqlXml(bool boolean) {
  return std::string(kHeader) + "  <head/>\n  <boolean>" + (boolean ? "true" : "false") +
         "</boolean>\n</sparql>\n";
}

}  // namespace kg

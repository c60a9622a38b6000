#include "core/ntriples.h"

#include <cstdio>

namespace kg {
namespace {

void AppendUnicodeEscape(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", c);
  out += buf;
}

void AppendEscapedString(std::string& out, const std::string& s) {
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) AppendUnicodeEscape(out, c);
        else out += static_cast<char>(c);
    }
  }
}

void AppendIri(std::string& out, const std::string& iri) {
  out += '<';
  for (unsigned char c : iri) {
    // IRIREF excludes these (N-Triples 1.1 grammar [8]).
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\')
      AppendUnicodeEscape(out, c);
    else
      out += static_cast<char>(c);
  }
  out += '>';
}

}  // namespace

void AppendNTriplesTerm(std::string& out, const Term& t) {
  switch (t.kind) {
    case Term::Kind::kIri:
      AppendIri(out, t.value);
      break;
    case Term::Kind::kBlank:
      out += "_:";
      for (char c : t.value) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
        out += ok ? c : '_';
      }
      break;
    case Term::Kind::kLiteral:
      out += '"';
      AppendEscapedString(out, t.value);
      out += '"';
      if (!t.language.empty()) {
        out += '@';
        out += t.language;
      } else if (!t.datatype.empty()) {
        out += "^^";
        AppendIri(out, t.datatype);
      }
      break;
  }
}

std::string ToNTriples(const Term& t) {
  std::string s;
  AppendNTriplesTerm(s, t);
  return s;
}

void AppendNTriplesLine(std::string& out, const Triple& t) {
  AppendNTriplesTerm(out, t.subject);
  out += ' ';
  AppendNTriplesTerm(out, t.predicate);
  out += ' ';
  AppendNTriplesTerm(out, t.object);
  out += " .\n";
}

}  // namespace kg

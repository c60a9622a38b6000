#include "serialize/csv.h"

namespace kg {
namespace {

void Field(std::string& out, const std::string& v) {
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string WriteCsv(const ResultSet& results) {
  std::string out;
  for (std::size_t i = 0; i < results.variables.size(); ++i) {
    if (i) out += ',';
    Field(out, results.variables[i]);
  }
  out += "\r\n";
  for (const auto& row : results.rows) {
    for (std::size_t i = 0; i < results.variables.size(); ++i) {
      if (i) out += ',';
      if (i < row.size() && row[i]) {
        const Term& t = *row[i];
        Field(out, t.is_blank() ? "_:" + t.value : t.value);
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string WriteCsv(bool boolean) {
  return std::string("_askResult\r\n") + (boolean ? "true" : "false") + "\r\n";
}

}  // namespace kg

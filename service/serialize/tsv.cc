#include "serialize/tsv.h"

#include "core/ntriples.h"

namespace kg {

std::string WriteTsv(const ResultSet& results) {
  std::string out;
  for (std::size_t i = 0; i < results.variables.size(); ++i) {
    if (i) out += '\t';
    out += '?';
    out += results.variables[i];
  }
  out += '\n';
  for (const auto& row : results.rows) {
    for (std::size_t i = 0; i < results.variables.size(); ++i) {
      if (i) out += '\t';
      // N-Triples escaping turns TAB and newlines inside literals into \t \n.
      if (i < row.size() && row[i]) AppendNTriplesTerm(out, *row[i]);
    }
    out += '\n';
  }
  return out;
}

std::string WriteTsv(bool boolean) {
  return std::string("?_askResult\n") + (boolean ? "true" : "false") + "\n";
}

}  // namespace kg

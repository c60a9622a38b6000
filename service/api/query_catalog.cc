#include "api/query_catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include "parser/parser.h"

namespace kg::api {

Result<NamedQuery> CheckNamedQuery(const std::string& name, const std::string& file,
                                   const std::string& text) {
  auto q = ParseNamedQuery(name, text);
  if (!q.ok()) {
    Error e = q.error();
    e.message = file + ": bad header: " + e.message;
    return e;
  }
  auto parsed = sparql::ParseQuery(text);
  if (!parsed.ok()) {
    Error e = parsed.error();
    e.message = file + ": SPARQL syntax error: " + e.message;
    e.code = Error::Code::kSyntax;
    return e;
  }
  q->file = file;
  q->is_select_or_ask = parsed->form == sparql::Query::Form::kSelect ||
                        parsed->form == sparql::Query::Form::kAsk;
  return q;
}

Result<QueryCatalog> LoadQueryCatalog(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error::Io("queries folder " + dir + " is not a folder");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".rq") files.push_back(it->path());
  if (ec) return Error::Io("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  QueryCatalog catalog;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Error::Io("cannot read " + f.string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string name = fs::relative(f, dir).replace_extension().generic_string();
    auto q = CheckNamedQuery(name, f.string(), ss.str());
    if (!q.ok()) return q.error();
    catalog.emplace(name, std::move(q.value()));
  }
  return catalog;
}

}  // namespace kg::api

// /update and updates POSTed to /sparql: SPARQL 1.1 Protocol §2.2 and
// SPARQL 1.1 Update, behind the write token of the Graph Store Protocol.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "evaluator/update.h"
#include "handlers/handlers.h"
#include "parse/jsonld.h"
#include "store/rdf_codec.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// LOAD <iri>: only file:// IRIs of files under `load_dir`.
Result<Graph> LoadLocalFile(const std::string& load_dir, const std::string& iri) {
  if (load_dir.empty())
    return Error::Forbidden("LOAD <" + iri +
                            ">: LOAD is disabled on this server (kg serve --load-dir DIR enables "
                            "file:// IRIs under DIR)");
  std::string rest;
  if (iri.rfind("file:///", 0) == 0) rest = iri.substr(7);
  else if (iri.rfind("file://localhost/", 0) == 0) rest = iri.substr(16);
  else
    return Error::Forbidden("LOAD <" + iri + ">: only file:// IRIs under the load directory are allowed");
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && HexValue(rest[i + 1]) >= 0 &&
        HexValue(rest[i + 2]) >= 0) {
      path += static_cast<char>(HexValue(rest[i + 1]) * 16 + HexValue(rest[i + 2]));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  std::error_code ec;
  fs::path dir = fs::canonical(load_dir, ec);
  if (ec) return Error::Io("LOAD: the load directory " + load_dir + " is not readable");
  fs::path file = fs::canonical(path, ec);
  if (ec || !fs::is_regular_file(file))
    return Error::Io("LOAD <" + iri + ">: no such file");
  auto rel = file.lexically_relative(dir);
  if (rel.empty() || *rel.begin() == "..")
    return Error::Forbidden("LOAD <" + iri + ">: the file is not under the load directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error::Io("LOAD <" + iri + ">: cannot read the file");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Graph> graph = Error::Internal("unread");
  if (file.extension() == ".jsonld") {
    graph = ReadJsonLd(ss.str(), iri);
  } else {
    auto syntax = RdfSyntaxFromExtension(file.string());
    if (!syntax) return Error::Io("LOAD <" + iri + ">: unknown RDF file extension");
    auto parsed = RdfCodec::ForThisThread().Parse(ss.str(), *syntax, iri);
    if (!parsed.ok()) graph = parsed.error();
    else graph = std::move(parsed->triples);
  }
  // A document that does not parse is a failure of the LOAD, not a syntax
  // error of the update request.
  if (!graph.ok()) return Error::Io("LOAD <" + iri + ">: " + graph.error().ToString());
  return graph;
}

}  // namespace

Result<Response> RunUpdate(const Request& request, const SparqlRequest& update,
                           ServiceContext& ctx) {
  if (auto st = AuthorizeWrite(request, ctx.config); !st.ok()) return st.error();
  sparql::UpdateOptions options;
  options.using_graphs = update.using_graphs;
  options.using_named = update.using_named;
  const std::string load_dir = ctx.config.load_dir;
  options.load = [load_dir](const std::string& iri) { return LoadLocalFile(load_dir, iri); };
  options.limits = QueryLimitsFor(update, ctx.config);
  options.limits.max_results = 0;  // WHERE solutions of an update are not an answer
  options.journal = ctx.journal;
  auto result = sparql::ExecuteUpdate(ctx.store, update.update, options);
  if (!result.ok()) return ExplainTimeout(result.error(), update, ctx.config);
  ctx.metrics.SetTriplesLoaded(ctx.store.Size());
  Response r;
  r.status = 204;
  return r;
}

Result<Response> HandleUpdate(const Request& request, ServiceContext& ctx) {
  auto parsed = ParseUpdateRequest(request);
  if (!parsed.ok()) return parsed.error();
  return RunUpdate(request, *parsed, ctx);
}

}  // namespace kg

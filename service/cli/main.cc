// kg: one binary, subcommands over the same libraries as the server, so the
// CLI and the service can never drift apart.
//   kg serve    serve the graph over HTTP (SPARQL Protocol, Graph Store, ...)
//   kg query    run one SPARQL query offline against the same store
//   kg docs     generate the documentation (static HTML site, Markdown)
//   kg version  print the version
// Exit codes: 0 ok, 1 runtime failure, 2 usage error.
#include <boost/program_options.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/api.h"
#include "docs/docs.h"
#include "docs/serve.h"
#include "evaluator/engine.h"
#include "handlers/context.h"
#include "http/server.h"
#include "parse/rdf_input.h"
#include "serialize/negotiate.h"
#include "serialize/serialize.h"
#include "store/store.h"
#include "store/store_change.h"

#ifndef KG_VERSION
#define KG_VERSION "0.0.0"
#endif
#ifndef KG_DEFAULT_QUERIES
#define KG_DEFAULT_QUERIES "queries"
#endif
#ifndef KG_DEFAULT_ASSETS
#define KG_DEFAULT_ASSETS "service/ui/assets"
#endif
#ifndef KG_DEFAULT_DATA
#define KG_DEFAULT_DATA "ontology"
#endif

namespace po = boost::program_options;

namespace {

constexpr int kOk = 0, kFailure = 1, kUsage = 2;

const char* kTopHelp =
    "kg - the Utrecht Leert knowledge graph service\n\n"
    "usage: kg <command> [options]\n\n"
    "commands:\n"
    "  serve     serve the knowledge graph over HTTP: browsing pages at /, SPARQL 1.1\n"
    "            Protocol at /sparql, Graph Store Protocol at /rdf-graphs, the API at\n"
    "            /api/, the documentation at /docs/, /healthz, /metrics\n"
    "  query     run a SPARQL query offline against the same store and print the answer\n"
    "  docs      generate the documentation of the graph: a static HTML site and/or Markdown\n"
    "  version   print the version\n\n"
    "'kg <command> --help' describes each command's options.\n";

std::string DefaultData() {
  // The built-in graph: ./ontology when run from a checkout, else the
  // ontology/ of the source tree kg was built from.
  if (std::filesystem::is_directory("ontology")) return "ontology";
  return KG_DEFAULT_DATA;
}

unsigned DefaultWorkers() {
  unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

std::string DefaultQueries() {
  // The named queries: ./queries when run from a checkout, else the queries/
  // of the source tree kg was built from.
  if (std::filesystem::is_directory("queries")) return "queries";
  return KG_DEFAULT_QUERIES;
}

std::string DefaultAssets() {
  // The browsing pages' static files: ./service/ui/assets when run from a
  // checkout, else those of the source tree kg was built from.
  if (std::filesystem::is_directory("service/ui/assets")) return "service/ui/assets";
  return KG_DEFAULT_ASSETS;
}

void AddDataOptions(po::options_description& d) {
  d.add_options()
      ("data,d", po::value<std::vector<std::string>>()->composing(),
       "RDF file or folder to load, repeatable (default: the built-in ontology/). Each file "
       "becomes a named graph named by its file:// IRI.")
      ("empty", "start with an empty store (no --data, no built-in graph)")
      ("engine", po::value<std::string>()->default_value("kg"),
       "SPARQL engine: kg (kg's own SPARQL 1.1 engine) or rasqal (Redland/Rasqal 0.9.33, for "
       "comparison; kg's parser checks each query first)")
      ("storage", po::value<std::string>()->default_value("trees"),
       "librdf storage per graph: trees (indexed, default) or hashes (for comparison)")
      ("no-union-default-graph",
       "the default graph is only what was stored in it, not the union of all named graphs");
}

// --base, for the commands that link concepts (serve, docs).
void AddBaseOption(po::options_description& d) {
  d.add_options()("base", po::value<std::string>()->default_value(kg::vocabulary::kDefaultBase),
                  "base IRI of the graph's concepts, schemes and works: concepts are base + "
                  "'begrip/' + id, the ontology namespace base + 'def#'");
}

// What is wrong with --base, or "": it must be an absolute http(s) IRI that
// ends in '/' (ids are appended to it).
std::string BaseProblem(const po::variables_map& vm) {
  const std::string base = vm["base"].as<std::string>();
  const bool http = base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0;
  if (!http || base.back() != '/' || base.find_first_of(" <>\"{}|\\^`") != std::string::npos)
    return "--base must be an absolute http(s) IRI ending in '/', e.g. " +
           std::string(kg::vocabulary::kDefaultBase) + " (got '" + base + "')";
  return "";
}

struct Loaded {
  std::unique_ptr<kg::Store> store;
  kg::LoadReport report;
};

std::optional<kg::StoreOptions> StoreOptionsFrom(const po::variables_map& vm) {
  kg::StoreOptions so;
  so.union_default_graph = !vm.count("no-union-default-graph");
  so.storage = vm["storage"].as<std::string>();
  if (so.storage != "trees" && so.storage != "hashes") {
    std::fprintf(stderr, "kg: --storage must be trees or hashes\n");
    return std::nullopt;
  }
  return so;
}

std::vector<std::string> DataPaths(const po::variables_map& vm) {
  std::vector<std::string> paths = vm.count("data")
                                       ? vm["data"].as<std::vector<std::string>>()
                                       : std::vector<std::string>{DefaultData()};
  if (vm.count("empty")) paths.clear();
  return paths;
}

std::optional<Loaded> LoadStore(const po::variables_map& vm) {
  auto so = StoreOptionsFrom(vm);
  if (!so) return std::nullopt;
  Loaded l{std::make_unique<kg::Store>(*so), {}};
  auto report = kg::LoadPaths(*l.store, DataPaths(vm));
  if (!report.ok()) {
    std::fprintf(stderr, "kg: %s\n", report.error().ToString().c_str());
    return std::nullopt;
  }
  l.report = std::move(report.value());
  for (const auto& w : l.report.warnings) std::fprintf(stderr, "kg: warning: %s\n", w.c_str());
  return l;
}

int Usage(const std::string& message, const po::options_description& d) {
  std::cerr << "kg: " << message << "\n\n" << d;
  return kUsage;
}

int Serve(int argc, char** argv) {
  po::options_description d("kg serve [options]\n\nServe the knowledge graph over HTTP");
  d.add_options()("help,h", "show this help")
      ("host", po::value<std::string>()->default_value("127.0.0.1"), "address to listen on")
      ("port,p", po::value<unsigned short>()->default_value(7878), "port (0: any free port)")
      ("write-token", po::value<std::string>(),
       "bearer token that allows writes: Graph Store Protocol and SPARQL Update at /sparql and "
       "/update (or env KG_WRITE_TOKEN); without one the server is read-only")
      ("load-dir", po::value<std::string>(),
       "SPARQL Update LOAD may read file:// IRIs of files under this directory (default: none, "
       "every LOAD fails unless SILENT)")
      ("public-base", po::value<std::string>(),
       "absolute base URL of the service as clients see it (default: from the Host header)")
      ("body-limit", po::value<std::size_t>()->default_value(16 * 1024 * 1024),
       "largest request body in bytes (413 above)")
      ("read-timeout", po::value<int>()->default_value(30), "seconds to read a request")
      ("idle-timeout", po::value<int>()->default_value(15),
       "seconds a keep-alive connection may wait for its next request")
      ("max-connections", po::value<std::size_t>()->default_value(256),
       "open connections at most; more are answered 503 with Retry-After and closed")
      ("max-queue", po::value<std::size_t>()->default_value(64),
       "requests waiting for the store at most; more are answered 503 with Retry-After")
      ("query-timeout", po::value<double>()->default_value(10),
       "seconds a query may run (kg engine) before it is stopped with 503; a request's "
       "'timeout' parameter may ask for less")
      ("max-results", po::value<std::size_t>()->default_value(100000),
       "solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) an answer may have; a larger answer "
       "is a 400 naming the limit, never cut silently (0: no limit)")
      ("workers", po::value<unsigned>()->default_value(DefaultWorkers()),
       "worker threads, each with its own copy of the store (default: the number of cores)")
      ("queries", po::value<std::string>(),
       "folder of named queries (*.rq, recursively) served under /api/queries/ (default: the "
       "built-in queries/); a file that does not parse stops the start")
      ("assets", po::value<std::string>(),
       "folder of the browsing pages' static files (CSS, JS, YASGUI from npm; default: the "
       "built-in service/ui/assets/)")
      ("quiet,q", "no access log");
  AddBaseOption(d);
  AddDataOptions(d);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(d).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(e.what(), d);
  }
  if (vm.count("help")) {
    std::cout << d;
    return kOk;
  }
  auto store_options = StoreOptionsFrom(vm);
  if (!store_options) return kFailure;
  const std::vector<std::string> paths = DataPaths(vm);

  kg::ServiceConfig config;
  if (vm.count("write-token")) config.write_token = vm["write-token"].as<std::string>();
  else if (const char* env = std::getenv("KG_WRITE_TOKEN")) config.write_token = env;
  if (vm.count("public-base")) config.public_base = vm["public-base"].as<std::string>();
  if (std::string problem = BaseProblem(vm); !problem.empty()) return Usage(problem, d);
  config.vocabulary.base = vm["base"].as<std::string>();
  if (vm.count("load-dir")) config.load_dir = vm["load-dir"].as<std::string>();
  config.assets_dir = vm.count("assets") ? vm["assets"].as<std::string>() : DefaultAssets();
  config.engine = vm["engine"].as<std::string>();
  if (config.engine != "kg" && config.engine != "rasqal")
    return Usage("--engine must be kg or rasqal", d);
  config.query_timeout_seconds = vm["query-timeout"].as<double>();
  if (!(config.query_timeout_seconds > 0)) return Usage("--query-timeout must be positive", d);
  config.max_results = vm["max-results"].as<std::size_t>();
  unsigned workers = vm["workers"].as<unsigned>();
  if (workers == 0) return Usage("--workers must be at least 1", d);
  kg::Metrics metrics;
  kg::api::QueryCatalog catalog;
  {
    std::string dir = vm.count("queries") ? vm["queries"].as<std::string>() : DefaultQueries();
    if (vm.count("queries") || std::filesystem::is_directory(dir)) {
      auto loaded_catalog = kg::api::LoadQueryCatalog(dir);
      if (!loaded_catalog.ok()) {
        std::fprintf(stderr, "kg: %s\n", loaded_catalog.error().ToString().c_str());
        return kFailure;
      }
      catalog = std::move(loaded_catalog.value());
    }
  }

  kg::ServerOptions so;
  so.host = vm["host"].as<std::string>();
  so.port = vm["port"].as<unsigned short>();
  so.body_limit = vm["body-limit"].as<std::size_t>();
  so.read_timeout = std::chrono::seconds(vm["read-timeout"].as<int>());
  so.idle_timeout = std::chrono::seconds(vm["idle-timeout"].as<int>());
  so.max_connections = vm["max-connections"].as<std::size_t>();
  so.max_queue = vm["max-queue"].as<std::size_t>();
  so.access_log = !vm.count("quiet");

  // Every worker builds its own replica on its own thread (worker_pool.h).
  // Fast path: each loads the files itself, all in parallel; the replicas
  // must then be identical (Raptor's blank-node labels come from a counter
  // per thread, so the same files in the same order give the same labels),
  // which their fingerprints check. Should they differ, all are rebuilt
  // from one snapshot of plain values of a staging store instead.
  std::mutex mu;
  std::vector<std::uint64_t> prints(workers);
  kg::LoadReport report;
  std::size_t triples = 0, graphs = 0;
  auto new_api = [&] {
    auto api = std::make_unique<kg::api::ApiState>();
    api->catalog = catalog;
    return api;
  };
  auto new_docs = [&] {
    auto docs = std::make_unique<kg::docs::DocsState>();
    docs->options.languages = {"nl", "en"};
    docs->options.vocabulary = config.vocabulary;
    return docs;
  };
  // Starts the pool with replicas whose store `make_store` builds, each
  // with its own /api and /docs/ state; false, having said why, if one fails.
  std::unique_ptr<kg::WorkerPool> pool;
  using StoreResult = kg::Result<std::unique_ptr<kg::Store>>;
  using StoreFactory = std::function<StoreResult(std::size_t)>;
  auto start_pool = [&](const StoreFactory& make_store) {
    pool = std::make_unique<kg::WorkerPool>(workers, so.max_queue, config, metrics);
    auto started = pool->Start([&](std::size_t i) -> kg::Result<kg::WorkerPool::Replica> {
      auto store = make_store(i);
      if (!store.ok()) return store.error();
      kg::WorkerPool::Replica r;
      r.store = std::move(store).value();
      r.api = new_api();
      // /docs/: the documentation of the served graph, both languages,
      // built on first request (and again after a write), per replica.
      r.docs = new_docs();
      return r;
    });
    if (!started.ok()) std::fprintf(stderr, "kg: %s\n", started.error().ToString().c_str());
    return started.ok();
  };
  const bool loaded_apart = start_pool([&](std::size_t i) -> StoreResult {
    auto store = std::make_unique<kg::Store>(*store_options);
    auto loaded = kg::LoadPaths(*store, paths);
    if (!loaded.ok()) return loaded.error();
    std::uint64_t print = kg::ContentFingerprint(*store);
    std::lock_guard<std::mutex> lock(mu);
    prints[i] = print;
    if (i == 0) {
      report = std::move(loaded.value());
      triples = store->Size();
      graphs = store->GraphNames().size();
    }
    return store;
  });
  if (!loaded_apart) return kFailure;
  for (const auto& w : report.warnings) std::fprintf(stderr, "kg: warning: %s\n", w.c_str());
  if (std::adjacent_find(prints.begin(), prints.end(), std::not_equal_to<>()) != prints.end()) {
    std::fprintf(stderr, "kg: note: replicas loaded apart differ; building them from one snapshot\n");
    pool.reset();
    auto staging = LoadStore(vm);
    if (!staging) return kFailure;
    const kg::PrefixMap prefixes = staging->store->Prefixes();
    kg::ChangeJournal snapshot = kg::SnapshotChanges(*staging->store);
    staging->store.reset();
    const bool from_snapshot = start_pool([&](std::size_t) -> StoreResult {
      auto store = std::make_unique<kg::Store>(*store_options);
      for (const auto& change : snapshot)
        if (auto st = kg::ApplyChange(*store, change); !st.ok()) return st.error();
      store->AddPrefixes(prefixes);
      return store;
    });
    if (!from_snapshot) return kFailure;
  }
  metrics.SetTriplesLoaded(triples);
  const std::size_t files = report.files;
  kg::Server server(so, *pool, metrics);
  auto port = server.Listen();
  if (!port.ok()) {
    std::fprintf(stderr, "kg: %s\n", port.error().ToString().c_str());
    return kFailure;
  }
  std::fprintf(stderr,
               "kg %s: %zu triples from %zu files in %zu graphs; union default graph %s; %s; "
               "%u workers\n"
               "kg: listening on http://%s:%u/sparql\n",
               KG_VERSION, triples, files, graphs,
               store_options->union_default_graph ? "on" : "off",
               config.write_token.empty() ? "read-only" : "writes allowed with token", workers,
               so.host.c_str(), static_cast<unsigned>(*port));
  std::fflush(stderr);
  server.Run();
  std::fprintf(stderr, "kg: stopped\n");
  return kOk;
}

int Query(int argc, char** argv) {
  po::options_description d(
      "kg query [options] (QUERY | --file FILE)\n\nRun one SPARQL query offline against the "
      "same store kg serve uses");
  d.add_options()("help,h", "show this help")
      ("file,f", po::value<std::string>(), "read the query from FILE ('-' = stdin)")
      ("format", po::value<std::string>(),
       "output format: json, xml, csv, tsv (SELECT/ASK; default tsv), turtle, ntriples, "
       "rdfxml, jsonld (CONSTRUCT/DESCRIBE; default turtle)")
      ("query", po::value<std::string>(), "the query text")
      ("explain", "print the algebra and the planner's pattern order instead of running (kg engine)");
  AddDataOptions(d);
  po::positional_options_description pos;
  pos.add("query", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(d).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(e.what(), d);
  }
  if (vm.count("help")) {
    std::cout << d;
    return kOk;
  }
  if (vm.count("file") == vm.count("query"))
    return Usage("give the query either as an argument or with --file", d);
  std::string query;
  if (vm.count("query")) {
    query = vm["query"].as<std::string>();
  } else {
    std::string f = vm["file"].as<std::string>();
    std::stringstream ss;
    if (f == "-") {
      ss << std::cin.rdbuf();
    } else {
      std::ifstream in(f);
      if (!in) {
        std::fprintf(stderr, "kg: cannot read %s\n", f.c_str());
        return kFailure;
      }
      ss << in.rdbuf();
    }
    query = ss.str();
  }
  std::string format_param = vm.count("format") ? vm["format"].as<std::string>() : "";
  if (!format_param.empty() && !kg::FormatFromParam(format_param))
    return Usage("unknown --format '" + format_param + "'", d);

  auto loaded = LoadStore(vm);
  if (!loaded) return kFailure;
  std::string engine = vm["engine"].as<std::string>();
  if (engine != "kg" && engine != "rasqal") return Usage("--engine must be kg or rasqal", d);
  if (vm.count("explain")) {
    auto plan = kg::sparql::ExplainQuery(*loaded->store, query);
    if (!plan.ok()) {
      std::fprintf(stderr, "kg: %s\n", plan.error().ToString().c_str());
      return kFailure;
    }
    std::fputs(plan->c_str(), stdout);
    return kOk;
  }
  auto result = engine == "kg" ? kg::sparql::ExecuteQuery(*loaded->store, query)
                               : kg::sparql::ExecuteOnRasqal(*loaded->store, query);
  if (!result.ok()) {
    std::fprintf(stderr, "kg: %s\n", result.error().ToString().c_str());
    return kFailure;
  }
  const auto& offers = result->is_graph() ? kg::GraphFormats() : kg::ResultFormats();
  if (format_param.empty()) format_param = result->is_graph() ? "turtle" : "tsv";
  auto format = kg::Negotiate("", offers, format_param);
  if (!format.ok()) return Usage("--format " + format_param + " does not fit this query's result", d);
  auto body = kg::WriteQueryResult(*format, *result, loaded->store->Prefixes());
  if (!body.ok()) {
    std::fprintf(stderr, "kg: %s\n", body.error().ToString().c_str());
    return kFailure;
  }
  std::fwrite(body->data(), 1, body->size(), stdout);
  return kOk;
}


// Splits "nl,en" into {"nl", "en"}.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

int Docs(int argc, char** argv) {
  po::options_description d(
      "kg docs --out DIR [options]\n\nGenerate the documentation of the graph: a self-contained "
      "static HTML site (opens from the file system) and/or GitHub-flavoured Markdown, "
      "byte-identical for the same graph");
  d.add_options()("help,h", "show this help")
      ("out,o", po::value<std::string>(), "folder to write the site into (created when missing)")
      ("lang", po::value<std::string>()->default_value("nl"),
       "nl, en or nl,en (one site per language, with links between them; the first is the default)")
      ("format", po::value<std::string>()->default_value("html"), "html, md or both")
      ("base-url", po::value<std::string>()->default_value(""),
       "URL the site is published at (links become absolute under it); default: relative links")
      ("title", po::value<std::string>()->default_value(""),
       "the site's name (page titles, header, index); default: 'Utrecht Leert — begrippen' "
       "with the programme's tagline");
  AddBaseOption(d);
  AddDataOptions(d);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(d).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(e.what(), d);
  }
  if (vm.count("help")) {
    std::cout << d;
    return kOk;
  }
  if (!vm.count("out")) return Usage("--out DIR is required", d);
  kg::docs::DocsOptions options;
  options.languages = SplitList(vm["lang"].as<std::string>());
  for (const auto& l : options.languages)
    if (l != "nl" && l != "en") return Usage("--lang takes nl, en or nl,en", d);
  if (options.languages.empty()) return Usage("--lang takes nl, en or nl,en", d);
  std::string format = vm["format"].as<std::string>();
  if (format != "html" && format != "md" && format != "both")
    return Usage("--format must be html, md or both", d);
  options.html = format != "md";
  options.markdown = format != "html";
  options.base_url = vm["base-url"].as<std::string>();
  options.title = vm["title"].as<std::string>();
  if (std::string problem = BaseProblem(vm); !problem.empty()) return Usage(problem, d);
  options.vocabulary.base = vm["base"].as<std::string>();
  auto loaded = LoadStore(vm);
  if (!loaded) return kFailure;
  auto site = kg::docs::GenerateSite(*loaded->store, options);
  if (!site.ok()) {
    std::fprintf(stderr, "kg: %s\n", site.error().ToString().c_str());
    return site.error().code == kg::Error::Code::kBadRequest ? kUsage : kFailure;
  }
  std::string out = vm["out"].as<std::string>();
  if (auto s = kg::docs::WriteSite(*site, out); !s.ok()) {
    std::fprintf(stderr, "kg: %s\n", s.error().ToString().c_str());
    return kFailure;
  }
  std::size_t bytes = 0;
  for (const auto& [path, content] : *site) bytes += content.size();
  std::fprintf(stderr, "kg docs: %zu files, %zu bytes written to %s\n", site->size(), bytes,
               out.c_str());
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kTopHelp;
    return kUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kTopHelp;
    return kOk;
  }
  if (cmd == "version" || cmd == "--version") {
    if (argc > 2 && std::string(argv[2]) == "--help") {
      std::cout << "kg version\n\nPrint kg's version and the libraries it was built with.\n";
      return kOk;
    }
    std::printf("kg %s (Redland librdf, Raptor 2, Rasqal; Boost.Beast; RapidJSON)\n", KG_VERSION);
    return kOk;
  }
  if (cmd == "serve") return Serve(argc - 1, argv + 1);
  if (cmd == "query") return Query(argc - 1, argv + 1);
  if (cmd == "docs") return Docs(argc - 1, argv + 1);
  std::cerr << "kg: unknown command '" << cmd << "'\n\n" << kTopHelp;
  return kUsage;
}

// Engine benchmark: one SPARQL query run in-process against a Store, without
// HTTP, to see where a workload query's time goes:
//   build/bench/engine_bench FILE.nt QUERY.rq [repetitions] [KEY=VALUE ...] [--json] [--cold]
// %%KEY%% in the query is replaced by VALUE (the workload's parameters).
// Prints the result size and the median, min and max evaluation time; with
// --json also the same for writing the answer as SPARQL JSON results (the
// serializer /sparql uses). --cold writes 64 MB between runs so that every
// run starts with caches holding none of the store, as a server's worker
// does after the kernel and the client have had the cores (a warm loop
// otherwise reports a half or a third of what the server measures).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "evaluator/engine.h"
#include "serialize/sparql_json.h"
#include "store/rdf_codec.h"
#include "store/store.h"

using Clock = std::chrono::steady_clock;

static std::string Slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: engine_bench FILE.nt QUERY.rq [repetitions] [KEY=VALUE ...] [--json] "
                 "[--cold]\n");
    return 2;
  }
  int reps = argc > 3 ? std::atoi(argv[3]) : 20;
  std::string query = Slurp(argv[2]);
  bool json = false, cold = false;
  for (int i = 4; i < argc; ++i) {
    std::string kv = argv[i];
    if (kv == "--json" || kv == "--cold") {
      (kv == "--json" ? json : cold) = true;
      continue;
    }
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string key = "%%" + kv.substr(0, eq) + "%%", value = kv.substr(eq + 1);
    for (auto at = query.find(key); at != std::string::npos; at = query.find(key, at))
      query.replace(at, key.size(), value);
  }
  auto parsed = kg::RdfCodec::ForThisThread().Parse(Slurp(argv[1]), kg::RdfSyntax::kNTriples,
                                                    "file:///bench");
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s\n", parsed.error().ToString().c_str());
    return 1;
  }
  kg::Store store;
  auto t0 = Clock::now();
  if (auto st = store.Add(std::string("file:///bench"), parsed->triples); !st.ok()) {
    std::fprintf(stderr, "%s\n", st.error().ToString().c_str());
    return 1;
  }
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  std::vector<double> times, json_times;
  std::size_t size = 0, json_bytes = 0;
  std::vector<char> evict(cold ? 64u << 20 : 0);
  for (int i = 0; i < reps; ++i) {
    for (std::size_t b = 0; b < evict.size(); b += 64) evict[b] = static_cast<char>(b + i);
    auto start = Clock::now();
    auto r = kg::sparql::ExecuteQuery(store, query);
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.error().ToString().c_str());
      return 1;
    }
    if (const auto* rs = std::get_if<kg::ResultSet>(&r->value); rs && json) {
      auto at = Clock::now();
      json_bytes = kg::WriteSparqlJson(*rs).size();
      json_times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - at).count());
    }
    if (const auto* rs = std::get_if<kg::ResultSet>(&r->value)) size = rs->rows.size();
    else if (const auto* g = std::get_if<kg::Graph>(&r->value)) size = g->size();
    else size = 1;
  }
  std::sort(times.begin(), times.end());
  std::printf("%zu triples (store load %.0f ms); %zu results; median %.2f ms, min %.2f, max %.2f (%d runs)\n",
              store.Size(), load_ms, size, times[times.size() / 2], times.front(), times.back(), reps);
  if (!json_times.empty()) {
    std::sort(json_times.begin(), json_times.end());
    std::printf("SPARQL JSON: %zu bytes; median %.2f ms, min %.2f, max %.2f\n", json_bytes,
                json_times[json_times.size() / 2], json_times.front(), json_times.back());
  }
  return 0;
}

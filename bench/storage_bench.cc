// Storage benchmark: the cost of single triple patterns on librdf's `trees`
// and `hashes` storage, on the same data. The README's storage figures come
// from this program:
//   build/bench/storage_bench FILE.nt [repetitions]
// It loads FILE into a Store once per storage, then times subject-only,
// predicate-only, object-only and subject+predicate patterns for a fixed
// sample of terms taken from the data, and prints the mean per pattern.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "store/rdf_codec.h"
#include "store/store.h"

using Clock = std::chrono::steady_clock;

static double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: storage_bench FILE.nt [repetitions]\n");
    return 2;
  }
  int reps = argc > 2 ? std::atoi(argv[2]) : 50;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = kg::RdfCodec::ForThisThread().Parse(ss.str(), kg::RdfSyntax::kNTriples, "file:///bench");
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s\n", parsed.error().ToString().c_str());
    return 1;
  }
  const kg::Graph& data = parsed->triples;
  // A fixed sample of terms (seeded) so both storages see the same patterns.
  std::mt19937 rng(42);
  std::vector<kg::Triple> sample;
  for (int i = 0; i < reps; ++i) sample.push_back(data[rng() % data.size()]);

  std::printf("data: %s, %zu triples, %d patterns of each kind\n", argv[1], data.size(), reps);
  std::printf("%-8s %10s %14s %14s %14s %14s\n", "storage", "load ms", "(s,?,?) ms", "(?,p,?) ms",
              "(?,?,o) ms", "(s,p,?) ms");
  for (const char* storage : {"trees", "hashes"}) {
    kg::StoreOptions options;
    options.storage = storage;
    options.union_default_graph = false;
    kg::Store store(options);
    auto t0 = Clock::now();
    if (auto st = store.Replace(std::nullopt, data); !st.ok()) return 1;
    double load = Ms(Clock::now() - t0);
    auto time_pattern = [&](auto make) {
      std::size_t rows = 0;
      auto start = Clock::now();
      for (const auto& t : sample) {
        auto [s, p, o] = make(t);
        rows += store.Match(s, p, o).size();
      }
      (void)rows;
      return Ms(Clock::now() - start) / sample.size();
    };
    using O = std::optional<kg::Term>;
    double s_only = time_pattern([](const kg::Triple& t) { return std::tuple<O, O, O>{t.subject, O{}, O{}}; });
    double p_only = time_pattern([](const kg::Triple& t) { return std::tuple<O, O, O>{O{}, t.predicate, O{}}; });
    double o_only = time_pattern([](const kg::Triple& t) { return std::tuple<O, O, O>{O{}, O{}, t.object}; });
    double sp = time_pattern([](const kg::Triple& t) { return std::tuple<O, O, O>{t.subject, t.predicate, O{}}; });
    std::printf("%-8s %10.0f %14.3f %14.3f %14.3f %14.3f\n", storage, load, s_only, p_only, o_only, sp);
  }
  return 0;
}

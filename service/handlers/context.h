// What every handler may use: the store, the configuration, the metrics.
// A ServiceContext is used by one worker thread only (its Store replica and
// ApiState are not thread-safe); config is read-only and Metrics is
// thread-safe on its own, so those two are shared by all workers.
#pragma once

#include <cstddef>
#include <string>

#include "api/api.h"
#include "handlers/metrics.h"
#include "store/store.h"
#include "store/store_change.h"
#include "vocabulary/vocabulary.h"

namespace kg {

namespace docs {
struct DocsState;  // docs/serve.h
}

struct ServiceConfig {
  std::string write_token;          // empty: read-only server (writes are 403)
  std::string public_base;          // e.g. "http://127.0.0.1:7878"; "" = from Host header
  // Which SPARQL engine answers queries: kg's own ("kg") or Rasqal through
  // Redland ("rasqal", the engine of the first release).
  std::string engine = "kg";
  double query_timeout_seconds = 10;  // kg engine: queries stop at this limit
  // A SELECT with more solutions, or a CONSTRUCT / DESCRIBE with more
  // triples, is refused (Error::ResultTooLarge) instead of being cut
  // silently; 0 = no limit. A query's own LIMIT keeps it under.
  std::size_t max_results = 100000;
  // SPARQL Update LOAD reads only file:// IRIs of files under this directory
  // (after resolving symlinks and '..'); "" = every LOAD fails (LOAD SILENT
  // does nothing).
  std::string load_dir;
  // Static files of the browsing pages (service/ui/assets.h); "" = none.
  std::string assets_dir;
  // Where the pages, the concept API and /docs/ find the vocabulary: its
  // base IRI (kg serve --base) and the path segments under it.
  vocabulary::Config vocabulary;
};

struct ServiceContext {
  Store& store;
  const ServiceConfig& config;
  Metrics& metrics;
  // Named queries and the answer cache of /api/; nullptr = /api/ has no named
  // queries (the concept API still answers).
  api::ApiState* api = nullptr;
  // The generated documentation served under /docs/; nullptr = none (404).
  docs::DocsState* docs = nullptr;
  // Writes: when set, every change a handler makes to `store` is appended
  // here (through ApplyAndRecord / UpdateOptions::journal), so the worker
  // pool can replay it on the other replicas. A handler never changes the
  // store any other way.
  ChangeJournal* journal = nullptr;
};

}  // namespace kg

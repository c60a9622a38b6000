// What every handler may use: the store, the configuration, the metrics.
// A ServiceContext is used on the store thread only (the store is not
// thread-safe); Metrics is thread-safe on its own.
#pragma once

#include <string>

#include "api/api.h"
#include "handlers/metrics.h"
#include "store/store.h"

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
  // SPARQL Update LOAD reads only file:// IRIs of files under this directory
  // (after resolving symlinks and '..'); "" = every LOAD fails (LOAD SILENT
  // does nothing).
  std::string load_dir;
  // Static files of the browsing pages (service/ui/assets.h); "" = none.
  std::string assets_dir;
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
};

}  // namespace kg

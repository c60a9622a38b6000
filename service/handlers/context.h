// What every handler may use: the store, the configuration, the metrics.
// A ServiceContext is used on the store thread only (the store is not
// thread-safe); Metrics is thread-safe on its own.
#pragma once

#include <string>

#include "handlers/metrics.h"
#include "store/store.h"

namespace kg {

struct ServiceConfig {
  std::string write_token;          // empty: read-only server (writes are 403)
  std::string public_base;          // e.g. "http://127.0.0.1:7878"; "" = from Host header
};

struct ServiceContext {
  Store& store;
  const ServiceConfig& config;
  Metrics& metrics;
};

}  // namespace kg

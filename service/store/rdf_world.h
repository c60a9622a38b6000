// The librdf / raptor / rasqal worlds of one store, and the diagnostics they
// report. Private to store/.
//
// Threading: an RdfWorld and everything created from it must be used by one
// thread at a time (librdf, raptor and rasqal are not thread-safe). The
// diagnostics sink is per world, so two worlds on two threads never mix
// messages.
#pragma once

#include <redland.h>

#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/handle.h"

namespace kg::store_internal {

struct Diagnostic {
  int level = 0;  // raptor_log_level
  std::string message;
  int line = 0;
  int column = 0;
};

// Creating and freeing librdf / Raptor / Rasqal worlds is not thread-safe
// even for different worlds: librdf_world_open and librdf_free_world go
// through libltdl's process-global state (lt_dlinit, lt_dlsetsearchpath;
// ThreadSanitizer caught two worker replicas racing there), and Raptor
// initialises libxml2. Every world is therefore made and freed under this
// one mutex; using a world afterwards needs no lock (one thread per world).
std::mutex& WorldLifecycleMutex();

class RdfWorld {
 public:
  RdfWorld();  // aborts on allocation failure of the C worlds (cannot continue)
  ~RdfWorld();
  RdfWorld(const RdfWorld&) = delete;
  RdfWorld& operator=(const RdfWorld&) = delete;

  librdf_world* librdf() const { return librdf_.get(); }
  raptor_world* raptor() const { return raptor_; }
  rasqal_world* rasqal() const { return rasqal_.get(); }

  // Messages logged since the last Clear(); errors and warnings only.
  void ClearDiagnostics() { diagnostics_.clear(); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // First error (or, failing that, warning) as an Error with the given code.
  Error FirstError(Error::Code code, const std::string& fallback) const;
  std::vector<std::string> Warnings() const;

  void Record(int level, const char* text, int line, int column);

 private:
  RasqalWorldPtr rasqal_;  // own rasqal world for direct (dataset) queries
  raptor_world* raptor_ = nullptr;  // owned by rasqal_
  WorldPtr librdf_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace kg::store_internal

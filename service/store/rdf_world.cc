#include "store/rdf_world.h"

#include <cstdlib>
#include <cstdio>

namespace kg::store_internal {
namespace {

void RaptorLog(void* user_data, raptor_log_message* m) {
  auto* world = static_cast<RdfWorld*>(user_data);
  int line = m->locator ? raptor_locator_line(m->locator) : 0;
  int column = m->locator ? raptor_locator_column(m->locator) : 0;
  world->Record(static_cast<int>(m->level), m->text, line, column);
}

int LibrdfLog(void* user_data, librdf_log_message* m) {
  auto* world = static_cast<RdfWorld*>(user_data);
  raptor_locator* loc = librdf_log_message_locator(m);
  int line = loc ? raptor_locator_line(loc) : 0;
  int column = loc ? raptor_locator_column(loc) : 0;
  // librdf levels: DEBUG=1 INFO WARN ERROR FATAL=5; map to raptor's
  // (DEBUG=1 INFO=2 WARN=3 ERROR=4 FATAL=5): same numbering.
  world->Record(static_cast<int>(librdf_log_message_level(m)), librdf_log_message_message(m),
                line, column);
  return 1;  // handled; do not print to stderr
}

}  // namespace

std::mutex& WorldLifecycleMutex() {
  static std::mutex mu;
  return mu;
}

RdfWorld::RdfWorld() {
  std::lock_guard<std::mutex> lock(WorldLifecycleMutex());
  rasqal_.reset(rasqal_new_world());
  if (!rasqal_) std::abort();
  if (rasqal_world_open(rasqal_.get()) != 0) std::abort();
  // After open: setting it earlier touches a raptor world not yet made.
  rasqal_world_set_log_handler(rasqal_.get(), this, RaptorLog);
  raptor_ = rasqal_world_get_raptor(rasqal_.get());
  raptor_world_set_log_handler(raptor_, this, RaptorLog);

  librdf_.reset(librdf_new_world());
  if (!librdf_) std::abort();
  // The logger must be installed before librdf_world_open() so that messages
  // from opening are not lost to stderr.
  librdf_world_set_logger(librdf_.get(), this, LibrdfLog);
  librdf_world_open(librdf_.get());
}

RdfWorld::~RdfWorld() {
  std::lock_guard<std::mutex> lock(WorldLifecycleMutex());
  // librdf first: it may still hold references into its own raptor/rasqal.
  librdf_.reset();
  rasqal_.reset();
}

void RdfWorld::Record(int level, const char* text, int line, int column) {
  if (level < RAPTOR_LOG_LEVEL_WARN) return;
  diagnostics_.push_back({level, text ? text : "", line, column});
}

Error RdfWorld::FirstError(Error::Code code, const std::string& fallback) const {
  const Diagnostic* pick = nullptr;
  for (const auto& d : diagnostics_)
    if (d.level >= RAPTOR_LOG_LEVEL_ERROR) {
      pick = &d;
      break;
    }
  if (!pick && !diagnostics_.empty()) pick = &diagnostics_.front();
  if (!pick) return Error{code, fallback};
  return Error{code, pick->message, pick->line, pick->column};
}

std::vector<std::string> RdfWorld::Warnings() const {
  std::vector<std::string> out;
  for (const auto& d : diagnostics_) {
    std::string s = d.message;
    if (d.line > 0) s += " (line " + std::to_string(d.line) + ")";
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kg::store_internal

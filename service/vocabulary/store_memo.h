// Values derived from a Store and kept until that store changes: the label
// index of search, every scheme's tree, the home page, the alphabetical
// index. They cost hundreds of milliseconds on a large thesaurus and are
// asked for on every request.
//
// An entry is keyed by the store's address and a caller's key (a language,
// the parts of the Config the value depends on) and is valid while the
// store's Version() and Size() are those it was built at. A Store has no
// identity of its own; a store destroyed and recreated at the same address
// with the same version and size would have to hold other data to be served
// stale, which none of kg's callers do (a server keeps its stores for its
// lifetime). kg serve has one Store replica per worker thread, so there is
// an entry per replica (a single slot would be rebuilt on every request that
// lands on another worker).
//
// Threading: Get() may be called from any thread; the mutex guards the
// entries only. A value is built outside the lock by the calling thread,
// which must be the one that owns `store`; two threads missing at once both
// build (same store: same value), the later one's entry wins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kg::vocabulary {

template <typename T>
class StoreMemo {
 public:
  using Value = std::shared_ptr<const T>;

  // The value for (store, key) at the store's current state; build() is
  // called on a miss and returns Result<T> or Result<shared_ptr<const T>>.
  // An error is returned and not kept.
  template <typename Build>
  Result<Value> Get(const Store& store, const std::string& key, Build&& build) {
    const std::uint64_t version = store.Version();
    const std::size_t size = store.Size();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& e : entries_)
        if (e.store == &store && e.key == key && e.version == version && e.size == size)
          return e.value;
    }
    auto built = build();
    if (!built.ok()) return built.error();
    Value value;
    if constexpr (std::is_same_v<std::decay_t<decltype(built.value())>, Value>)
      value = std::move(built.value());
    else
      value = std::make_shared<const T>(std::move(built.value()));
    std::lock_guard<std::mutex> lock(mutex_);
    // Drop this key's old value and every value of an older state of the
    // store: they can never be served again.
    std::erase_if(entries_, [&](const Entry& e) {
      return e.store == &store && (e.key == key || e.version != version || e.size != size);
    });
    if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());  // the oldest
    entries_.push_back({&store, version, size, key, value});
    return value;
  }

 private:
  // Replicas of one server times a few keys, and then some.
  static constexpr std::size_t kMaxEntries = 128;
  struct Entry {
    const Store* store;
    std::uint64_t version;
    std::size_t size;
    std::string key;
    Value value;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace kg::vocabulary

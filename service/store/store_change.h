// One change to a Store as a plain value, so that a change made on one Store
// can be replayed on another (the worker replicas of kg serve, see
// http/worker_pool.h): the same changes applied in the same order to Stores
// with the same contents give the same contents, the same blank-node labels
// and the same Version() (ETags depend on it).
//
// Threading: values; ApplyChange uses the Store from the calling thread only.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "core/term.h"
#include "store/store.h"

namespace kg {

struct StoreChange {
  enum class Kind { kReplace, kAdd, kRemove, kDrop };
  Kind kind = Kind::kAdd;
  GraphName graph;
  Graph triples;    // kReplace / kAdd / kRemove
  bool ok = true;   // whether it succeeded where it was first made (replays must agree)
};

// Every change a request made, in order (also those of a failed request that
// were undone afterwards: the undo is recorded too, so replicas stay equal).
using ChangeJournal = std::vector<StoreChange>;

// Applies one change: Store::Replace / Add / Remove / Drop (a Drop of an
// unknown graph is Error::NotFound and changes nothing).
Status ApplyChange(Store& store, const StoreChange& change);

// Applies `change` to `store` and, when `journal` is not null, records it
// with its outcome. Every write of a handler or of the update executor goes
// through here, so nothing reaches a store unrecorded.
Status ApplyAndRecord(Store& store, ChangeJournal* journal, StoreChange change);

// The changes that rebuild `store` in an empty Store with the same options:
// one kAdd per graph (the default graph first, then the named graphs in
// name order, empty ones included so they exist).
ChangeJournal SnapshotChanges(const Store& store);

// A fingerprint of everything a replica must agree on: every triple of every
// graph (blank-node labels included), the graph names, Version(). Two Stores
// with equal fingerprints are, but for a 64-bit hash collision, the same.
// Independent of iteration order; no copy of the data is made.
std::uint64_t ContentFingerprint(const Store& store);

}  // namespace kg

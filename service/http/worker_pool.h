// The worker threads of kg serve: N threads, each owning a full Store
// replica, so queries run in parallel on all cores.
//
// Why replicas. librdf (and Raptor, Rasqal) is not thread-safe, and a Store
// is a web of librdf handles. Rather than one store thread (one core), each
// worker thread owns its own replica and is the only thread that ever
// touches it: the worker builds it (kg serve: each worker loads the files
// itself, in parallel, and the replicas' ContentFingerprint must agree; else
// they are built from one snapshot of plain values, SnapshotChanges), reads
// it, writes it and destroys it. No librdf handle
// crosses a thread, so no lock is needed around librdf. The cost is memory
// and build time times N (bench/RESULTS.md has the figures), and every write
// is applied N times; kg's load is read-mostly, so that is the right trade.
//
// Writes, atomically and in order on every replica. A request that may write
// (IsWrite) runs alone: its worker takes the write lock, brings its replica
// up to date, runs the handler, which records every change it makes to the
// store in a ChangeJournal (ApplyAndRecord), and appends that journal to a
// shared redo log as one entry before the answer is sent. Every worker, before
// it takes its next request (and when woken while idle), applies the log
// entries it has not applied yet, in log order, each entry whole between two
// requests. So all replicas pass through the same sequence of states (the
// same contents, blank-node labels and Store::Version(), which ETags rest
// on); a reader sees a write entirely or not at all; and a client that got
// the answer to its write sees the write on whichever worker serves its next
// request. Entries every worker has applied are dropped. Replaying a change
// must succeed exactly where it succeeded first; if it ever did not, the
// replicas would answer differently, so that aborts the process.
//
// Threading: Submit, Stop and waiting() are thread-safe; everything else is
// for the thread that owns the pool.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "api/api.h"
#include "core/message.h"
#include "core/status.h"
#include "docs/serve.h"
#include "handlers/context.h"
#include "store/store.h"
#include "store/store_change.h"

namespace kg {

class WorkerPool {
 public:
  // What one worker owns. Built on that worker's thread by the factory.
  struct Replica {
    std::unique_ptr<Store> store;
    std::unique_ptr<api::ApiState> api;  // may be null: /api/ without named queries
    std::unique_ptr<docs::DocsState> docs;  // may be null: /docs/ answers 404
  };
  using ReplicaFactory = std::function<Result<Replica>(std::size_t worker)>;

  // workers >= 1; max_queue: requests waiting for a free worker at most.
  // config and metrics are shared (read-only / thread-safe) and must outlive
  // the pool.
  WorkerPool(std::size_t workers, std::size_t max_queue, const ServiceConfig& config,
             Metrics& metrics);
  ~WorkerPool();  // Stop() and Join()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts the threads; thread i builds its replica with make(i). Returns
  // when all are built, or the first factory error (the threads are then
  // stopped).
  Status Start(const ReplicaFactory& make);

  std::size_t size() const { return workers_.size(); }

  // Queues a request; `done` is called once with the answer, on a worker
  // thread; the answer names its worker in `X-Kg-Worker: <index>` (for
  // operators and the replica tests). Returns false, without calling done, when max_queue requests
  // are already waiting (the caller answers 503) or the pool is stopping.
  bool Submit(std::shared_ptr<const Request> request, std::function<void(Response)> done);

  // Requests queued and not yet taken by a worker.
  std::size_t waiting() const;

  // The workers finish every request already queued, then end. Thread-safe.
  void Stop();
  void Join();

 private:
  struct Task {
    std::shared_ptr<const Request> request;
    std::function<void(Response)> done;
  };
  struct Worker {
    std::thread thread;
    Replica replica;
    std::unique_ptr<ServiceContext> context;
    std::uint64_t applied = 0;  // log entries applied (guarded by mu_)
  };
  using Entry = std::shared_ptr<const ChangeJournal>;

  void Loop(std::size_t index, const ReplicaFactory& make);
  // Applies the log entries `w` has not applied yet. Call without mu_ held.
  void CatchUp(std::size_t index);
  void RunWrite(std::size_t index, const Task& task);
  void RunRead(std::size_t index, const Task& task);
  void TrimLog();  // mu_ held

  const std::size_t max_queue_;
  const ServiceConfig& config_;
  Metrics& metrics_;
  std::vector<Worker> workers_;

  mutable std::mutex mu_;  // queue_, log_, log_start_, Worker::applied, stopping_, start state
  std::condition_variable cv_;
  std::deque<Task> queue_;
  std::deque<Entry> log_;       // log_[k] is entry number log_start_ + k
  std::uint64_t log_start_ = 0;
  bool stopping_ = false;
  std::size_t built_ = 0;
  Status start_status_ = Status::Ok();
  std::condition_variable started_cv_;

  std::mutex write_mu_;  // one write at a time, across all workers
};

}  // namespace kg

#include "http/worker_pool.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "handlers/error_response.h"
#include "handlers/router.h"

namespace kg {

WorkerPool::WorkerPool(std::size_t workers, std::size_t max_queue, const ServiceConfig& config,
                       Metrics& metrics)
    : max_queue_(max_queue), config_(config), metrics_(metrics), workers_(workers ? workers : 1) {}

WorkerPool::~WorkerPool() {
  Stop();
  Join();
}

Status WorkerPool::Start(const ReplicaFactory& make) {
  for (std::size_t i = 0; i < workers_.size(); ++i)
    workers_[i].thread = std::thread([this, i, &make] { Loop(i, make); });
  std::unique_lock<std::mutex> lock(mu_);
  started_cv_.wait(lock, [&] { return built_ == workers_.size(); });
  Status st = start_status_;
  lock.unlock();
  if (!st.ok()) {
    Stop();
    Join();
  }
  return st;
}

bool WorkerPool::Submit(std::shared_ptr<const Request> request,
                        std::function<void(Response)> done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || queue_.size() >= max_queue_) return false;
    queue_.push_back({std::move(request), std::move(done)});
  }
  cv_.notify_one();
  return true;
}

std::size_t WorkerPool::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

void WorkerPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
}

void WorkerPool::Join() {
  for (auto& w : workers_)
    if (w.thread.joinable()) w.thread.join();
}

void WorkerPool::Loop(std::size_t index, const ReplicaFactory& make) {
  Worker& self = workers_[index];
  {
    // Build the replica here: it is created, used and destroyed on this thread.
    Result<Replica> built = Error::Internal("no replica");
    try {
      built = make(index);
    } catch (const std::exception& e) {
      built = Error::Internal(std::string("building a replica failed: ") + e.what());
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (built.ok()) {
      self.replica = std::move(built.value());
      self.context = std::make_unique<ServiceContext>(
          ServiceContext{*self.replica.store, config_, metrics_, self.replica.api.get(),
                         self.replica.docs.get()});
    } else if (start_status_.ok()) {
      start_status_ = built.error();
    }
    ++built_;
    started_cv_.notify_all();
  }
  for (;;) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] {
      return stopping_ || !queue_.empty() || self.applied < log_start_ + log_.size();
    });
    if (self.applied < log_start_ + log_.size()) {
      lock.unlock();
      CatchUp(index);
      continue;
    }
    if (queue_.empty()) {
      if (stopping_) break;
      continue;
    }
    Task task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    if (!self.context) {  // the replica failed to build: only reached while stopping
      task.done(ErrorResponse(Error::Unavailable("the server is starting or stopping"),
                              *task.request));
      continue;
    }
    if (IsWrite(*task.request)) RunWrite(index, task);
    else RunRead(index, task);
  }
  // Replica handles are freed on the thread that made them, one replica at
  // a time: tearing down librdf/Raptor worlds on several threads at once
  // corrupted the heap at SIGTERM (Raptor and libxml2 keep process-global
  // state), seen as "corrupted size vs. prev_size" in e2e_linked_data.
  static std::mutex teardown;
  std::lock_guard<std::mutex> one_at_a_time(teardown);
  self.context.reset();
  self.replica = Replica{};
}

void WorkerPool::CatchUp(std::size_t index) {
  Worker& self = workers_[index];
  for (;;) {
    Entry entry;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (self.applied >= log_start_ + log_.size()) return;
      entry = log_[self.applied - log_start_];
    }
    for (const StoreChange& change : *entry) {
      Status st = ApplyChange(*self.replica.store, change);
      if (st.ok() != change.ok) {
        // Two replicas that differ would give different answers to the same
        // query; stop loudly rather than serve that.
        std::fprintf(stderr, "kg: fatal: replica %zu diverged replaying a write (%s)\n", index,
                     st.ok() ? "succeeded where the first one failed" : st.error().ToString().c_str());
        std::abort();
      }
    }
    if (!entry->empty()) metrics_.SetTriplesLoaded(self.replica.store->Size());
    std::lock_guard<std::mutex> lock(mu_);
    ++self.applied;
    TrimLog();
  }
}

void WorkerPool::TrimLog() {
  std::uint64_t low = log_start_ + log_.size();
  for (const auto& w : workers_) low = std::min(low, w.applied);
  while (log_start_ < low) {
    log_.pop_front();
    ++log_start_;
  }
}

void WorkerPool::RunRead(std::size_t index, const Task& task) {
  Worker& self = workers_[index];
  ChangeJournal must_stay_empty;
  self.context->journal = &must_stay_empty;
  Response response = Handle(*task.request, *self.context);
  self.context->journal = nullptr;
  if (!must_stay_empty.empty()) {
    // A handler wrote on a request IsWrite() called a read: a bug that
    // would leave the replicas different.
    std::fprintf(stderr, "kg: fatal: %s %s changed the store but is not classed as a write\n",
                 task.request->method.c_str(), task.request->target.c_str());
    std::abort();
  }
  response.headers["X-Kg-Worker"] = std::to_string(index);
  task.done(std::move(response));
}

void WorkerPool::RunWrite(std::size_t index, const Task& task) {
  Worker& self = workers_[index];
  Response response;
  {
    std::lock_guard<std::mutex> write_lock(write_mu_);
    CatchUp(index);  // under the write lock no entry can be added meanwhile
    auto journal = std::make_shared<ChangeJournal>();
    self.context->journal = journal.get();
    response = Handle(*task.request, *self.context);
    self.context->journal = nullptr;
    if (!journal->empty()) {
      std::lock_guard<std::mutex> lock(mu_);
      log_.push_back(std::move(journal));
      self.applied = log_start_ + log_.size();
      TrimLog();
    }
  }
  cv_.notify_all();  // idle workers catch up now, not at their next request
  response.headers["X-Kg-Worker"] = std::to_string(index);
  task.done(std::move(response));
}

}  // namespace kg

// The HTTP/1.1 server: Beast sessions on Asio, limits and timeouts, and the
// hand-off of every request to the worker pool.
//
// Threading: one I/O thread runs all sockets; handlers run on the
// WorkerPool's threads, each with its own Store replica (worker_pool.h says
// why). The worker sends its answer itself as far as the socket takes it
// without blocking; the rest, and the next read, go back to the I/O thread.
// Parsing and writing HTTP is cheap next to evaluating a query, so one I/O
// thread keeps up with the workers (bench/RESULTS.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "handlers/context.h"
#include "http/worker_pool.h"

namespace kg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 7878;  // 0: pick a free port (tests)
  std::size_t body_limit = 16 * 1024 * 1024;   // 413 above
  std::size_t header_limit = 64 * 1024;        // 431 above
  std::chrono::seconds read_timeout{30};       // to read one whole request
  std::chrono::seconds idle_timeout{15};       // keep-alive connection waiting for the next
  std::size_t max_connections = 256;           // more: 503 + Retry-After, then closed
  std::size_t max_queue = 64;                  // requests waiting for a worker: 503 above (set on the WorkerPool)
  bool access_log = true;                      // one line per request on stderr
};

class Server {
 public:
  // workers and metrics must outlive the server; Run() stops and joins the
  // workers when it returns.
  Server(ServerOptions options, WorkerPool& workers, Metrics& metrics);
  ~Server();
  // Binds and listens; returns the bound port.
  Result<unsigned short> Listen();
  // Serves until Stop() or SIGINT/SIGTERM; in-flight requests are finished,
  // idle connections closed, then it returns.
  void Run();
  void Stop();  // thread-safe

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

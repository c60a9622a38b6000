#include "http/server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <optional>
#include <set>

#include "handlers/error_response.h"
#include "handlers/router.h"
#include "http/request_conversion.h"

namespace kg {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

void AccessLog(const Request& req, int status, std::size_t bytes, double seconds) {
  std::string target = req.target.size() > 160 ? req.target.substr(0, 160) + "..." : req.target;
  std::time_t now = std::time(nullptr);
  char ts[32];
  std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::fprintf(stderr, "%s %s %s %d %zu %.3fms rid=%s\n", ts, req.method.c_str(), target.c_str(),
               status, bytes, seconds * 1000, req.request_id.c_str());
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  WorkerPool& workers;
  Metrics& metrics;
  asio::io_context io{1};
  // Keeps io.run() going while requests are away on the workers.
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};

  class Session;
  std::mutex sessions_mu;
  std::set<std::shared_ptr<Session>> sessions;

  Impl(ServerOptions o, WorkerPool& w, Metrics& m) : options(std::move(o)), workers(w), metrics(m) {}

  void Accept();
  void BeginStop();
};

class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Impl& server) : stream_(std::move(socket)), server_(server) {}

  void Start() {
    // Only the synchronous send in WriteFromWorker sees this flag: it must
    // never block a worker; Asio's asynchronous operations ignore it.
    beast::error_code ignored;
    stream_.socket().non_blocking(true, ignored);
    ReadHeader();
  }

  // Closes an idle connection at shutdown; a busy one closes after its reply.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->stream_.socket().close();
    });
  }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    parser_->body_limit(server_.options.body_limit);
    // A kept-alive connection may wait idle_timeout for its next request;
    // the request itself must then arrive within read_timeout (slow-loris).
    stream_.expires_after(served_ > 0 ? std::min(server_.options.idle_timeout,
                                                 server_.options.read_timeout)
                                      : server_.options.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return FailRead(ec);
    busy_ = true;
    auto& req = parser_->get();
    // Refuse a too-large body before reading it.
    if (auto len = parser_->content_length();
        len && *len > server_.options.body_limit) {
      return ReplyError(Error::PayloadTooLarge("request body of " + std::to_string(*len) +
                                               " bytes exceeds the limit of " +
                                               std::to_string(server_.options.body_limit)));
    }
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                     req.version());
      http::async_write(stream_, *cont,
                        [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                          if (ec) return self->Close();
                          self->ReadBody();
                        });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->FailRead(ec);
                       self->Dispatch();
                     });
  }

  void FailRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::bad_descriptor) {
      return Close();
    }
    busy_ = true;
    if (ec == http::error::body_limit)
      return ReplyError(Error::PayloadTooLarge("request body exceeds the limit of " +
                                               std::to_string(server_.options.body_limit) +
                                               " bytes"));
    if (ec == http::error::header_limit) return ReplyStatus(431, "request header fields too large\n");
    ReplyError(Error::BadRequest("malformed HTTP request: " + ec.message()));
  }

  void Dispatch() {
    keep_alive_ = parser_->get().keep_alive();
    version_ = parser_->get().version();
    auto request = std::make_shared<Request>(ToRequest(parser_->release()));
    started_ = Clock::now();
    stream_.expires_never();
    // Handlers run on a worker thread (each owns a Store replica); the
    // answer comes back to this connection's executor to be written.
    // The work guard keeps io.run() alive while the request is away, so a
    // graceful shutdown still writes the answer of an in-flight request.
    auto guard = std::make_shared<asio::executor_work_guard<asio::io_context::executor_type>>(
        asio::make_work_guard(server_.io));
    bool queued = server_.workers.Submit(
        request, [self = shared_from_this(), request, guard](Response response) mutable {
          self->WriteFromWorker(*request, std::move(response));
          guard->reset();
        });
    if (!queued) {
      // Bounded queue in front of the workers: when full, say so at once
      // instead of letting clients wait without limit.
      guard->reset();
      Write(*request, ErrorResponse(Error::Unavailable("the server is busy (" +
                                                       std::to_string(server_.options.max_queue) +
                                                       " requests queued); retry shortly"),
                                    *request));
    }
  }

  void ReplyError(const Error& e) {
    Request req;
    req.method = parser_ ? std::string(parser_->get().method_string()) : "";
    req.target = parser_ ? std::string(parser_->get().target()) : "";
    if (parser_) req.headers["Accept"] = std::string(parser_->get()[http::field::accept]);
    req.request_id = NextRequestId();
    keep_alive_ = false;  // the rest of the stream cannot be trusted
    version_ = 11;
    started_ = Clock::now();
    Write(req, ErrorResponse(e, req));
  }

  void ReplyStatus(int status, std::string body) {
    Request req;
    req.request_id = NextRequestId();
    keep_alive_ = false;
    version_ = 11;
    started_ = Clock::now();
    Response r;
    r.status = status;
    r.headers["Content-Type"] = "text/plain; charset=utf-8";
    r.body = std::move(body);
    Write(req, std::move(r));
  }

  // An answer on its way out: the Beast message and the serializer that
  // writes it, which may be partly consumed before the I/O thread takes over.
  struct Outgoing {
    http::response<http::string_body> message;
    std::optional<http::response_serializer<http::string_body>> serializer;
    bool head_only = false;

    bool Done() { return head_only ? serializer->is_header_done() : serializer->is_done(); }
  };

  // Turns a handler's Response into the HTTP message and records it in the
  // metrics and the access log. Thread-safe: it reads only what Dispatch
  // wrote before handing the request to a worker.
  std::shared_ptr<Outgoing> Prepare(const Request& request, Response response) {
    auto out = std::make_shared<Outgoing>();
    auto& res = out->message;
    res.version(version_);
    res.result(static_cast<unsigned>(response.status));
    for (const auto& [k, v] : response.headers) res.set(k, v);
    res.set(http::field::server, "kg");
    res.set("X-Request-Id", request.request_id);
    res.keep_alive(keep_alive_ && !server_.stopping);
    std::size_t bytes = response.body.size();
    res.body() = std::move(response.body);
    res.prepare_payload();
    out->head_only = response.head_only;
    if (out->head_only) res.body().clear();  // Content-Length keeps the GET length
    out->serializer.emplace(res);
    if (out->head_only) out->serializer->split(true);
    double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    server_.metrics.RecordRequest(RouteName(request.path()), response.status, seconds);
    if (server_.options.access_log) AccessLog(request, response.status, bytes, seconds);
    return out;
  }

  // On the I/O thread: writes the whole answer asynchronously.
  void Write(const Request& request, Response response) {
    Continue(Prepare(request, std::move(response)));
  }

  // On the worker thread that made the answer: sends what the socket takes
  // at once, without blocking, and leaves the rest (if any) and the next
  // read to the I/O thread. The one I/O thread then no longer copies every
  // answer into a socket itself: with four connections on the 2-core
  // machine, wrk's ASK throughput rose by about a quarter (bench/README.md).
  // A slow reader costs the worker nothing: what does not fit in the socket
  // buffer is written asynchronously, as before.
  // Safe because nothing else touches the socket while busy_: Dispatch
  // started no read and cancelled the timer before handing the request over,
  // and CloseIfIdle leaves a busy session alone.
  void WriteFromWorker(const Request& request, Response response) {
    auto out = Prepare(request, std::move(response));
    beast::error_code ec;
    auto& socket = stream_.socket();
    while (!ec && !out->Done()) {
      std::size_t sent = 0;
      out->serializer->next(ec, [&](beast::error_code& next_ec, const auto& buffers) {
        sent = socket.send(buffers, 0, next_ec);  // non-blocking: Start() set it
      });
      if (ec) break;
      out->serializer->consume(sent);
    }
    if (ec == asio::error::would_block || ec == asio::error::try_again) ec = {};
    asio::post(stream_.get_executor(), [self = shared_from_this(), out, ec] {
      if (ec) return self->Finished(out, ec);
      self->Continue(out);
    });
  }

  // On the I/O thread: writes what is left of out, then reads the next request.
  void Continue(std::shared_ptr<Outgoing> out) {
    if (out->Done()) return Finished(out, {});
    stream_.expires_after(server_.options.read_timeout);
    auto done = [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
      self->Finished(out, ec);
    };
    if (out->head_only) return http::async_write_header(stream_, *out->serializer, done);
    http::async_write(stream_, *out->serializer, done);
  }

  void Finished(const std::shared_ptr<Outgoing>& out, beast::error_code ec) {
    busy_ = false;
    ++served_;
    if (ec || !out->message.keep_alive()) return Close();
    ReadHeader();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
    std::lock_guard<std::mutex> lock(server_.sessions_mu);
    server_.sessions.erase(shared_from_this());
  }

  beast::tcp_stream stream_;
  Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool keep_alive_ = false;
  bool busy_ = false;
  unsigned version_ = 11;
  Clock::time_point started_;
  std::size_t served_ = 0;  // responses written on this connection
};

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open()) return;  // shutting down
    } else {
      std::size_t open;
      {
        std::lock_guard<std::mutex> lock(sessions_mu);
        open = sessions.size();
      }
      if (open >= options.max_connections) {
        // Over the cap: a short 503 and close, without reading the request.
        auto sock = std::make_shared<tcp::socket>(std::move(socket));
        auto text = std::make_shared<std::string>(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: "
            "text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 29\r\n\r\n"
            "too many connections; retry\r\n");
        asio::async_write(*sock, asio::buffer(*text), [sock, text](beast::error_code, std::size_t) {
          beast::error_code ignored;
          sock->shutdown(tcp::socket::shutdown_both, ignored);
          sock->close(ignored);
        });
      } else {
        auto session = std::make_shared<Session>(std::move(socket), *this);
        {
          std::lock_guard<std::mutex> lock(sessions_mu);
          sessions.insert(session);
        }
        session->Start();
      }
    }
    Accept();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  work.reset();
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel();
  std::lock_guard<std::mutex> lock(sessions_mu);
  for (auto& s : sessions) s->CloseIfIdle();
}

Server::Server(ServerOptions options, WorkerPool& workers, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), workers, metrics)) {}

Server::~Server() = default;

Result<unsigned short> Server::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Error::BadRequest("invalid --host '" + impl_->options.host + "'");
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Error::Io("cannot listen on " + impl_->options.host + ":" +
                     std::to_string(impl_->options.port) + ": " + ec.message());
  return a.local_endpoint().port();
}

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->BeginStop();
  });
  impl_->Accept();
  impl_->io.run();
  // Every in-flight request has been answered (the work guards kept io.run()
  // going until then); the workers may end.
  impl_->workers.Stop();
  impl_->workers.Join();
}

void Server::Stop() {
  asio::post(impl_->io, [this] { impl_->BeginStop(); });
}

}  // namespace kg

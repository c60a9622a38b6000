// libFuzzer target: raw HTTP/1.1 request bytes through the same path a
// connection takes — Beast's request_parser (with the server's header and
// body limits), ToRequest() (http/request_conversion.h), then kg::Handle on
// an in-memory store holding a small graph. Writes are allowed with the
// bearer token "t" (seeds carry it), so Update and Graph Store writes are
// reached too; the store is rebuilt for every input so runs are
// reproducible. Any input must give a response with a valid status — no
// crash, hang, leak or undefined behaviour.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>

#include "handlers/context.h"
#include "handlers/router.h"
#include "http/request_conversion.h"
#include "store/store.h"

namespace {

namespace http = boost::beast::http;

const kg::Graph& Seed() {
  static const kg::Graph g = [] {
    const std::string ex = "http://example.org/";
    kg::Graph g;
    for (int i = 0; i < 8; ++i) {
      auto s = kg::Term::Iri(ex + "c" + std::to_string(i));
      g.push_back({s, kg::Term::Iri(kg::kRdfType),
                   kg::Term::Iri("http://www.w3.org/2004/02/skos/core#Concept")});
      g.push_back({s, kg::Term::Iri("http://www.w3.org/2004/02/skos/core#prefLabel"),
                   kg::Term::Literal("label " + std::to_string(i), i % 2 ? "nl" : "en")});
      g.push_back({s, kg::Term::Iri(ex + "n"),
                   kg::Term::Literal(std::to_string(i),
                                     {}, "http://www.w3.org/2001/XMLSchema#integer")});
      if (i) g.push_back({s, kg::Term::Iri("http://www.w3.org/2004/02/skos/core#broader"),
                          kg::Term::Iri(ex + "c" + std::to_string(i / 2))});
    }
    return g;
  }();
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.header_limit(64 * 1024);
  parser.body_limit(1024 * 1024);
  boost::asio::const_buffer buf(data, size);
  boost::beast::error_code ec;
  while (!parser.is_done()) {
    std::size_t n = parser.put(buf, ec);
    buf += n;
    if (ec == http::error::need_more) {
      ec = {};
      if (n == 0) {  // all bytes given: the connection ends here
        parser.put_eof(ec);
        if (ec) return 0;
        break;
      }
      continue;
    }
    if (ec) return 0;  // the server answers 400/413/431 without a handler
    if (n == 0 && !parser.is_done() && buf.size() == 0) return 0;
  }
  if (!parser.is_done()) return 0;
  kg::Request request = kg::ToRequest(parser.release());

  kg::Store store;
  if (!store.Add(std::nullopt, Seed()).ok()) __builtin_trap();
  store.AddPrefixes({{"skos", "http://www.w3.org/2004/02/skos/core#"},
                     {"ex", "http://example.org/"}});
  kg::ServiceConfig config;
  config.write_token = "t";
  config.public_base = "http://kg.test";
  config.query_timeout_seconds = 0.5;
  kg::Metrics metrics;
  kg::ServiceContext context{store, config, metrics};
  kg::Response response = kg::Handle(request, context);
  if (response.status < 100 || response.status > 599) __builtin_trap();
  if (response.status == 500) __builtin_trap();  // a handler threw or hit a bug
  return 0;
}

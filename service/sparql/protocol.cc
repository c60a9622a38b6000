#include "sparql/protocol.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace kg {
namespace {

std::string MediaType(const std::string& content_type) {
  std::string mt = content_type.substr(0, content_type.find(';'));
  mt.erase(std::remove_if(mt.begin(), mt.end(), [](unsigned char c) { return std::isspace(c); }),
           mt.end());
  std::transform(mt.begin(), mt.end(), mt.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return mt;
}

// `timeout` (seconds, as Fuseki's): a positive decimal number; the handler
// caps it at the server's --query-timeout.
Status ReadTimeout(const Params& params, SparqlRequest& r) {
  auto values = ParamValues(params, "timeout");
  if (values.empty()) return Status::Ok();
  if (values.size() > 1) return Error::BadRequest("more than one 'timeout' parameter");
  const std::string& v = values.front();
  char* end = nullptr;
  double seconds = v.empty() || std::isspace(static_cast<unsigned char>(v[0]))
                       ? -1
                       : std::strtod(v.c_str(), &end);
  if (!end || *end != '\0' || !std::isfinite(seconds) || seconds <= 0)
    return Error::BadRequest("'timeout' must be a positive number of seconds, not '" + v + "'");
  r.timeout_seconds = seconds;
  return Status::Ok();
}

Result<SparqlRequest> UpdateFromParams(const Params& params) {
  auto updates = ParamValues(params, "update");
  if (!ParamValues(params, "query").empty())
    return Error::BadRequest(updates.empty() ? "a query cannot be sent to the update endpoint"
                                             : "a request may carry 'query' or 'update', not both");
  if (updates.empty()) return Error::BadRequest("missing 'update' parameter");
  if (updates.size() > 1) return Error::BadRequest("more than one 'update' parameter");
  SparqlRequest r;
  r.kind = SparqlRequest::Kind::kUpdate;
  r.update = updates.front();
  r.using_graphs = ParamValues(params, "using-graph-uri");
  r.using_named = ParamValues(params, "using-named-graph-uri");
  if (auto st = ReadTimeout(params, r); !st.ok()) return st.error();
  return r;
}

Result<SparqlRequest> FromParams(const Params& params, bool allow_empty, bool is_get) {
  auto queries = ParamValues(params, "query");
  auto updates = ParamValues(params, "update");
  if (!queries.empty() && !updates.empty())
    return Error::BadRequest("a request may carry 'query' or 'update', not both");
  if (!updates.empty()) {
    if (is_get) return Error::BadRequest("an update must be sent with POST (SPARQL 1.1 Protocol §2.2)");
    return UpdateFromParams(params);
  }
  if (queries.size() > 1) return Error::BadRequest("more than one 'query' parameter");
  SparqlRequest r;
  if (queries.empty()) {
    if (!allow_empty) return Error::BadRequest("missing 'query' parameter");
    r.kind = SparqlRequest::Kind::kServiceDescription;
  } else {
    r.query = queries.front();
  }
  r.dataset.default_graphs = ParamValues(params, "default-graph-uri");
  r.dataset.named_graphs = ParamValues(params, "named-graph-uri");
  auto formats = ParamValues(params, "format");
  if (!formats.empty()) r.format = formats.front();
  if (auto st = ReadTimeout(params, r); !st.ok()) return st.error();
  return r;
}

// The parameters of a POST update: the form's, plus using-graph-uri /
// using-named-graph-uri from the URL; nullopt for a non-update media type.
std::optional<Result<SparqlRequest>> PostUpdate(const Request& request, const std::string& mt,
                                                const Params& url) {
  auto from_url = [&](Params& all) {
    for (auto& p : url)
      if (p.first == "using-graph-uri" || p.first == "using-named-graph-uri" ||
          p.first == "timeout")
        all.push_back(p);
  };
  if (mt == "application/sparql-update") {
    if (!ParamValues(url, "update").empty())
      return Result<SparqlRequest>(
          Error::BadRequest("update given both in the URL and in the body"));
    Params all;
    from_url(all);
    all.emplace_back("update", request.body);
    return UpdateFromParams(all);
  }
  if (mt == "application/x-www-form-urlencoded") {
    Params all = ParseUrlEncoded(request.body);
    if (ParamValues(all, "update").empty()) return std::nullopt;
    from_url(all);
    return UpdateFromParams(all);
  }
  return std::nullopt;
}

}  // namespace

Result<SparqlRequest> ParseUpdateRequest(const Request& request) {
  if (request.method != "POST") return Error::MethodNotAllowed("POST, OPTIONS");
  std::string mt = MediaType(request.header("Content-Type"));
  Params url = request.query_params();
  if (auto r = PostUpdate(request, mt, url)) return std::move(*r);
  if (mt == "application/x-www-form-urlencoded")
    return UpdateFromParams(ParseUrlEncoded(request.body));  // names what is missing
  if (mt == "application/sparql-query")
    return Error::BadRequest("a query cannot be sent to the update endpoint; use /sparql");
  return Error::UnsupportedMedia(
      "POST /update needs a Content-Type: application/sparql-update or "
      "application/x-www-form-urlencoded");
}

Result<SparqlRequest> ParseSparqlRequest(const Request& request) {
  Params url = request.query_params();
  if (request.method == "GET" || request.method == "HEAD") return FromParams(url, true, true);
  if (request.method != "POST") return Error::MethodNotAllowed("GET, HEAD, POST, OPTIONS");

  std::string mt = MediaType(request.header("Content-Type"));
  if (auto r = PostUpdate(request, mt, url)) return std::move(*r);
  if (mt == "application/x-www-form-urlencoded") {
    Params all = ParseUrlEncoded(request.body);
    // `format` and `timeout` may sit in the URL of a form POST too.
    for (auto& p : url)
      if (p.first == "format" || p.first == "timeout") all.push_back(p);
    return FromParams(all, false, false);
  }
  if (mt == "application/sparql-query") {
    if (!ParamValues(url, "query").empty())
      return Error::BadRequest("query given both in the URL and in the body");
    Params all = url;
    all.emplace_back("query", request.body);
    return FromParams(all, false, false);
  }
  if (mt.empty()) return Error::UnsupportedMedia("POST /sparql needs a Content-Type: "
                                                 "application/sparql-query, "
                                                 "application/sparql-update or "
                                                 "application/x-www-form-urlencoded");
  return Error::UnsupportedMedia("Content-Type '" + mt +
                                 "' is not accepted; use application/sparql-query, "
                                 "application/sparql-update or "
                                 "application/x-www-form-urlencoded");
}

}  // namespace kg

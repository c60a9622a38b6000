#include "sparql/protocol.h"

#include <algorithm>
#include <cctype>

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

Result<SparqlRequest> FromParams(const Params& params, bool allow_empty) {
  auto queries = ParamValues(params, "query");
  auto updates = ParamValues(params, "update");
  if (!queries.empty() && !updates.empty())
    return Error::BadRequest("a request may carry 'query' or 'update', not both");
  if (!updates.empty())
    return Error::BadRequest(
        "SPARQL Update is not supported at this endpoint; write with the Graph Store Protocol "
        "at /rdf-graphs");
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
  return r;
}

}  // namespace

Result<SparqlRequest> ParseSparqlRequest(const Request& request) {
  Params url = request.query_params();
  if (request.method == "GET" || request.method == "HEAD") return FromParams(url, true);
  if (request.method != "POST") return Error::MethodNotAllowed("GET, HEAD, POST, OPTIONS");

  std::string mt = MediaType(request.header("Content-Type"));
  if (mt == "application/x-www-form-urlencoded") {
    Params all = ParseUrlEncoded(request.body);
    // `format` may sit in the URL of a form POST too.
    for (auto& p : url)
      if (p.first == "format") all.push_back(p);
    return FromParams(all, false);
  }
  if (mt == "application/sparql-query") {
    if (!ParamValues(url, "query").empty())
      return Error::BadRequest("query given both in the URL and in the body");
    Params all = url;
    all.emplace_back("query", request.body);
    return FromParams(all, false);
  }
  if (mt == "application/sparql-update")
    return Error::BadRequest(
        "SPARQL Update is not supported at this endpoint; write with the Graph Store Protocol "
        "at /rdf-graphs");
  if (mt.empty()) return Error::UnsupportedMedia("POST /sparql needs a Content-Type: "
                                                 "application/sparql-query or "
                                                 "application/x-www-form-urlencoded");
  return Error::UnsupportedMedia("Content-Type '" + mt +
                                 "' is not accepted; use application/sparql-query or "
                                 "application/x-www-form-urlencoded");
}

}  // namespace kg

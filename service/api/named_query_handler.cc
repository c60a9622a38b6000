#include "api/named_query_handler.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <chrono>
#include <map>

#include "api/param_binding.h"
#include "api/plain_results.h"
#include "evaluator/engine.h"
#include "serialize/format.h"
#include "serialize/negotiate.h"
#include "serialize/serialize.h"

namespace kg::api {
namespace {

const std::vector<Format>& SelectOffers() {
  static const std::vector<Format> v{Format::kJson, Format::kSparqlJson, Format::kSparqlXml,
                                     Format::kCsv,  Format::kTsv,        Format::kHtml};
  return v;
}

Result<int> PositiveParam(const Params& params, const std::string& name, int fallback, int max) {
  auto values = ParamValues(params, name);
  if (values.empty()) return fallback;
  if (values.size() > 1) return Error::BadRequest("parameter '" + name + "' given twice");
  const std::string& s = values.front();
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 1 || v > max)
    return Error::BadRequest("parameter '" + name + "' must be an integer from 1 to " +
                             std::to_string(max));
  return v;
}

// The request's target with page/per_page replaced.
std::string PageLink(const std::string& base, const Request& request, int page, int per_page) {
  std::string t = base + std::string(request.path()) + "?";
  for (const auto& [k, v] : request.query_params())
    if (k != "page" && k != "per_page") t += PercentEncode(k) + "=" + PercentEncode(v) + "&";
  return t + "page=" + std::to_string(page) + "&per_page=" + std::to_string(per_page);
}

}  // namespace

Result<Response> RunNamedQuery(const Request& request, const NamedQuery& query,
                               const Store& store, double timeout_seconds,
                               const std::string& public_base) {
  Params params = request.query_params();
  auto bindings = BindParams(query, params);
  if (!bindings.ok()) return bindings.error();
  int page = 1, per_page = 0;
  if (query.pagination > 0) {
    auto p = PositiveParam(params, "page", 1, 1000000);
    if (!p.ok()) return p.error();
    auto pp = PositiveParam(params, "per_page", query.pagination, 1000);
    if (!pp.ok()) return pp.error();
    page = *p;
    per_page = *pp;
  }
  auto formats = ParamValues(params, "format");
  std::string format_param = formats.empty() ? "" : formats.front();
  // Negotiate before running: a 406 costs no query.
  auto format = Negotiate(request.header("Accept"),
                          query.is_select_or_ask ? SelectOffers() : GraphFormats(), format_param);
  if (!format.ok()) return format.error();

  sparql::QueryLimits limits;
  limits.deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(timeout_seconds));
  auto result = sparql::ExecuteQuery(store, query.text, {}, {}, limits, *bindings);
  if (!result.ok()) return result.error();

  Response r;
  if (query.pagination > 0 && result->is_select()) {
    auto& rows = std::get<ResultSet>(result->value).rows;
    std::size_t total = rows.size();
    std::size_t from = std::min(total, static_cast<std::size_t>(page - 1) * per_page);
    std::size_t to = std::min(total, from + per_page);
    rows.Keep(from, to);
    int last = std::max<int>(1, static_cast<int>((total + per_page - 1) / per_page));
    std::string link = "<" + PageLink(public_base, request, 1, per_page) + ">; rel=\"first\"";
    if (page > 1)
      link += ", <" + PageLink(public_base, request, std::min(page - 1, last), per_page) +
              ">; rel=\"prev\"";
    if (page < last)
      link += ", <" + PageLink(public_base, request, page + 1, per_page) + ">; rel=\"next\"";
    link += ", <" + PageLink(public_base, request, last, per_page) + ">; rel=\"last\"";
    r.headers["Link"] = link;
    r.headers["X-Total-Count"] = std::to_string(total);
  }
  if (*format == Format::kJson) {
    r.body = WritePlainJson(*result);
  } else if (*format == Format::kHtml) {
    r.body = WriteHtmlTable(*result, query.summary);
  } else {
    auto body = WriteQueryResult(*format, *result, store.Prefixes());
    if (!body.ok()) return body.error();
    r.body = std::move(body.value());
  }
  r.headers["Content-Type"] = ContentType(*format);
  r.headers["Vary"] = "Accept";
  return r;
}

std::string QueryListJson(const std::map<std::string, NamedQuery>& catalog) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto s = [&](const std::string& v) {
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartArray();
  for (const auto& [name, q] : catalog) {
    w.StartObject();
    w.Key("name");
    s(name);
    w.Key("path");
    s("/api/queries/" + name);
    w.Key("summary");
    s(q.summary);
    w.Key("description");
    s(q.description);
    w.Key("tags");
    w.StartArray();
    for (const auto& t : q.tags) s(t);
    w.EndArray();
    w.Key("parameters");
    w.StartArray();
    for (const auto& p : q.params) {
      w.StartObject();
      w.Key("name");
      s(p.name);
      w.Key("type");
      w.String(ParamTypeName(p.type));
      w.Key("required");
      w.Bool(p.required);
      if (!p.default_value.empty()) {
        w.Key("default");
        s(p.default_value);
      }
      if (!p.values.empty()) {
        w.Key("values");
        w.StartArray();
        for (const auto& v : p.values) s(v);
        w.EndArray();
      }
      w.Key("description");
      s(p.description);
      w.EndObject();
    }
    w.EndArray();
    if (q.pagination > 0) {
      w.Key("pagination");
      w.Int(q.pagination);
    }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace kg::api

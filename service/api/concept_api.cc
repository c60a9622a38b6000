#include "api/concept_api.h"

#include <charconv>
#include <set>

#include "api/concept_json.h"
#include "serialize/format.h"
#include "serialize/negotiate.h"

namespace kg::api {
namespace {

namespace v = vocabulary;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Only `allowed` (and format) may appear, each at most once.
Status CheckParams(const Params& params, std::initializer_list<std::string_view> allowed) {
  std::set<std::string> seen;
  for (const auto& [k, val] : params) {
    bool ok = k == "format";
    for (auto a : allowed) ok = ok || k == a;
    if (!ok) return Error::BadRequest("unknown parameter '" + k + "'");
    if (!seen.insert(k).second) return Error::BadRequest("parameter '" + k + "' given twice");
  }
  return Status::Ok();
}

std::optional<std::string> Param(const Params& params, std::string_view name) {
  auto values = ParamValues(params, name);
  if (values.empty()) return std::nullopt;
  return values.front();
}

// BCP 47 shape: 1-8 letters, then -subtags of 1-8 letters/digits.
bool IsLanguageTag(std::string_view s) {
  std::size_t i = 0, part = 0;
  bool first = true;
  if (s.empty()) return false;
  for (; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      if (part == 0 || part > 8) return false;
      part = 0;
      first = false;
      continue;
    }
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!(alpha || (digit && !first))) return false;
    ++part;
  }
  return true;
}

std::string LowerTag(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

Result<std::string> LangParam(const Params& params, const v::Config& config) {
  auto lang = Param(params, "lang");
  if (!lang) return config.languages.empty() ? std::string() : config.languages.front();
  if (!IsLanguageTag(*lang))
    return Error::BadRequest("parameter 'lang' must be a language tag such as nl or en");
  return LowerTag(*lang);
}

Result<JsonOptions> Negotiated(const Request& request, const v::Config& config) {
  static const std::vector<Format> kOffers{Format::kJson, Format::kJsonLd};
  auto format = Negotiate(request.header("Accept"), kOffers,
                          Param(request.query_params(), "format").value_or(""));
  if (!format.ok()) return format.error();
  JsonOptions o;
  o.jsonld = *format == Format::kJsonLd;
  o.ontology_ns = config.OntologyNamespace();
  return o;
}

Response JsonResponse(std::string body, const JsonOptions& o) {
  Response r;
  r.headers["Content-Type"] = ContentType(o.jsonld ? Format::kJsonLd : Format::kJson);
  r.headers["Vary"] = "Accept";
  r.body = std::move(body);
  return r;
}

Result<Response> Search(const Request& request, const Store& store, const v::Config& config,
                        const JsonOptions& o) {
  Params params = request.query_params();
  if (auto s = CheckParams(params, {"q", "lang", "limit"}); !s.ok()) return s.error();
  auto q = Param(params, "q");
  if (!q) return Error::BadRequest("parameter 'q' (the text to search for) is required");
  if (v::Fold(*q).empty()) return Error::BadRequest("parameter 'q' must not be empty");
  if (q->size() > 200) return Error::BadRequest("parameter 'q' is longer than 200 bytes");
  auto lang = LangParam(params, config);
  if (!lang.ok()) return lang.error();
  int limit = 20;
  if (auto l = Param(params, "limit")) {
    auto [end, ec] = std::from_chars(l->data(), l->data() + l->size(), limit);
    if (l->empty() || ec != std::errc() || end != l->data() + l->size() || limit < 1 ||
        limit > 100)
      return Error::BadRequest("parameter 'limit' must be an integer from 1 to 100");
  }
  auto hits = v::Search(store, *q, *lang, static_cast<std::size_t>(limit), config);
  if (!hits.ok()) return hits.error();
  return JsonResponse(SearchJson(*q, *lang, *hits, o), o);
}

Result<Response> Concept(const Request& request, std::string_view rest, const Store& store,
                         const v::Config& config, const JsonOptions& o) {
  if (auto s = CheckParams(request.query_params(), {}); !s.ok()) return s.error();
  std::string_view id = rest, sub;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    id = rest.substr(0, slash);
    sub = rest.substr(slash + 1);
  }
  std::string decoded = PercentDecode(id, false);
  if (!v::IsValidId(decoded))
    return Error::BadRequest("'" + decoded + "' is not a concept id (letters, digits, - . _ ~)");
  std::string iri = config.ConceptIri(decoded);
  if (sub.empty()) {
    auto c = v::GetConcept(store, iri, config);
    if (!c.ok()) return c.error();
    return JsonResponse(ConceptJson(*c, o), o);
  }
  if (sub == "broader" || sub == "narrower" || sub == "related") {
    v::Direction d = sub == "broader"    ? v::Direction::kBroader
                     : sub == "narrower" ? v::Direction::kNarrower
                                         : v::Direction::kRelated;
    auto refs = v::Neighbours(store, iri, d, config);
    if (!refs.ok()) return refs.error();
    std::string name(sub);
    return JsonResponse(NeighboursJson(iri, decoded, name.c_str(), *refs, o), o);
  }
  if (sub == "hierarchy") {
    auto paths = v::PathsToTop(store, iri, config);
    if (!paths.ok()) return paths.error();
    return JsonResponse(HierarchyJson(iri, decoded, *paths, o), o);
  }
  return Error::NotFound("no resource '" + std::string(sub) +
                         "' under a concept (broader, narrower, related, hierarchy)");
}

}  // namespace

bool IsConceptApiPath(std::string_view path) {
  for (std::string_view p : {"/api/concepts", "/api/schemes", "/api/works"})
    if (path == p || StartsWith(path, std::string(p) + "/")) return true;
  return false;
}

Result<Response> HandleConceptApi(const Request& request, const Store& store,
                                  const v::Config& config) {
  std::string_view path = request.path();
  // Negotiate first: a 406 costs no query.
  auto o = Negotiated(request, config);
  if (!o.ok()) return o.error();
  if (path == "/api/concepts" || path == "/api/concepts/") return Search(request, store, config, *o);
  if (StartsWith(path, "/api/concepts/"))
    return Concept(request, path.substr(std::string_view("/api/concepts/").size()), store, config,
                   *o);
  if (path == "/api/schemes" || path == "/api/schemes/") {
    if (auto s = CheckParams(request.query_params(), {}); !s.ok()) return s.error();
    auto schemes = v::ListSchemes(store, config);
    if (!schemes.ok()) return schemes.error();
    return JsonResponse(SchemesJson(*schemes, *o), *o);
  }
  if (StartsWith(path, "/api/schemes/")) {
    if (auto s = CheckParams(request.query_params(), {}); !s.ok()) return s.error();
    std::string id = PercentDecode(path.substr(std::string_view("/api/schemes/").size()), false);
    if (!v::IsValidId(id))
      return Error::BadRequest("'" + id + "' is not a scheme id (letters, digits, - . _ ~)");
    std::string iri = config.SchemeIri(id);
    auto scheme = v::GetScheme(store, iri, config);
    if (!scheme.ok()) return scheme.error();
    auto tree = v::SchemeTree(store, iri, config);
    if (!tree.ok()) return tree.error();
    return JsonResponse(SchemeJson(*scheme, *tree, *o), *o);
  }
  if (path == "/api/works" || path == "/api/works/") {
    if (auto s = CheckParams(request.query_params(), {}); !s.ok()) return s.error();
    auto works = v::ListWorks(store, config);
    if (!works.ok()) return works.error();
    return JsonResponse(WorksJson(*works, *o), *o);
  }
  if (StartsWith(path, "/api/works/")) {
    if (auto s = CheckParams(request.query_params(), {}); !s.ok()) return s.error();
    std::string id = PercentDecode(path.substr(std::string_view("/api/works/").size()), false);
    if (!v::IsValidId(id))
      return Error::BadRequest("'" + id + "' is not a work id (letters, digits, - . _ ~)");
    auto work = v::GetWork(store, config.WorkIri(id), config);
    if (!work.ok()) return work.error();
    return JsonResponse(WorkJson(*work, *o), *o);
  }
  return Error::NotFound("no resource at " + std::string(path));
}

}  // namespace kg::api

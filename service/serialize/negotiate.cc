#include "serialize/negotiate.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace kg {
namespace {

struct Range {
  std::string type, subtype;  // lower-case; "*" for wildcards
  double q = 1.0;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ParseQ(std::string_view v, double* q) {
  // RFC 9110 qvalue: 0(.ddd) or 1(.000)
  std::string s(Trim(v));
  if (s.empty() || s.size() > 5) return false;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || d < 0 || d > 1) return false;
  *q = d;
  return true;
}

std::vector<Range> ParseAccept(std::string_view accept) {
  std::vector<Range> out;
  while (!accept.empty()) {
    auto comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view mt = Trim(item.substr(0, semi));
    auto slash = mt.find('/');
    if (mt.empty() || slash == std::string_view::npos || slash == 0 || slash + 1 == mt.size())
      continue;
    Range r{Lower(Trim(mt.substr(0, slash))), Lower(Trim(mt.substr(slash + 1)))};
    if (r.type == "*" && r.subtype != "*") continue;
    bool ok = true;
    while (semi != std::string_view::npos) {
      item = item.substr(semi + 1);
      semi = item.find(';');
      std::string_view param = Trim(item.substr(0, semi));
      auto eq = param.find('=');
      if (eq == std::string_view::npos) continue;
      if (Lower(Trim(param.substr(0, eq))) == "q" && !ParseQ(param.substr(eq + 1), &r.q))
        ok = false;
    }
    if (ok) out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string_view> Aliases(Format f) {
  switch (f) {
    case Format::kSparqlJson: return {"application/json"};
    case Format::kJsonLd: return {"application/json"};
    case Format::kSparqlXml: return {"application/xml", "text/xml"};
    case Format::kNTriples: return {"text/plain"};
    case Format::kTurtle: return {"application/x-turtle"};
    default: return {};
  }
}

// Specificity of `r` matching media type `mt`: 4 exact, 3 exact alias (an
// alias is weaker than the real name, stronger than a wildcard), 2 type/*,
// 1 */*, -1 no match.
int Match(const Range& r, std::string_view mt, bool alias) {
  auto slash = mt.find('/');
  std::string_view type = mt.substr(0, slash), subtype = mt.substr(slash + 1);
  if (r.type == type && r.subtype == subtype) return alias ? 3 : 4;
  if (alias) return -1;
  if (r.type == type && r.subtype == "*") return 2;
  if (r.type == "*" && r.subtype == "*") return 1;
  return -1;
}

}  // namespace

Result<Format> Negotiate(std::string_view accept, const std::vector<Format>& offers,
                         std::string_view format_param) {
  if (offers.empty()) return Error::Internal("negotiation without offers");
  if (!Trim(format_param).empty()) {
    auto f = FormatFromParam(format_param);
    if (f && std::find(offers.begin(), offers.end(), *f) != offers.end()) return *f;
    return Error::NotAcceptable(MediaTypeList(offers));
  }
  std::vector<Range> ranges = ParseAccept(accept);
  if (Trim(accept).empty() || ranges.empty()) {
    if (Trim(accept).empty()) return offers.front();
    return Error::NotAcceptable(MediaTypeList(offers));
  }
  int best = -1;
  double best_q = 0;
  int best_spec = -1;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    // The most specific range that matches this offer decides its q.
    int spec = -1;
    double q = 0;
    auto consider = [&](std::string_view mt, bool alias) {
      for (const auto& r : ranges) {
        int s = Match(r, mt, alias);
        if (s > spec) {
          spec = s;
          q = r.q;
        }
      }
    };
    consider(Info(offers[i]).media_type, false);
    for (auto a : Aliases(offers[i])) consider(a, true);
    if (spec < 0 || q <= 0) continue;
    if (q > best_q || (q == best_q && spec > best_spec)) {
      best = static_cast<int>(i);
      best_q = q;
      best_spec = spec;
    }
  }
  if (best < 0) return Error::NotAcceptable(MediaTypeList(offers));
  return offers[best];
}

}  // namespace kg

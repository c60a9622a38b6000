#include "api/plain_results.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kg::api {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

void Str(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

bool IsIntegerType(std::string_view local) {
  for (auto t : {"integer", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt",
                 "unsignedLong", "unsignedShort", "unsignedByte"})
    if (local == t) return true;
  return false;
}

void WriteValue(JsonWriter& w, const Term& t) {
  if (t.is_iri()) return Str(w, t.value);
  if (t.is_blank()) return Str(w, "_:" + t.value);
  if (!t.language.empty()) {
    w.StartObject();
    w.Key("value");
    Str(w, t.value);
    w.Key("lang");
    Str(w, t.language);
    w.EndObject();
    return;
  }
  std::string_view dt = t.datatype;
  if (dt.substr(0, kXsd.size()) == kXsd) {
    std::string_view local = dt.substr(kXsd.size());
    std::string_view v = t.value;
    if (IsIntegerType(local)) {
      std::string_view s = v;
      if (!s.empty() && s[0] == '+') s.remove_prefix(1);
      long long n = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (!s.empty() && ec == std::errc() && end == s.data() + s.size()) {
        w.Int64(n);
        return;
      }
    } else if (local == "decimal" || local == "double" || local == "float") {
      char* end = nullptr;
      std::string copy(v);
      double d = std::strtod(copy.c_str(), &end);
      if (!copy.empty() && end == copy.c_str() + copy.size() && std::isfinite(d) &&
          copy.find_first_of("xXnN") == std::string::npos) {
        w.Double(d);
        return;
      }
    } else if (local == "boolean") {
      if (v == "true" || v == "1") return void(w.Bool(true));
      if (v == "false" || v == "0") return void(w.Bool(false));
    }
  }
  Str(w, t.value);
}

}  // namespace

std::string WritePlainJson(const QueryResult& result) {
  if (result.is_ask()) return std::get<bool>(result.value) ? "true" : "false";
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartArray();
  if (result.is_select()) {
    const auto& rs = std::get<ResultSet>(result.value);
    for (const auto& row : rs.rows) {
      w.StartObject();
      for (std::size_t i = 0; i < row.size() && i < rs.variables.size(); ++i) {
        if (!row[i]) continue;
        Str(w, rs.variables[i]);
        WriteValue(w, *row[i]);
      }
      w.EndObject();
    }
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string WriteHtmlTable(const QueryResult& result, std::string_view title) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
      HtmlEscape(title) +
      "</title><style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
      "th{background:#f3f3f3}small{color:#666}</style></head><body>\n<h1>" +
      HtmlEscape(title) + "</h1>\n";
  if (result.is_ask()) {
    h += std::string("<p>") + (std::get<bool>(result.value) ? "true" : "false") + "</p>\n";
  } else if (result.is_select()) {
    const auto& rs = std::get<ResultSet>(result.value);
    h += "<table>\n<thead><tr>";
    for (const auto& v : rs.variables) h += "<th>" + HtmlEscape(v) + "</th>";
    h += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rs.rows) {
      h += "<tr>";
      for (std::size_t i = 0; i < rs.variables.size(); ++i) {
        h += "<td>";
        if (i < row.size() && row[i]) {
          const Term& t = *row[i];
          bool web = t.value.rfind("http://", 0) == 0 || t.value.rfind("https://", 0) == 0;
          if (t.is_iri() && web) {  // only web IRIs become links (no javascript:)
            h += "<a href=\"" + HtmlEscape(t.value) + "\">" + HtmlEscape(t.value) + "</a>";
          } else if (t.is_iri()) {
            h += HtmlEscape(t.value);
          } else if (t.is_blank()) {
            h += "_:" + HtmlEscape(t.value);
          } else if (!t.language.empty()) {
            h += "<span lang=\"" + HtmlEscape(t.language) + "\">" + HtmlEscape(t.value) +
                 "</span> <small>@" + HtmlEscape(t.language) + "</small>";
          } else {
            h += HtmlEscape(t.value);
          }
        }
        h += "</td>";
      }
      h += "</tr>\n";
    }
    h += "</tbody></table>\n<p><small>" + std::to_string(rs.rows.size()) +
         " rows</small></p>\n";
  }
  return h + "</body></html>\n";
}

}  // namespace kg::api

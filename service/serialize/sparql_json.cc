#include "serialize/sparql_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kg {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(JsonWriter& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// §3.2.2: RDF term encoding.
void WriteTerm(JsonWriter& w, const Term& t) {
  w.StartObject();
  w.Key("type");
  switch (t.kind) {
    case Term::Kind::kIri: w.String("uri"); break;
    case Term::Kind::kBlank: w.String("bnode"); break;
    case Term::Kind::kLiteral: w.String("literal"); break;
  }
  w.Key("value");
  Str(w, t.value);
  if (t.is_literal() && !t.language.empty()) {
    w.Key("xml:lang");
    Str(w, t.language);
  } else if (t.is_literal() && !t.datatype.empty()) {
    w.Key("datatype");
    Str(w, t.datatype);
  }
  w.EndObject();
}

}  // namespace

std::string WriteSparqlJson(const ResultSet& results) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("head");
  w.StartObject();
  w.Key("vars");
  w.StartArray();
  for (const auto& v : results.variables) Str(w, v);
  w.EndArray();
  w.EndObject();
  w.Key("results");
  w.StartObject();
  w.Key("bindings");
  w.StartArray();
  for (const auto& row : results.rows) {
    w.StartObject();
    for (std::size_t i = 0; i < row.size() && i < results.variables.size(); ++i) {
      if (!row[i]) continue;  // unbound: omitted (§3.2.1)
      Str(w, results.variables[i]);
      WriteTerm(w, *row[i]);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string out(buf.GetString(), buf.GetSize());
  out += '\n';
  return out;
}

std::string WriteSparqlJson(bool boolean) {
  return std::string("{\"head\":{},\"boolean\":") + (boolean ? "true" : "false") + "}\n";
}

}  // namespace kg

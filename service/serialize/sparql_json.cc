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
  // About what a row of IRIs and short literals takes, so a large answer
  // grows the buffer a few times rather than a dozen.
  buf.Reserve(64 + results.rows.size() * results.variables.size() * 64);
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
  // The terms of a large answer are scattered over the store's dictionary
  // (borrowed cells), so most reads miss the cache: while writing row r,
  // ask for the terms of row r + 16 and for the values of row r + 8, whose
  // terms have arrived by then. (Inside the writing loop: GCC drops a loop
  // that only prefetches.)
  const auto& rows = results.rows;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const auto* ahead = r + 16 < rows.size() ? &rows[r + 16] : nullptr;
    const auto* near = r + 8 < rows.size() ? &rows[r + 8] : nullptr;
    w.StartObject();
    for (std::size_t i = 0; i < row.size() && i < results.variables.size(); ++i) {
      if (ahead && i < ahead->size() && (*ahead)[i]) __builtin_prefetch(&*(*ahead)[i]);
      if (near && i < near->size() && (*near)[i]) __builtin_prefetch((*near)[i]->value.data());
      if (!row[i]) continue;  // unbound: omitted (§3.2.1)
      Str(w, results.variables[i]);
      WriteTerm(w, *row[i]);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  buf.Put('\n');  // in the buffer: one copy out, no reallocation for it
  return std::string(buf.GetString(), buf.GetSize());
}

std::string WriteSparqlJson(bool boolean) {
  return std::string("{\"head\":{},\"boolean\":") + (boolean ? "true" : "false") + "}\n";
}

}  // namespace kg

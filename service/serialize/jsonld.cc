#include "serialize/jsonld.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace kg {
namespace {

// Copies `s`, replacing every ill-formed UTF-8 sequence (RFC 3629: overlongs,
// surrogates, > U+10FFFF, truncated) by U+FFFD so the JSON is always valid.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

bool EndsWithGenDelim(const std::string& ns) {
  return !ns.empty() && std::string_view(":/?#[]@").find(ns.back()) != std::string_view::npos;
}

// A prefix that a JSON-LD 1.1 processor will use for compact IRI expansion
// (API §4.2 Create Term Definition, prefix flag; §5.2 IRI Expansion step 6).
bool UsablePrefix(const std::string& name, const std::string& ns) {
  return !name.empty() && name != "_" && name[0] != '@' &&
         name.find_first_of(":/") == std::string::npos && EndsWithGenDelim(ns);
}

// Scheme of an absolute IRI ("http" for "http://x"), empty if none.
std::string_view Scheme(std::string_view iri) {
  size_t colon = iri.find(':');
  return colon == std::string_view::npos ? std::string_view() : iri.substr(0, colon);
}

class Compactor {
 public:
  explicit Compactor(const PrefixMap& prefixes) {
    std::set<std::string> seen;
    for (const auto& [name, ns] : prefixes)
      if (UsablePrefix(name, ns) && seen.insert(name).second) candidates_.push_back({name, ns});
  }

  // Decides which prefixes go into @context: every candidate that compacts
  // some IRI, minus those whose name is the scheme of an IRI we must write in
  // full (IRI Expansion §5.2 step 6.4 would expand "urn:x" via prefix "urn").
  void Prepare(const std::set<std::string>& iris) {
    std::set<std::string> banned;
    for (;;) {
      active_.clear();
      for (const auto& c : candidates_)
        if (!banned.count(c.first)) active_.push_back(c);
      bool changed = false;
      for (const auto& iri : iris) {
        if (Compact(iri) != iri) continue;
        std::string_view rest = std::string_view(iri).substr(Scheme(iri).size());
        if (rest.substr(0, 3) == "://") continue;  // "//" suffix: never a compact IRI
        for (const auto& c : active_)
          if (c.first == Scheme(iri) && banned.insert(c.first).second) changed = true;
      }
      if (!changed) break;
    }
    used_.assign(active_.size(), false);
    for (const auto& iri : iris) Compact(iri, true);
  }

  std::string Compact(const std::string& iri, bool mark = false) {
    int best = -1;
    for (size_t i = 0; i < active_.size(); ++i) {
      const auto& ns = active_[i].second;
      if (iri.size() < ns.size() || iri.compare(0, ns.size(), ns) != 0) continue;
      if (iri.compare(ns.size(), 2, "//") == 0) continue;  // §5.2 step 6.2
      if (best < 0 || ns.size() > active_[best].second.size()) best = static_cast<int>(i);
    }
    if (best < 0) return iri;
    if (mark) used_[best] = true;
    return active_[best].first + ":" + iri.substr(active_[best].second.size());
  }

  template <typename W>
  void WriteContext(W& w) const {
    if (std::find(used_.begin(), used_.end(), true) == used_.end()) return;
    w.Key("@context");
    w.StartObject();
    for (size_t i = 0; i < active_.size(); ++i) {
      if (!used_[i]) continue;
      w.Key(ValidUtf8(active_[i].first).c_str());
      std::string ns = ValidUtf8(active_[i].second);
      w.String(ns.data(), static_cast<rapidjson::SizeType>(ns.size()));
    }
    w.EndObject();
  }

 private:
  PrefixMap candidates_, active_;
  std::vector<bool> used_;
};

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) {
  std::string v = ValidUtf8(s);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}

std::string IdOf(const Term& t, Compactor& c) {
  return t.is_blank() ? "_:" + t.value : c.Compact(t.value);
}

void WriteObject(Writer& w, const Term& o, Compactor& c) {
  if (!o.is_literal()) {
    w.StartObject();
    w.Key("@id");
    Str(w, IdOf(o, c));
    w.EndObject();
    return;
  }
  if (o.language.empty() && o.datatype.empty()) return Str(w, o.value);
  w.StartObject();
  w.Key("@value");
  Str(w, o.value);
  if (!o.language.empty()) {
    w.Key("@language");
    Str(w, o.language);
  } else {
    w.Key("@type");
    Str(w, c.Compact(o.datatype));
  }
  w.EndObject();
}

}  // namespace

std::string WriteJsonLd(const Graph& graph, const PrefixMap& prefixes) {
  // subject -> predicate IRI -> sorted, de-duplicated objects.
  std::map<Term, std::map<std::string, std::set<Term>>> nodes;
  std::set<std::string> iris;
  for (const auto& t : graph) {
    nodes[t.subject][t.predicate.value].insert(t.object);
    if (t.subject.is_iri()) iris.insert(t.subject.value);
    iris.insert(t.predicate.value);
    if (t.object.is_iri()) iris.insert(t.object.value);
    if (t.object.is_literal() && t.object.language.empty() && !t.object.datatype.empty())
      iris.insert(t.object.datatype);
  }
  Compactor compactor(prefixes);
  compactor.Prepare(iris);

  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  compactor.WriteContext(w);
  w.Key("@graph");
  w.StartArray();
  for (const auto& [subject, props] : nodes) {
    w.StartObject();
    w.Key("@id");
    Str(w, IdOf(subject, compactor));
    // JSON-LD 1.1 §4.3 (Specifying the Type): IRI-valued rdf:type -> @type.
    std::vector<const Term*> types;
    if (auto it = props.find(kRdfType); it != props.end())
      for (const auto& o : it->second)
        if (o.is_iri()) types.push_back(&o);
    if (!types.empty()) {
      w.Key("@type");
      if (types.size() > 1) w.StartArray();
      for (const Term* t : types) Str(w, compactor.Compact(t->value));
      if (types.size() > 1) w.EndArray();
    }
    for (const auto& [pred, objects] : props) {
      std::vector<const Term*> values;
      for (const auto& o : objects)
        if (pred != kRdfType || !o.is_iri()) values.push_back(&o);
      if (values.empty()) continue;
      Str(w, compactor.Compact(pred));  // Key: String() inside an object is a key.
      if (values.size() > 1) w.StartArray();
      for (const Term* o : values) WriteObject(w, *o, compactor);
      if (values.size() > 1) w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kg

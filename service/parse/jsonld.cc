#include "parse/jsonld.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace kg {
namespace {

using Value = rapidjson::Value;

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr int kMaxDepth = 256;

std::string Str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// Member lookup by std::string (keys may contain NUL, so no c_str()).
const Value* Member(const Value& obj, const std::string& key) {
  Value name(rapidjson::StringRef(key.data(), static_cast<rapidjson::SizeType>(key.size())));
  auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---------------------------------------------------------------------------
// IRIs: RFC 3986 §3 (scheme) and §5.2 (reference resolution).

bool IsAbsoluteIri(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ':') return true;
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

struct IriParts {
  std::string scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

IriParts SplitIri(std::string_view s) {
  IriParts p;
  if (IsAbsoluteIri(s)) {
    size_t colon = s.find(':');
    p.has_scheme = true;
    p.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    size_t slash = s.find('/', 2);
    p.has_authority = true;
    p.authority = s.substr(2, slash == std::string_view::npos ? s.npos : slash - 2);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4.
std::string RemoveDotSegments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

// RFC 3986 §5.2.2 (strict parser).
std::string ResolveIri(const std::string& base, const std::string& ref) {
  if (!IsAbsoluteIri(base)) return ref;
  IriParts r = SplitIri(ref), b = SplitIri(base), t;
  if (r.has_scheme) {
    t = r;
    t.path = RemoveDotSegments(r.path);
  } else {
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      t.path = RemoveDotSegments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        t.path = b.path;
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        if (r.path[0] == '/') {
          t.path = RemoveDotSegments(r.path);
        } else {
          std::string merged = b.has_authority && b.path.empty()
                                   ? "/" + r.path
                                   : b.path.substr(0, b.path.rfind('/') + 1) + r.path;
          t.path = RemoveDotSegments(merged);
        }
        t.has_query = r.has_query;
        t.query = r.query;
      }
      t.has_authority = b.has_authority;
      t.authority = b.authority;
    }
    t.has_scheme = true;
    t.scheme = b.scheme;
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  std::string out = t.scheme + ":";
  if (t.has_authority) out += "//" + t.authority;
  out += t.path;
  if (t.has_query) out += "?" + t.query;
  if (t.has_fragment) out += "#" + t.fragment;
  return out;
}

// ---------------------------------------------------------------------------
// Keywords (JSON-LD 1.1 §1.7 Syntax Tokens and Keywords).

bool IsKeyword(std::string_view s) {
  static const std::set<std::string_view> kKeywords = {
      "@base",     "@container", "@context", "@direction", "@graph",    "@id",
      "@import",   "@included",  "@index",   "@json",      "@language", "@list",
      "@nest",     "@none",      "@prefix",  "@propagate", "@protected", "@reverse",
      "@set",      "@type",      "@value",   "@version",   "@vocab"};
  return kKeywords.count(s) > 0;
}

// "@" followed by ALPHA only: reserved for future keywords, ignored (§9.1).
bool LooksLikeKeyword(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

bool EndsWithGenDelim(const std::string& s) {
  return !s.empty() && std::string_view(":/?#[]@").find(s.back()) != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Active context (API §4.1).

enum Container : unsigned { kList = 1, kSet = 2, kLanguage = 4, kIndex = 8 };

struct TermDef {
  std::optional<std::string> iri;  // nullopt: term explicitly mapped to null
  bool reverse = false;
  bool prefix = false;
  std::string type;  // "", "@id", "@vocab", "@none", "@json" or an IRI
  bool has_language = false;
  std::optional<std::string> language;  // with has_language: nullopt = no language
  unsigned containers = 0;
  const Value* context = nullptr;  // scoped context; points into the parsed document
};

struct Context;
using Ctx = std::shared_ptr<const Context>;

struct Context {
  std::map<std::string, TermDef> terms;
  std::optional<std::string> base, vocab, language;
  Ctx previous;  // set by non-propagated (type-scoped) contexts, §4.1.2 step 2
};

// API §5.2 IRI Expansion on a finished context; nullopt = maps to null.
std::optional<std::string> ExpandIri(const Context& ctx, const std::string& value, bool vocab,
                                     bool document_relative) {
  if (IsKeyword(value)) return value;
  if (LooksLikeKeyword(value)) return std::nullopt;
  auto it = ctx.terms.find(value);
  if (it != ctx.terms.end() && it->second.iri && IsKeyword(*it->second.iri)) return it->second.iri;
  if (vocab && it != ctx.terms.end()) return it->second.iri;
  if (size_t colon = value.find(':'); colon != std::string::npos && colon > 0) {
    std::string prefix = value.substr(0, colon), suffix = value.substr(colon + 1);
    if (prefix == "_" || suffix.rfind("//", 0) == 0) return value;  // bnode / absolute IRI
    auto p = ctx.terms.find(prefix);
    if (p != ctx.terms.end() && p->second.iri && p->second.prefix) return *p->second.iri + suffix;
    if (IsAbsoluteIri(value)) return value;
  }
  if (vocab && ctx.vocab) return *ctx.vocab + value;
  if (document_relative && ctx.base) return ResolveIri(*ctx.base, value);
  return value;
}

// ---------------------------------------------------------------------------
// The converter: context processing plus expansion-to-triples.

class Converter {
 public:
  Converter(const std::string& base_iri, uint64_t call_id)
      : label_prefix_("jld" + std::to_string(call_id) + "b") {
    auto initial = std::make_shared<Context>();
    if (!base_iri.empty()) initial->base = base_iri;
    initial_ = initial;
  }

  bool Run(const Value& root) {
    if (!root.IsObject() && !root.IsArray())
      return Fail(Error::Syntax("a JSON-LD document must be a JSON object or array"));
    return Values(root, initial_, nullptr, nullptr);
  }

  Graph TakeGraph() { return std::move(graph_); }
  const Error& error() const { return error_; }

 private:
  using Defined = std::map<std::string, bool>;

  bool Fail(Error e) {
    error_ = std::move(e);
    return false;
  }
  bool Invalid(const std::string& what) { return Fail(Error::Syntax("invalid JSON-LD: " + what)); }

  // --- RDF output -----------------------------------------------------------

  Term FreshBlank() { return Term::Blank(label_prefix_ + std::to_string(next_blank_++)); }

  // Expanded @id / IRI value -> RDF node; nullopt if it is not a well-formed
  // absolute IRI (API §8.1: such nodes produce no triples).
  std::optional<Term> Node(const std::optional<std::string>& id) {
    if (!id) return std::nullopt;
    if (id->rfind("_:", 0) == 0) {
      auto [it, inserted] = blank_labels_.try_emplace(*id);
      if (inserted) it->second = FreshBlank();
      return it->second;
    }
    if (!IsAbsoluteIri(*id)) return std::nullopt;
    return Term::Iri(*id);
  }

  void Emit(const std::optional<Term>& s, const std::string& p, const std::optional<Term>& o) {
    if (!s || !o) return;
    Triple t{*s, Term::Iri(p), *o};
    if (seen_.insert(t).second) graph_.push_back(std::move(t));
  }

  // --- Context processing (API §4.1.2) --------------------------------------

  bool ApplyContext(const Ctx& active, const Value& local, bool propagate, Ctx* out) {
    if (local.IsObject() && local.HasMember("@propagate")) {
      if (!local["@propagate"].IsBool()) return Invalid("@propagate must be true or false");
      propagate = local["@propagate"].GetBool();
    }
    auto result = std::make_shared<Context>(*active);
    if (!propagate && !result->previous) result->previous = active;
    auto process = [&](const Value& item) -> bool {
      if (item.IsNull()) {  // step 5.1: reset to the initial context
        Ctx prev = result->previous;
        result = std::make_shared<Context>(*initial_);
        if (!propagate) result->previous = prev ? prev : active;
        return true;
      }
      if (item.IsString())
        return Fail(Error::Unsupported("remote @context URLs are not fetched: \"" + Str(item) +
                                       "\"; embed the context object instead"));
      if (!item.IsObject())
        return Invalid("@context entries must be objects, arrays of objects, or null");
      return ContextObject(*result, item);
    };
    if (local.IsArray()) {
      for (const auto& item : local.GetArray())
        if (!process(item)) return false;
    } else if (!process(local)) {
      return false;
    }
    *out = result;
    return true;
  }

  bool ContextObject(Context& ctx, const Value& local) {
    if (local.HasMember("@import"))
      return Fail(Error::Unsupported("@import in @context is not supported"));
    if (auto it = local.FindMember("@version"); it != local.MemberEnd())
      if (!it->value.IsNumber() || it->value.GetDouble() != 1.1)
        return Invalid("@version must be the number 1.1");
    if (auto it = local.FindMember("@base"); it != local.MemberEnd()) {
      const Value& v = it->value;
      if (v.IsNull()) {
        ctx.base.reset();
      } else if (!v.IsString()) {
        return Invalid("@base must be a string or null");
      } else if (IsAbsoluteIri(Str(v))) {
        ctx.base = Str(v);
      } else if (ctx.base) {
        ctx.base = ResolveIri(*ctx.base, Str(v));
      } else {
        return Invalid("relative @base \"" + Str(v) + "\" without a document base IRI");
      }
    }
    if (auto it = local.FindMember("@vocab"); it != local.MemberEnd()) {
      if (it->value.IsNull()) {
        ctx.vocab.reset();
      } else if (!it->value.IsString()) {
        return Invalid("@vocab must be a string or null");
      } else {
        ctx.vocab = ExpandIri(ctx, Str(it->value), true, true);
      }
    }
    if (auto it = local.FindMember("@language"); it != local.MemberEnd()) {
      if (it->value.IsNull()) {
        ctx.language.reset();
      } else if (!it->value.IsString()) {
        return Invalid("@language must be a string or null");
      } else {
        ctx.language = Lower(Str(it->value));
      }
    }
    if (auto it = local.FindMember("@direction"); it != local.MemberEnd())
      if (!it->value.IsNull() && !(it->value.IsString() && (Str(it->value) == "ltr" ||
                                                            Str(it->value) == "rtl")))
        return Invalid("@direction must be \"ltr\", \"rtl\" or null");
    Defined defined;
    for (const auto& m : local.GetObject()) {
      std::string key = Str(m.name);
      if (key == "@base" || key == "@vocab" || key == "@language" || key == "@version" ||
          key == "@direction" || key == "@propagate" || key == "@protected")
        continue;
      if (!DefineTerm(ctx, local, key, defined)) return false;
    }
    return true;
  }

  // IRI Expansion during context processing (API §5.2 steps 2-3 and 6.3):
  // define terms the value depends on first.
  bool ExpandInContext(Context& ctx, const Value& local, const std::string& value, bool vocab,
                       Defined& defined, std::optional<std::string>* out) {
    auto pending = [&](const std::string& t) {  // not (yet) fully defined
      if (IsKeyword(t) || LooksLikeKeyword(t)) return false;  // §5.2 step 1
      auto d = defined.find(t);
      return Member(local, t) && (d == defined.end() || !d->second);
    };
    if (pending(value) && !DefineTerm(ctx, local, value, defined)) return false;
    if (size_t colon = value.find(':'); colon != std::string::npos && colon > 0) {
      std::string prefix = value.substr(0, colon);
      if (pending(prefix) && !DefineTerm(ctx, local, prefix, defined)) return false;
    }
    *out = ExpandIri(ctx, value, vocab, !vocab);
    return true;
  }

  // API §4.2.2 Create Term Definition.
  bool DefineTerm(Context& ctx, const Value& local, const std::string& term, Defined& defined) {
    if (auto d = defined.find(term); d != defined.end()) {
      if (d->second) return true;
      return Invalid("cyclic IRI mapping for term \"" + term + "\"");
    }
    if (term.empty()) return Invalid("empty term in @context");
    defined[term] = false;
    const Value& value = *Member(local, term);
    if (term == "@type") {  // 1.1 allows {"@container": "@set"} here; nothing to do.
      defined[term] = true;
      return true;
    }
    if (IsKeyword(term)) return Invalid("keyword redefinition: \"" + term + "\"");
    if (LooksLikeKeyword(term)) {  // step 5: reserved, ignored
      defined[term] = true;
      return true;
    }
    ctx.terms.erase(term);
    TermDef def;
    if (value.IsNull()) {
      ctx.terms[term] = def;  // null mapping: the term (and its values) are ignored
      defined[term] = true;
      return true;
    }
    bool simple = value.IsString();
    if (!simple && !value.IsObject())
      return Invalid("term definition of \"" + term + "\" must be a string, object or null");
    auto member = [&](const char* k) -> const Value* {
      if (!value.IsObject()) return nullptr;
      auto it = value.FindMember(k);
      return it == value.MemberEnd() ? nullptr : &it->value;
    };
    const Value* id = simple ? &value : member("@id");

    if (const Value* t = member("@type")) {  // step 12
      if (!t->IsString()) return Invalid("@type of term \"" + term + "\" must be a string");
      std::optional<std::string> type;
      if (!ExpandInContext(ctx, local, Str(*t), true, defined, &type)) return false;
      if (!type || (*type != "@id" && *type != "@vocab" && *type != "@none" && *type != "@json" &&
                    !IsAbsoluteIri(*type)))
        return Invalid("invalid type mapping \"" + Str(*t) + "\" for term \"" + term + "\"");
      if (*type == "@json") return Fail(Error::Unsupported("@json literals are not supported"));
      def.type = *type;
    }
    if (const Value* r = member("@reverse")) {  // step 13
      if (id || member("@nest")) return Invalid("reverse term \"" + term + "\" has @id or @nest");
      if (!r->IsString()) return Invalid("@reverse of term \"" + term + "\" must be a string");
      std::optional<std::string> iri;
      if (!ExpandInContext(ctx, local, Str(*r), true, defined, &iri)) return false;
      if (!iri || iri->find(':') == std::string::npos)
        return Invalid("invalid IRI mapping for reverse term \"" + term + "\"");
      def.iri = iri;
      def.reverse = true;
    } else if (id && !(id->IsString() && Str(*id) == term)) {  // step 14
      if (id->IsNull()) {
        def.iri.reset();
      } else if (!id->IsString()) {
        return Invalid("@id of term \"" + term + "\" must be a string or null");
      } else if (LooksLikeKeyword(Str(*id)) && !IsKeyword(Str(*id))) {
        def.iri.reset();
      } else {
        std::optional<std::string> iri;
        if (!ExpandInContext(ctx, local, Str(*id), true, defined, &iri)) return false;
        if (!iri || (!IsKeyword(*iri) && iri->find(':') == std::string::npos))
          return Invalid("invalid IRI mapping \"" + Str(*id) + "\" for term \"" + term + "\"");
        if (*iri == "@context") return Invalid("@context cannot be aliased");
        def.iri = iri;
        // 1.1 prefix flag (step 14.2.5): simple terms ending with a gen-delim.
        if (term.find_first_of(":/") == std::string::npos && simple &&
            (EndsWithGenDelim(*iri) || iri->rfind("_:", 0) == 0))
          def.prefix = true;
      }
    } else if (size_t colon = term.find(':', 1); colon != std::string::npos) {  // step 15
      std::string prefix = term.substr(0, colon);
      if (Member(local, prefix) && !DefineTerm(ctx, local, prefix, defined))
        return false;
      auto p = ctx.terms.find(prefix);
      def.iri = p != ctx.terms.end() && p->second.iri ? *p->second.iri + term.substr(colon + 1)
                                                      : term;
    } else if (term.find('/') != std::string::npos) {  // step 16
      def.iri = ExpandIri(ctx, term, true, true);
      if (!def.iri || !IsAbsoluteIri(*def.iri))
        return Invalid("invalid IRI mapping for term \"" + term + "\"");
    } else if (ctx.vocab) {  // step 18
      def.iri = *ctx.vocab + term;
    } else {
      return Invalid("term \"" + term + "\" has no @id and the context has no @vocab");
    }

    if (const Value* c = member("@container")) {  // step 19
      std::vector<const Value*> items;
      if (c->IsArray()) {
        for (const auto& v : c->GetArray()) items.push_back(&v);
      } else {
        items.push_back(c);
      }
      for (const Value* v : items) {
        std::string s = v->IsString() ? Str(*v) : "";
        if (s == "@list") def.containers |= kList;
        else if (s == "@set") def.containers |= kSet;
        else if (s == "@language") def.containers |= kLanguage;
        else if (s == "@index") def.containers |= kIndex;
        else if (s == "@graph" || s == "@id" || s == "@type")
          return Fail(Error::Unsupported("@container " + s + " (term \"" + term +
                                         "\") is not supported"));
        else return Invalid("invalid @container for term \"" + term + "\"");
      }
    }
    if (member("@index"))
      return Fail(Error::Unsupported("property-valued @index (term \"" + term + "\")"));
    if (const Value* c = member("@context")) def.context = c;
    if (const Value* l = member("@language"); l && def.type.empty()) {
      if (!l->IsNull() && !l->IsString())
        return Invalid("@language of term \"" + term + "\" must be a string or null");
      def.has_language = true;
      if (l->IsString()) def.language = Lower(Str(*l));
    }
    if (const Value* p = member("@prefix")) {
      if (!p->IsBool() || term.find_first_of(":/") != std::string::npos)
        return Invalid("invalid @prefix for term \"" + term + "\"");
      def.prefix = p->GetBool();
    }
    if (const Value* n = member("@nest"); n && !(n->IsString() && Str(*n) == "@nest"))
      return Fail(Error::Unsupported("@nest aliases other than \"@nest\" (term \"" + term + "\")"));
    static const std::set<std::string> kAllowed = {
        "@id",    "@reverse", "@container", "@context", "@direction", "@index",
        "@language", "@nest", "@prefix",    "@protected", "@type"};
    if (value.IsObject())
      for (const auto& m : value.GetObject())
        if (!kAllowed.count(Str(m.name)))
          return Invalid("unexpected \"" + Str(m.name) + "\" in term definition \"" + term + "\"");
    ctx.terms[term] = def;
    defined[term] = true;
    return true;
  }

  // --- Expansion fused with RDF conversion (API §5.1.2, §7, §8) -------------

  struct DepthGuard {
    explicit DepthGuard(int& d) : d_(d) { ++d_; }
    ~DepthGuard() { --d_; }
    int& d_;
  };

  static const TermDef* Def(const Context& ctx, const std::string& key) {
    auto it = ctx.terms.find(key);
    return it == ctx.terms.end() ? nullptr : &it->second;
  }

  static std::optional<std::string> Key(const Context& ctx, const Value& name) {
    return ExpandIri(ctx, Str(name), true, false);
  }

  static bool HasKeyword(const Context& ctx, const Value& obj, const char* keyword) {
    for (const auto& m : obj.GetObject())
      if (Key(ctx, m.name) == keyword) return true;
    return false;
  }

  // Converts the value of a property (or a top-level element when `out` is
  // null: then free-floating values are dropped) into RDF objects appended to
  // `out`, emitting the triples of nested node objects and lists.
  bool Values(const Value& v, const Ctx& ctx, const TermDef* def, std::vector<Term>* out) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth)
      return Fail(Error::Unsupported("JSON-LD nesting deeper than 256 levels"));
    if (v.IsNull()) return true;
    if (v.IsArray()) {
      for (const auto& item : v.GetArray())
        if (!Values(item, ctx, def, out)) return false;
      return true;
    }
    Ctx vctx = ctx;
    if (!v.IsObject()) {  // §5.1.2 step 4: scalars see the property-scoped context
      if (!out) return true;
      if (def && def->context && !ApplyContext(ctx, *def->context, true, &vctx)) return false;
      return Scalar(v, *vctx, def, out);
    }
    // Step 7: a type-scoped context does not propagate into nested nodes.
    if (ctx->previous && !HasKeyword(*ctx, v, "@value") &&
        !(v.MemberCount() == 1 && Key(*ctx, v.MemberBegin()->name) == "@id"))
      vctx = ctx->previous;
    if (def && def->context && !ApplyContext(vctx, *def->context, true, &vctx)) return false;
    if (auto it = v.FindMember("@context"); it != v.MemberEnd())
      if (!ApplyContext(vctx, it->value, true, &vctx)) return false;
    for (const auto& m : v.GetObject()) {
      auto key = Key(*vctx, m.name);
      if (key == "@value") return out ? ValueObject(v, *vctx, out) : true;
      if (key == "@list") return out ? List(m.value, vctx, def, out) : true;
      if (key == "@set") return Values(m.value, vctx, def, out);
    }
    std::optional<Term> subject;
    if (!NodeObject(v, vctx, &subject)) return false;
    if (out && subject) out->push_back(*subject);
    return true;
  }

  // API §5.3 Value Expansion + §8.6 Object to RDF for a JSON scalar.
  bool Scalar(const Value& v, const Context& ctx, const TermDef* def, std::vector<Term>* out) {
    std::string type = def ? def->type : "";
    if (v.IsString() && (type == "@id" || type == "@vocab")) {
      if (auto n = Node(ExpandIri(ctx, Str(v), type == "@vocab", true))) out->push_back(*n);
      return true;
    }
    std::string datatype =
        (type.empty() || type == "@none" || type == "@id" || type == "@vocab") ? "" : type;
    if (!v.IsString()) return Literal(v, datatype, out);
    if (!datatype.empty()) {
      out->push_back(Term::Literal(Str(v), "", datatype));
      return true;
    }
    std::optional<std::string> lang = def && def->has_language ? def->language : ctx.language;
    out->push_back(Term::Literal(Str(v), lang.value_or("")));
    return true;
  }

  // API §8.6 steps 10-12: canonical lexical forms of JSON numbers/booleans.
  bool Literal(const Value& v, std::string datatype, std::vector<Term>* out) {
    std::string lex;
    if (v.IsBool()) {
      lex = v.GetBool() ? "true" : "false";
      if (datatype.empty()) datatype = std::string(kXsd) + "boolean";
    } else if (!v.IsNumber()) {
      return Invalid("value must be a string, number, boolean or null");
    } else {
      bool as_double = datatype == std::string(kXsd) + "double";
      double d = v.GetDouble();
      if (v.IsDouble() && (std::fmod(d, 1.0) != 0 || std::fabs(d) >= 1e21)) as_double = true;
      if (as_double) {
        lex = CanonicalDouble(d);
        if (datatype.empty()) datatype = std::string(kXsd) + "double";
      } else {
        if (v.IsInt64()) lex = std::to_string(v.GetInt64());
        else if (v.IsUint64()) lex = std::to_string(v.GetUint64());
        else lex = d == 0 ? "0" : Printf("%.0f", d);  // integral double, e.g. 1e3, 2.0
        if (datatype.empty()) datatype = std::string(kXsd) + "integer";
      }
    }
    out->push_back(Term::Literal(lex, "", datatype));
    return true;
  }

  static std::string Printf(const char* fmt, double d) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, d);
    return buf;
  }

  // xsd:double canonical form as JSON-LD processors write it ("1.1E0",
  // "5.3E-3", "1.0E21"): 15 fraction digits, trailing zeros trimmed to one.
  static std::string CanonicalDouble(double d) {
    std::string s = Printf("%.15E", d);
    size_t e = s.find('E');
    std::string mantissa = s.substr(0, e);
    while (mantissa.size() > 2 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.')
      mantissa.pop_back();
    return mantissa + "E" + std::to_string(std::stoi(s.substr(e + 1)));
  }

  // A value object (§4.2 / API §5.1.2 step 15, §8.6).
  bool ValueObject(const Value& obj, const Context& ctx, std::vector<Term>* out) {
    const Value* value = nullptr;
    std::optional<std::string> type, language;
    for (const auto& m : obj.GetObject()) {
      auto key = Key(ctx, m.name);
      if (key == "@value") {
        value = &m.value;
      } else if (key == "@type") {
        if (!m.value.IsString()) return Invalid("@type in a value object must be a string");
        type = ExpandIri(ctx, Str(m.value), true, true);
        if (type == "@json") return Fail(Error::Unsupported("@json literals are not supported"));
        if (!type || !IsAbsoluteIri(*type))
          return Invalid("invalid typed value: @type \"" + Str(m.value) + "\" is not an IRI");
      } else if (key == "@language") {
        if (!m.value.IsString()) return Invalid("@language must be a string");
        language = Lower(Str(m.value));
      } else if (key == "@index" || key == "@direction" || key == "@context") {
        continue;
      } else {
        return Invalid("value object with unexpected key \"" + Str(m.name) + "\"");
      }
    }
    if (value->IsNull()) return true;
    if (value->IsObject() || value->IsArray())
      return Invalid("@value must be a string, number, boolean or null");
    if (type && language) return Invalid("value object with both @type and @language");
    if (language) {
      if (!value->IsString()) return Invalid("@language on a non-string @value");
      out->push_back(Term::Literal(Str(*value), *language));
      return true;
    }
    if (value->IsString()) {
      out->push_back(Term::Literal(Str(*value), "", type.value_or("")));
      return true;
    }
    return Literal(*value, type.value_or(""), out);
  }

  // @list (§4.3.1, API §8.6 / §8.5 List to RDF): rdf:first/rdf:rest cells;
  // an array inside a list is a nested list (1.1).
  bool List(const Value& items, const Ctx& ctx, const TermDef* def, std::vector<Term>* out) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth)
      return Fail(Error::Unsupported("JSON-LD nesting deeper than 256 levels"));
    std::vector<Term> elems;
    auto add = [&](const Value& item) {
      return item.IsArray() ? List(item, ctx, def, &elems) : Values(item, ctx, def, &elems);
    };
    if (items.IsArray()) {
      for (const auto& item : items.GetArray())
        if (!add(item)) return false;
    } else if (!add(items)) {
      return false;
    }
    if (elems.empty()) {
      out->push_back(Term::Iri(std::string(kRdf) + "nil"));
      return true;
    }
    std::vector<Term> cells;
    for (size_t i = 0; i < elems.size(); ++i) cells.push_back(FreshBlank());
    for (size_t i = 0; i < elems.size(); ++i) {
      Emit(cells[i], std::string(kRdf) + "first", elems[i]);
      Emit(cells[i], std::string(kRdf) + "rest",
           i + 1 < elems.size() ? cells[i + 1] : Term::Iri(std::string(kRdf) + "nil"));
    }
    out->push_back(cells[0]);
    return true;
  }

  // A node object: subject, then its entries (§5.1.2 steps 11-14, §7).
  bool NodeObject(const Value& obj, Ctx ctx, std::optional<Term>* subject) {
    // Step 11: type-scoped contexts, applied in lexicographic order of the
    // types (expanded with the context from before any of them).
    Ctx type_scoped = ctx;
    std::vector<std::string> types;
    for (const auto& m : obj.GetObject()) {
      if (Key(*ctx, m.name) != "@type") continue;
      if (m.value.IsString()) {
        types.push_back(Str(m.value));
      } else if (m.value.IsArray()) {
        for (const auto& t : m.value.GetArray()) {
          if (!t.IsString()) return Invalid("@type values must be strings");
          types.push_back(Str(t));
        }
      } else {
        return Invalid("@type values must be strings");
      }
    }
    std::sort(types.begin(), types.end());
    for (const auto& t : types)
      if (const TermDef* d = Def(*type_scoped, t); d && d->context)
        if (!ApplyContext(ctx, *d->context, false, &ctx)) return false;

    bool has_id = false;
    for (const auto& m : obj.GetObject()) {
      if (Key(*ctx, m.name) != "@id") continue;
      if (!m.value.IsString()) return Invalid("@id value must be a string");
      *subject = Node(ExpandIri(*ctx, Str(m.value), false, true));
      has_id = true;
    }
    if (!has_id) *subject = FreshBlank();
    return Entries(obj, ctx, *type_scoped, *subject);
  }

  bool Entries(const Value& obj, const Ctx& ctx, const Context& type_scoped,
               const std::optional<Term>& s) {
    const std::string rdf_type = kRdfType;
    for (const auto& m : obj.GetObject()) {
      auto key = Key(*ctx, m.name);
      if (!key) continue;  // null-mapped term or reserved "@word": ignored
      const Value& v = m.value;
      if (*key == "@type") {
        auto add = [&](const Value& t) {
          if (!t.IsString()) return Invalid("@type values must be strings");
          Emit(s, rdf_type, Node(ExpandIri(type_scoped, Str(t), true, true)));
          return true;
        };
        if (v.IsArray()) {
          for (const auto& t : v.GetArray())
            if (!add(t)) return false;
        } else if (!add(v)) {
          return false;
        }
      } else if (*key == "@graph" || *key == "@included") {
        // @graph: named graphs are merged into the default graph (header).
        if (*key == "@included" && !v.IsObject() && !v.IsArray())
          return Invalid("@included value must be node objects");
        if (!Values(v, ctx, nullptr, nullptr)) return false;
      } else if (*key == "@reverse") {
        if (!v.IsObject()) return Invalid("@reverse value must be an object");
        if (!Reverse(v, ctx, s)) return false;
      } else if (*key == "@nest") {
        std::vector<const Value*> nested;
        if (v.IsArray()) {
          for (const auto& n : v.GetArray()) nested.push_back(&n);
        } else {
          nested.push_back(&v);
        }
        for (const Value* n : nested) {
          if (!n->IsObject() || HasKeyword(*ctx, *n, "@value"))
            return Invalid("@nest value must be an object without @value");
          if (!Entries(*n, ctx, type_scoped, s)) return false;
        }
      } else if (*key == "@value" || *key == "@list" || *key == "@set") {
        return Invalid(*key + " cannot be used in a node object");
      } else if (key->front() == '@') {
        continue;  // @id, @context, @index, @language, @direction: handled or no RDF
      } else if (!IsAbsoluteIri(*key)) {
        continue;  // relative or blank-node property: not RDF (API §8.1)
      } else if (!Property(m.name, v, ctx, s, *key)) {
        return false;
      }
    }
    return true;
  }

  bool Property(const Value& name, const Value& v, const Ctx& ctx, const std::optional<Term>& s,
                const std::string& p) {
    const TermDef* def = Def(*ctx, Str(name));
    std::vector<Term> objects;
    unsigned c = def ? def->containers : 0;
    if ((c & kLanguage) && v.IsObject()) {
      if (!LanguageMap(v, *ctx, &objects)) return false;
    } else if ((c & kIndex) && v.IsObject()) {
      for (const auto& m : v.GetObject())
        if (!Values(m.value, ctx, def, &objects)) return false;
    } else if ((c & kList) && !(v.IsObject() && HasKeyword(*ctx, v, "@list"))) {
      if (!List(v, ctx, def, &objects)) return false;
    } else if (!Values(v, ctx, def, &objects)) {
      return false;
    }
    for (const auto& o : objects) {
      if (def && def->reverse) {
        if (o.is_literal()) return Invalid("invalid reverse property value for \"" + p + "\"");
        Emit(o, p, s);
      } else {
        Emit(s, p, o);
      }
    }
    return true;
  }

  // @reverse map (§4.8, API §5.1.2 step 13.4.13).
  bool Reverse(const Value& map, const Ctx& ctx, const std::optional<Term>& s) {
    for (const auto& m : map.GetObject()) {
      auto key = Key(*ctx, m.name);
      if (!key || !IsAbsoluteIri(*key)) continue;
      const TermDef* def = Def(*ctx, Str(m.name));
      std::vector<Term> objects;
      if (!Values(m.value, ctx, def, &objects)) return false;
      for (const auto& o : objects) {
        if (o.is_literal()) return Invalid("invalid reverse property value for \"" + *key + "\"");
        if (def && def->reverse) {
          Emit(s, *key, o);  // a reverse term inside @reverse points forward again
        } else {
          Emit(o, *key, s);
        }
      }
    }
    return true;
  }

  // Language map (§9.8, API §5.1.2 step 13.7).
  bool LanguageMap(const Value& map, const Context& ctx, std::vector<Term>* out) {
    for (const auto& m : map.GetObject()) {
      auto lang = Key(ctx, m.name);
      auto add = [&](const Value& item) {
        if (item.IsNull()) return true;
        if (!item.IsString())
          return Invalid("language map values must be strings (key \"" + Str(m.name) + "\")");
        out->push_back(Term::Literal(Str(item), lang == "@none" ? "" : Lower(Str(m.name))));
        return true;
      };
      if (m.value.IsArray()) {
        for (const auto& item : m.value.GetArray())
          if (!add(item)) return false;
      } else if (!add(m.value)) {
        return false;
      }
    }
    return true;
  }

  Ctx initial_;
  std::string label_prefix_;
  uint64_t next_blank_ = 0;
  std::map<std::string, Term> blank_labels_;
  std::set<Triple> seen_;
  Graph graph_;
  Error error_;
  int depth_ = 0;
};

// 1-based line and column (in code points) of byte `offset` in `text`.
std::pair<int, int> LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Result<Graph> ReadJsonLd(std::string_view json, const std::string& base_iri) {
  // Per-call id so blank node labels of two documents never collide (header).
  static std::atomic<uint64_t> next_call{1};
  uint64_t call = next_call.fetch_add(1, std::memory_order_relaxed);

  rapidjson::Document doc;
  constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseIterativeFlag;
  doc.Parse<kFlags>(json.data(), json.size());
  if (doc.HasParseError()) {
    auto [line, column] = LineColumn(json, doc.GetErrorOffset());
    return Error::Syntax(std::string("JSON-LD: ") + rapidjson::GetParseError_En(doc.GetParseError()),
                         line, column);
  }
  Converter converter(base_iri, call);
  if (!converter.Run(doc)) return converter.error();
  return converter.TakeGraph();
}

}  // namespace kg

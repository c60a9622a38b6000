// §17.4.2 functions on RDF terms: isIRI/isURI, isBLANK, isLITERAL, STR,
// LANG, DATATYPE, IRI/URI, BNODE; and §17.4.1.8 sameTerm.
#include <array>

#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

using Result = std::optional<Term>;

Result IsIri(const Args& a, ExprContext&) { return xsd::BooleanTerm(a[0].is_iri()); }
Result IsBlank(const Args& a, ExprContext&) { return xsd::BooleanTerm(a[0].is_blank()); }
Result IsLiteral(const Args& a, ExprContext&) { return xsd::BooleanTerm(a[0].is_literal()); }

// §17.4.1.8 sameTerm: RDF term identity ("a" and "a"^^xsd:string are one term).
Result SameTermFn(const Args& a, ExprContext&) {
  const Term &x = a[0], &y = a[1];
  bool same = x.kind == y.kind && x.value == y.value &&
              (!x.is_literal() || (x.language == y.language && DatatypeIri(x) == DatatypeIri(y)));
  return xsd::BooleanTerm(same);
}

// §17.4.2.5 STR: lexical form or IRI string; blank nodes are an error.
Result Str(const Args& a, ExprContext&) {
  if (a[0].is_blank()) return std::nullopt;
  return SimpleString(a[0].value);
}

// §17.4.2.6 LANG: "" for literals without a tag.
Result Lang(const Args& a, ExprContext&) {
  if (!a[0].is_literal()) return std::nullopt;
  return SimpleString(a[0].language);
}

// §17.4.2.7 DATATYPE (SPARQL 1.1 with RDF 1.1: rdf:langString for tagged).
Result Datatype(const Args& a, ExprContext&) {
  if (!a[0].is_literal()) return std::nullopt;
  return Term::Iri(DatatypeIri(a[0]));
}

// §17.4.2.8 IRI / URI: an IRI is returned as is; a simple literal is
// resolved against the base IRI.
Result IriFn(const Args& a, ExprContext& ctx) {
  if (a[0].is_iri()) return a[0];
  if (!IsSimpleString(a[0])) return std::nullopt;
  return Term::Iri(ResolveIri(ctx.BaseIri(), a[0].value));
}

// §17.4.2.9 BNODE() / BNODE(simple literal).
Result Bnode(const Args& a, ExprContext& ctx) {
  if (a.empty()) return ctx.BlankNode(std::nullopt);
  if (!IsSimpleString(a[0])) return std::nullopt;
  return ctx.BlankNode(a[0].value);
}

struct Ref {
  std::optional<std::string> scheme, authority, query, fragment;
  std::string path;
};

// RFC 3986 Appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
Ref Split(const std::string& s) {
  Ref r;
  size_t k = 0;
  size_t colon = s.find_first_of(":/?#");
  if (colon != std::string::npos && s[colon] == ':' && colon > 0) {
    r.scheme = s.substr(0, colon);
    k = colon + 1;
  }
  if (s.compare(k, 2, "//") == 0) {
    size_t end = s.find_first_of("/?#", k + 2);
    if (end == std::string::npos) end = s.size();
    r.authority = s.substr(k + 2, end - k - 2);
    k = end;
  }
  size_t end = s.find_first_of("?#", k);
  if (end == std::string::npos) end = s.size();
  r.path = s.substr(k, end - k);
  k = end;
  if (k < s.size() && s[k] == '?') {
    end = s.find('#', k);
    if (end == std::string::npos) end = s.size();
    r.query = s.substr(k + 1, end - k - 1);
    k = end;
  }
  if (k < s.size() && s[k] == '#') r.fragment = s.substr(k + 1);
  return r;
}

// RFC 3986 §5.2.4.
std::string RemoveDotSegments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) in.erase(0, 3);
    else if (in.starts_with("./")) in.erase(0, 2);
    else if (in.starts_with("/./")) in.erase(0, 2);
    else if (in == "/.") in = "/";
    else if (in.starts_with("/../") || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") in.clear();
    else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string::npos) next = in.size();
      out += in.substr(0, next);
      in.erase(0, next);
    }
  }
  return out;
}

}  // namespace

// RFC 3986 §5.2.2 (strict): a reference with a scheme is already absolute.
std::string ResolveIri(const std::string& base, const std::string& ref) {
  Ref r = Split(ref);
  if (base.empty() || r.scheme) return ref;
  Ref b = Split(base), t;
  t.scheme = b.scheme;
  if (r.authority) {
    t.authority = r.authority;
    t.path = RemoveDotSegments(r.path);
    t.query = r.query;
  } else {
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.query = r.query ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = RemoveDotSegments(r.path);
      } else {  // §5.2.3 merge
        std::string merged;
        if (b.authority && b.path.empty()) merged = "/" + r.path;
        else {
          size_t slash = b.path.rfind('/');
          merged = (slash == std::string::npos ? "" : b.path.substr(0, slash + 1)) + r.path;
        }
        t.path = RemoveDotSegments(merged);
      }
      t.query = r.query;
    }
  }
  t.fragment = r.fragment;
  std::string out;
  if (t.scheme) out += *t.scheme + ":";
  if (t.authority) out += "//" + *t.authority;
  out += t.path;
  if (t.query) out += "?" + *t.query;
  if (t.fragment) out += "#" + *t.fragment;
  return out;
}

namespace {

constexpr std::array<Builtin, 11> kBuiltins{{
    {"ISIRI", 1, 1, IsIri},
    {"ISURI", 1, 1, IsIri},
    {"ISBLANK", 1, 1, IsBlank},
    {"ISLITERAL", 1, 1, IsLiteral},
    {"SAMETERM", 2, 2, SameTermFn},
    {"STR", 1, 1, Str},
    {"LANG", 1, 1, Lang},
    {"DATATYPE", 1, 1, Datatype},
    {"IRI", 1, 1, IriFn},
    {"URI", 1, 1, IriFn},
    {"BNODE", 0, 1, Bnode},
}};

}  // namespace

std::span<const Builtin> MiscBuiltins() { return kBuiltins; }

}  // namespace kg::sparql

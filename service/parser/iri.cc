#include "parser/iri.h"

#include <cctype>

namespace kg::sparql {
namespace {

struct Parts {  // RFC 3986 §3 components; "defined" flags keep "" vs absent apart
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

Parts Split(std::string_view s) {
  Parts p;
  if (HasScheme(s)) {
    std::size_t colon = s.find(':');
    p.scheme = s.substr(0, colon);
    p.has_scheme = true;
    s.remove_prefix(colon + 1);
  }
  if (std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  if (std::size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    p.has_query = true;
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    std::size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      std::size_t last = out.rfind('/');
      out.resize(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      std::size_t next = in.find('/', 1);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

// RFC 3986 §5.2.3
std::string Merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  std::size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

std::string Recompose(std::string_view scheme, bool has_auth, std::string_view auth,
                      std::string_view path, bool has_q, std::string_view q, bool has_f,
                      std::string_view f) {
  std::string r;
  r.append(scheme).append(":");
  if (has_auth) r.append("//").append(auth);
  r.append(path);
  if (has_q) r.append("?").append(q);
  if (has_f) r.append("#").append(f);
  return r;
}

}  // namespace

bool HasScheme(std::string_view iri) {
  if (iri.empty() || !std::isalpha(static_cast<unsigned char>(iri[0]))) return false;
  for (char c : iri) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

std::optional<std::string> ResolveIri(std::string_view base_text, std::string_view ref_text) {
  Parts r = Split(ref_text);
  if (r.has_scheme)
    return Recompose(r.scheme, r.has_authority, r.authority, RemoveDotSegments(r.path),
                     r.has_query, r.query, r.has_fragment, r.fragment);
  if (!HasScheme(base_text)) return std::nullopt;
  Parts b = Split(base_text);
  std::string path;
  std::string_view auth = b.authority, query = b.query;
  bool has_auth = b.has_authority, has_query = b.has_query;
  if (r.has_authority) {
    auth = r.authority, has_auth = true;
    path = RemoveDotSegments(r.path);
    query = r.query, has_query = r.has_query;
  } else if (r.path.empty()) {
    path = std::string(b.path);
    if (r.has_query) query = r.query, has_query = true;
  } else {
    path = r.path[0] == '/' ? RemoveDotSegments(r.path) : RemoveDotSegments(Merge(b, r.path));
    query = r.query, has_query = r.has_query;
  }
  return Recompose(b.scheme, has_auth, auth, path, has_query, query, r.has_fragment, r.fragment);
}

}  // namespace kg::sparql

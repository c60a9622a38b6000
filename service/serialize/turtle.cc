#include "serialize/turtle.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <string>
#include <vector>

#include "core/ntriples.h"
#include "serialize/ntriples.h"
#include "store/rdf_codec.h"

namespace kg {

namespace {

// True when blank nodes reach themselves through blank-node objects
// (_:a :p _:a, or _:a :p _:b . _:b :q _:a). Raptor's Turtle writer nests a
// blank object inside its subject's [ ... ] and silently drops such cycles
// (found by tests/fuzz/serialize_fuzz.cc).
bool HasBlankCycle(const Graph& graph) {
  std::map<std::string, std::vector<std::string>> next;
  for (const auto& t : graph)
    if (t.subject.is_blank() && t.object.is_blank())
      next[t.subject.value].push_back(t.object.value);
  std::map<std::string, int> state;  // 1 on the path, 2 done
  for (const auto& [start, unused] : next) {
    if (state[start]) continue;
    // Iterative DFS: (node, index of the next edge).
    std::vector<std::pair<std::string, std::size_t>> stack{{start, 0}};
    state[start] = 1;
    while (!stack.empty()) {
      auto& [node, i] = stack.back();
      auto it = next.find(node);
      if (it == next.end() || i >= it->second.size()) {
        state[node] = 2;
        stack.pop_back();
        continue;
      }
      std::string to = it->second[i++];
      int& s = state[to];
      if (s == 1) return true;
      if (s == 0) {
        s = 1;
        stack.emplace_back(to, 0);
      }
    }
  }
  return false;
}

// A local name Raptor writes as prefix:local that Turtle reads back as the
// same IRI: [A-Za-z0-9_-] with inner dots. Raptor also abbreviates IRIs
// whose remainder ends in '.' or holds other characters, which does not
// parse back (serialize_fuzz); such a prefix is not declared to Raptor, so
// those IRIs are written in full.
bool SafeLocal(std::string_view local) {
  if (!local.empty() && local.back() == '.') return false;
  for (char c : local)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

PrefixMap UsablePrefixes(const Graph& graph, const PrefixMap& prefixes) {
  PrefixMap out;
  for (const auto& entry : prefixes) {
    const std::string& ns = entry.second;
    bool ok = !ns.empty();
    auto check = [&](const Term& t) {
      const std::string& iri = t.is_iri() ? t.value : t.datatype;
      if (iri.size() >= ns.size() && iri.compare(0, ns.size(), ns) == 0 &&
          !SafeLocal(std::string_view(iri).substr(ns.size())))
        ok = false;
    };
    for (const auto& t : graph) {
      check(t.subject);
      check(t.predicate);
      check(t.object);
      if (!ok) break;
    }
    if (ok) out.push_back(entry);
  }
  return out;
}

// The triples of g as sorted N-Triples lines, blank node labels erased, so
// that two graphs compare equal when they differ only in those labels (a
// cheap stand-in for isomorphism that catches what Raptor gets wrong).
std::vector<std::string> Canonical(const Graph& g) {
  std::set<Triple> unique(g.begin(), g.end());
  std::vector<std::string> lines;
  lines.reserve(unique.size());
  for (const auto& t : unique) {
    std::string line;
    for (const Term* term : {&t.subject, &t.predicate, &t.object}) {
      line += term->is_blank() ? std::string("_") : ToNTriples(*term);
      line += ' ';
    }
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

Result<std::string> WriteTurtle(const Graph& graph, const PrefixMap& prefixes) {
  // N-Triples is Turtle: the fallback writes the same graph with full IRIs
  // and no abbreviations, where Raptor's writer would lose or refuse triples.
  if (HasBlankCycle(graph)) return WriteNTriples(graph);
  RdfCodec& codec = RdfCodec::ForThisThread();
  auto out = codec.Serialize(graph, RdfSyntax::kTurtle, UsablePrefixes(graph, prefixes));
  if (out.ok()) {
    // Raptor's Turtle writer is not always faithful: it has written a
    // labelled blank node as [] while another triple used its label, and
    // "4444…"^^xsd:double as a bare number that reads back as an integer
    // (serialize_fuzz). So every answer is read back and compared, up to
    // blank-node labels; if it differs, the answer is N-Triples (valid
    // Turtle, just longer).
    auto back = codec.Parse(*out, RdfSyntax::kTurtle, "urn:kg:turtle-check");
    if (back.ok() && Canonical(back->triples) == Canonical(graph)) return out;
    return WriteNTriples(graph);
  }
  // Raptor's Turtle writer refuses ill-typed numeric and boolean literals
  // ("abc"^^xsd:integer: "Illegal value for xsd:integer literal"), which RDF
  // allows and a CONSTRUCT can return (found by serialize_fuzz).
  return WriteNTriples(graph);
}

}  // namespace kg

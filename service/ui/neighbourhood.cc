#include "ui/neighbourhood.h"

#include <map>
#include <set>

namespace kg::ui {
namespace {

using diagram::Diagram;
using diagram::EdgeStyle;
using diagram::NodeStyle;
using vocabulary::Config;
using vocabulary::Ref;

// Long labels wrap at about 24 characters (by words, counting UTF-8 code
// points) so that the nodes stay narrow enough for a phone.
std::string Wrap(const std::string& text, std::size_t width = 24) {
  std::string out, line, word;
  auto length = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && length(line) + 1 + length(word) > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string Label(const Ref& ref, Lang lang, const Config& config) {
  auto t = vocabulary::RefLabel(ref, Code(lang), config);
  // A label in another language is marked in the diagram too.
  return Wrap(t.text) + (t.fallback && !t.language.empty() ? " (" + t.language + ")" : "");
}

}  // namespace

Diagram ConceptNeighbourhood(const vocabulary::ConceptView& c, Lang lang, const Config& config,
                             std::size_t max_nodes) {
  Diagram d;
  d.id_prefix = "neighbourhood";
  d.left_to_right = true;
  auto title = vocabulary::PickText(c.pref_labels, Code(lang), config.languages);
  d.title = std::string(Tr(lang, Msg::kDiagram)) + ": " + title.text;
  d.nodes.push_back({c.iri, Wrap(title.text.empty() ? c.iri : title.text),
                     ResourceHref(c.iri, ResourceKind::kConcept, config), "", NodeStyle::kFocus});
  std::set<std::string> present{c.iri};
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  auto add = [&](const Ref& target, const std::string& label, bool outgoing, EdgeStyle style) {
    if (!present.count(target.iri)) {
      if (d.nodes.size() >= max_nodes) return;
      present.insert(target.iri);
      d.nodes.push_back({target.iri, Label(target, lang, config),
                         ResourceHref(target.iri, ResourceKind::kConcept, config), "",
                         NodeStyle::kNormal});
    }
    std::string from = outgoing ? c.iri : target.iri, to = outgoing ? target.iri : c.iri;
    if (edges.insert({from, to, label}).second) d.edges.push_back({from, to, label, style});
  };
  // Hierarchy edges are unlabelled solid arrows from broader to narrower
  // (the diagram reads left to right like the tree); the legend under the
  // diagram says so.
  for (const auto& b : c.broader) add(b, "", false, EdgeStyle::kSolid);
  for (const auto& n : c.narrower) add(n, "", true, EdgeStyle::kSolid);
  for (const auto& r : c.related) add(r, std::string(Tr(lang, Msg::kEdgeRelated)), true, EdgeStyle::kDashed);
  for (const auto& rel : c.relations) {
    // Relations to things that are not concepts of the vocabulary (works,
    // agents) are listed on the page, not drawn.
    if (!vocabulary::ShortId(rel.target.iri, config.base + config.work_segment).empty()) continue;
    auto label = vocabulary::PickText(rel.property_labels, Code(lang), config.languages);
    std::string name = label.text;
    if (name.empty()) {
      auto cut = rel.property.find_last_of("#/");
      name = cut == std::string::npos ? rel.property : rel.property.substr(cut + 1);
    }
    // A part-of is already drawn as broader; skip the relation's duplicate.
    bool already = false;
    for (const auto& e : d.edges)
      if ((e.from == rel.target.iri && e.to == c.iri) || (e.to == rel.target.iri && e.from == c.iri))
        already = already || e.label.empty();
    if (already) continue;
    add(rel.target, Wrap(name, 18), true, EdgeStyle::kDotted);
  }
  return d;
}

Diagram Overview(const std::vector<SchemeTree>& schemes, Lang lang, const Config& config,
                 std::size_t max_nodes) {
  Diagram d;
  d.id_prefix = "overview";
  d.left_to_right = true;
  d.title = std::string(Tr(lang, Msg::kOverview));
  std::set<std::string> present;
  auto node = [&](const Ref& r, NodeStyle style, ResourceKind kind) {
    if (present.count(r.iri)) return true;
    if (d.nodes.size() >= max_nodes) return false;
    present.insert(r.iri);
    d.nodes.push_back({r.iri, Label(r, lang, config), ResourceHref(r.iri, kind, config), "", style});
    return true;
  };
  for (const auto& s : schemes) {
    Ref scheme{s.scheme.iri, s.scheme.id, s.scheme.pref_labels};
    if (!node(scheme, NodeStyle::kGroup, ResourceKind::kScheme)) break;
    for (const auto& top : s.tree) {
      if (!node(top.ref, NodeStyle::kNormal, ResourceKind::kConcept)) break;
      d.edges.push_back({scheme.iri, top.ref.iri, "", EdgeStyle::kDashed});
      for (const auto& child : top.children) {
        if (!node(child.ref, NodeStyle::kNormal, ResourceKind::kConcept)) break;
        d.edges.push_back({top.ref.iri, child.ref.iri, "", EdgeStyle::kSolid});
      }
    }
  }
  return d;
}

}  // namespace kg::ui

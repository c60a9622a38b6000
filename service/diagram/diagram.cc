#include "diagram/diagram.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <mutex>

namespace kg::diagram {
namespace {

// One Graphviz context for the process: creating one loads the plugin
// configuration (milliseconds), and Graphviz is not thread-safe anyway.
std::mutex& GraphvizMutex() {
  static std::mutex m;
  return m;
}
GVC_t* Context() {
  static GVC_t* gvc = gvContext();  // lives until exit: Graphviz holds plugins open
  return gvc;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// cgraph's setters take char*; they copy the strings (agstrdup), so a
// temporary is fine.
void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

std::string SafeIdPrefix(const std::string& prefix) {
  std::string out;
  for (char c : prefix)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-')
      out += c;
  return out.empty() ? "kg-diagram" : out;
}

// Colours meet WCAG 2.1 AA (text on fill >= 4.5:1): #ffffff on #1f4e79 is
// 8.6:1, #0b2540 on #e8f0f8 is 14:1, #0b2540 on #fdf3e1 is 14:1.
void StyleNode(Agnode_t* n, NodeStyle style) {
  switch (style) {
    case NodeStyle::kFocus:
      Set(n, "style", "filled,bold");
      Set(n, "fillcolor", "#1f4e79");
      Set(n, "fontcolor", "#ffffff");
      Set(n, "color", "#0b2540");
      break;
    case NodeStyle::kNormal:
      Set(n, "style", "filled");
      Set(n, "fillcolor", "#e8f0f8");
      Set(n, "fontcolor", "#0b2540");
      Set(n, "color", "#1f4e79");
      break;
    case NodeStyle::kGroup:
      Set(n, "style", "filled,rounded");
      Set(n, "fillcolor", "#fdf3e1");
      Set(n, "fontcolor", "#0b2540");
      Set(n, "color", "#8a5a00");
      break;
    case NodeStyle::kMuted:
      Set(n, "style", "dashed");
      Set(n, "fontcolor", "#33404d");
      Set(n, "color", "#5c6b7a");
      break;
  }
}

const char* EdgeStyleName(EdgeStyle s) {
  switch (s) {
    case EdgeStyle::kSolid: return "solid";
    case EdgeStyle::kDashed: return "dashed";
    case EdgeStyle::kDotted: return "dotted";
  }
  return "solid";
}

// Graphviz writes URL attributes into SVG without escaping '"' or '&' (it
// only leaves existing entities alone), so the URL is escaped here; '\'
// (a Graphviz escape) is percent-encoded.
std::string SvgUrl(const std::string& url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': out += "%5C"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

// Tooltips go through Graphviz's escape expansion more than once, where a
// doubled backslash does not survive; a backslash is shown as U+29F5
// (reverse solidus operator) instead of letting "\N" become a node name.
std::string TooltipText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\u29f5";
    else if (c == '&') out += "&amp;";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string GraphvizLabel(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '&') out += "&amp;";  // Graphviz leaves entities as they are
    else if (c == '\n') out += "\\n";
    else if (c == '\r') continue;
    else out += c;
  }
  return out;
}

Result<std::string> RenderSvg(const Diagram& diagram) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i)
    if (!index.emplace(diagram.nodes[i].id, i).second)
      return Error::BadRequest("diagram: duplicate node id '" + diagram.nodes[i].id + "'");
  for (const auto& e : diagram.edges)
    if (!index.count(e.from) || !index.count(e.to))
      return Error::BadRequest("diagram: edge " + e.from + " -> " + e.to +
                               " names a node that is not in the diagram");

  std::lock_guard<std::mutex> lock(GraphvizMutex());
  GVC_t* gvc = Context();
  if (!gvc) return Error::Internal("diagram: Graphviz context could not be created");
  const std::string prefix = SafeIdPrefix(diagram.id_prefix);
  std::unique_ptr<Agraph_t, GraphCloser> g(
      agopen(const_cast<char*>(prefix.c_str()), Agdirected, nullptr));
  if (!g) return Error::Internal("diagram: agopen failed");
  Set(g.get(), "rankdir", diagram.left_to_right ? "LR" : "TB");
  Set(g.get(), "bgcolor", "transparent");
  Set(g.get(), "nodesep", "0.25");
  Set(g.get(), "ranksep", "0.45");
  Set(g.get(), "id", prefix);
  // No graph "label": it would be drawn; the accessible name is added as
  // <title> after rendering.
  agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
  agattr(g.get(), AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g.get(), AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(g.get(), AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.12,0.06"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontcolor"), const_cast<char*>("#33404d"));
  agattr(g.get(), AGEDGE, const_cast<char*>("color"), const_cast<char*>("#5c6b7a"));

  // Graphviz names nodes by text; names are our indexes, so a node id can
  // be any string and never collides with Graphviz syntax.
  std::vector<Agnode_t*> nodes(diagram.nodes.size());
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    const Node& node = diagram.nodes[i];
    std::string name = "n" + std::to_string(i);
    Agnode_t* n = agnode(g.get(), name.data(), 1);
    Set(n, "label", GraphvizLabel(node.label));
    Set(n, "id", prefix + "-" + name);
    Set(n, "tooltip", TooltipText(node.tooltip.empty() ? node.label : node.tooltip));
    if (!node.url.empty()) Set(n, "URL", SvgUrl(node.url));
    StyleNode(n, node.style);
    nodes[i] = n;
  }
  for (const auto& e : diagram.edges) {
    Agedge_t* edge = agedge(g.get(), nodes[index[e.from]], nodes[index[e.to]], nullptr, 1);
    if (!e.label.empty()) Set(edge, "label", GraphvizLabel(e.label));
    Set(edge, "style", EdgeStyleName(e.style));
    Set(edge, "tooltip", TooltipText(e.label));
  }

  if (gvLayout(gvc, g.get(), "dot") != 0) return Error::Internal("diagram: dot layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g.get(), "svg", &data, &length);
  std::string svg = (rc == 0 && data) ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g.get());
  if (rc != 0 || svg.empty()) return Error::Internal("diagram: SVG rendering failed");

  // Embed-ready: drop the XML declaration, DOCTYPE and generator comments
  // before <svg.
  auto start = svg.find("<svg");
  if (start == std::string::npos) return Error::Internal("diagram: Graphviz wrote no <svg>");
  svg.erase(0, start);
  // role="img" plus an accessible name; the graph's own <title> (the graph
  // name) is replaced by the caller's title.
  auto close = svg.find('>');
  std::string open = svg.substr(0, close);
  std::string attrs = " role=\"img\" class=\"kg-diagram\"";
  if (!diagram.title.empty()) attrs += " aria-labelledby=\"" + prefix + "-title\"";
  svg.insert(close, attrs);
  if (!diagram.title.empty()) {
    std::string escaped;
    for (char c : diagram.title) {
      switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        case '"': escaped += "&quot;"; break;
        default: escaped += c;
      }
    }
    svg.insert(svg.find('>') + 1,
               "\n<title id=\"" + prefix + "-title\">" + escaped + "</title>");
  }
  return svg;
}

}  // namespace kg::diagram

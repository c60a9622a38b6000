// Node/edge diagrams drawn as SVG on the server with the Graphviz C library
// (cgraph + gvc, "dot" layout). Generic over plain structs: the concept
// pages draw a concept's neighbourhood with it, and anything else that has
// nodes and edges (a docs generator, the home page overview) can reuse it.
//
// The graph is built through the cgraph API (agnode/agedge/agsafeset), never
// as DOT text, so a label cannot inject DOT; Graphviz escapes labels, URLs
// and tooltips when it writes SVG, and the few escape sequences Graphviz
// itself interprets in labels ("\N", "\l", ...) are neutralised here.
//
// Threading: Graphviz keeps global state; RenderSvg serialises its calls
// with a mutex, so it may be called from any thread.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kg::diagram {

enum class NodeStyle {
  kFocus,   // the node the diagram is about (filled dark, white text)
  kNormal,  // a concept
  kGroup,   // a scheme or other grouping node (rounded, tinted)
  kMuted,   // context (dashed outline)
};

enum class EdgeStyle { kSolid, kDashed, kDotted };

struct Node {
  std::string id;       // unique within the diagram; any text (it is not written as DOT)
  std::string label;    // shown text; a '\n' starts a new line
  std::string url;      // link target of the node ("" = not clickable)
  std::string tooltip;  // "" = the label
  NodeStyle style = NodeStyle::kNormal;
};

struct Edge {
  std::string from, to;  // node ids; an edge naming an unknown node is an error
  std::string label;     // "" = no label
  EdgeStyle style = EdgeStyle::kSolid;
};

struct Diagram {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  bool left_to_right = true;  // rankdir LR (else top to bottom)
  // Prefix of the SVG element ids (nodes are <prefix>-n<index>), so that two
  // diagrams on one page keep their ids apart. Only [A-Za-z0-9_-] is kept.
  std::string id_prefix = "kg-diagram";
  std::string title;  // accessible name of the SVG (<title>); "" = none
};

// The diagram as one <svg> element (no XML declaration or DOCTYPE, ready to
// be embedded in HTML). Node links are <a xlink:href="url">.
// Errors: BadRequest for a duplicate node id or an edge to an unknown
// node; Internal when Graphviz fails to lay out or render.
Result<std::string> RenderSvg(const Diagram& diagram);

// A label as Graphviz should receive it: backslashes doubled (Graphviz reads
// "\N", "\G", "\l" ... in labels as escapes), '&' as "&amp;" (Graphviz's
// SVG writer escapes markup but passes entities through, so "&lt;" in a
// label would otherwise show as "<"), and '\n' turned into Graphviz's
// centred line break. Exposed for the tests.
std::string GraphvizLabel(const std::string& text);

}  // namespace kg::diagram

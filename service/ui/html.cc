#include "ui/html.h"

#include <cctype>

namespace kg::ui {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeUrl(std::string_view url) {
  // The scheme is what a browser would read: letters up to the first ':'
  // before any '/', '?' or '#'. Control characters and spaces are stripped
  // first, as browsers do ("java\tscript:" is javascript:).
  std::string clean;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) clean += c;
  auto colon = clean.find(':');
  auto delim = clean.find_first_of("/?#");
  if (colon != std::string::npos && (delim == std::string::npos || colon < delim)) {
    std::string scheme;
    for (char c : clean.substr(0, colon)) scheme += static_cast<char>(std::tolower(c));
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return "#";
  }
  return Escape(clean);
}

std::string EscapeScriptJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

}  // namespace kg::ui

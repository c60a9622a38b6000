#include "serialize/xml_escape.h"

namespace kg {

void AppendXmlEscaped(std::string& out, const std::string& text) {
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;  // keep CR through XML line-end normalisation
      default:
        if (c < 0x20 && c != '\t' && c != '\n') out += "\xEF\xBF\xBD";
        else out += static_cast<char>(c);
    }
  }
}

}  // namespace kg

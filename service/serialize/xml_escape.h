// XML 1.0 character data / attribute escaping, shared by the XML writers.
#pragma once
#include <string>
namespace kg {
// Escapes & < > " and replaces characters XML 1.0 cannot carry at all
// (C0 controls other than TAB, LF, CR) with U+FFFD.
void AppendXmlEscaped(std::string& out, const std::string& text);
}  // namespace kg

// HTML escaping. Every piece of data that reaches a page (labels,
// definitions, quotes, IRIs, query text) passes through one of these:
// labels are data, not markup.
#pragma once

#include <string>
#include <string_view>

namespace kg::ui {

// Text content and attribute values alike: & < > " ' become character
// references, so the result is safe between tags and inside a quoted
// attribute. Malformed UTF-8 is passed through byte for byte (the browser
// shows U+FFFD; it cannot open markup).
std::string Escape(std::string_view text);

// A URL for an href/src attribute: only http(s), mailto, relative paths,
// fragments and queries are kept; anything else (javascript:, data:, ...)
// becomes "#". The result is escaped for an attribute.
std::string EscapeUrl(std::string_view url);

// JSON text for a <script type="application/ld+json"> element: every '<'
// becomes \u003c (in JSON '<' can only occur in strings, where the escape
// means the same), so "</script>" or "<!--" in the data cannot end the
// element.
std::string EscapeScriptJson(std::string_view json);

}  // namespace kg::ui

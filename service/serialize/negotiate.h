// HTTP content negotiation (RFC 9110 §12.5.1), the one place kg decides
// which media type to answer with. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "serialize/format.h"

namespace kg {

// Picks one of `offers` (in server preference order) for an Accept header.
//  - `format_param` (the `format=` request parameter), when non-empty, wins
//    over Accept; it must name one of the offers.
//  - An empty or absent Accept accepts anything: the first offer.
//  - Media ranges with q-values and wildcards (`*/*`, `type/*`); the most
//    specific range that matches an offer gives its q; q=0 excludes. Ties
//    in q go to the more specific range, then to server order.
//  - Common aliases are honoured: application/json for SPARQL JSON results
//    and JSON-LD, application/xml and text/xml for SPARQL XML, text/plain
//    for N-Triples, application/x-turtle for Turtle.
// Error::NotAcceptable (listing the offers) when nothing fits; malformed
// ranges are skipped, not fatal (clients send odd headers).
Result<Format> Negotiate(std::string_view accept, const std::vector<Format>& offers,
                         std::string_view format_param = {});

}  // namespace kg

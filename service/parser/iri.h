// RFC 3986 §5.2 reference resolution, for BASE and relative IRIs in queries.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg::sparql {

// True when iri starts with a scheme ("http:", "urn:", ...).
bool HasScheme(std::string_view iri);

// Resolves ref against base (RFC 3986 §5.2.2, strict). An absolute ref is
// returned with its dot segments removed; a relative ref with an empty or
// relative base gives nullopt.
std::optional<std::string> ResolveIri(std::string_view base, std::string_view ref);

}  // namespace kg::sparql

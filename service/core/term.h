// Plain RDF values that leave service/store/: terms, triples, graphs and
// SPARQL result sets. No librdf type ever appears outside store/; everything
// above it (serializers, handlers, the future query engine) works on these.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace kg {

inline constexpr const char* kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr const char* kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// An RDF 1.1 term. For literals, `datatype` is empty for a simple literal
// (xsd:string) and for a language-tagged one (rdf:langString); serializers
// decide whether to write the datatype explicitly.
struct Term {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // IRI, blank node label (without "_:"), or lexical form
  std::string language;  // literals only, lower-case as stored
  std::string datatype;  // literals only; empty = xsd:string / rdf:langString

  static Term Iri(std::string iri) { return {Kind::kIri, std::move(iri), {}, {}}; }
  static Term Blank(std::string label) { return {Kind::kBlank, std::move(label), {}, {}}; }
  // Language tags are case-insensitive (RDF 1.1 §3.3); kg keeps them in
  // lower case so that equal tags are equal strings everywhere.
  static Term Literal(std::string lex, std::string lang = {}, std::string dt = {}) {
    if (dt == kXsdString || (!lang.empty() && dt == kRdfLangString)) dt.clear();
    for (auto& c : lang)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return {Kind::kLiteral, std::move(lex), std::move(lang), std::move(dt)};
  }
  bool is_iri() const { return kind == Kind::kIri; }
  bool is_blank() const { return kind == Kind::kBlank; }
  bool is_literal() const { return kind == Kind::kLiteral; }

  friend bool operator==(const Term& a, const Term& b) {
    return std::tie(a.kind, a.value, a.language, a.datatype) ==
           std::tie(b.kind, b.value, b.language, b.datatype);
  }
  friend bool operator<(const Term& a, const Term& b) {
    return std::tie(a.kind, a.value, a.language, a.datatype) <
           std::tie(b.kind, b.value, b.language, b.datatype);
  }
};

struct Triple {
  Term subject, predicate, object;
  friend bool operator==(const Triple& a, const Triple& b) {
    return std::tie(a.subject, a.predicate, a.object) ==
           std::tie(b.subject, b.predicate, b.object);
  }
  friend bool operator<(const Triple& a, const Triple& b) {
    return std::tie(a.subject, a.predicate, a.object) <
           std::tie(b.subject, b.predicate, b.object);
  }
};

using Graph = std::vector<Triple>;

// Namespace prefixes in the order they should be written ("skos" ->
// "http://www.w3.org/2004/02/skos/core#").
using PrefixMap = std::vector<std::pair<std::string, std::string>>;

// One cell of a SELECT answer: a term, or unbound (like std::optional<Term>,
// which it converts from). The term is either the cell's own or one that
// the result set keeps alive (ResultSet::keep_alive): kg's engine answers
// with the store's own terms instead of a copy of every term it names (a
// 3,238-row answer was 10,000 string copies, a third of its time).
class ResultCell {
 public:
  ResultCell() = default;
  ResultCell(std::nullopt_t) {}  // NOLINT: as std::optional
  ResultCell(Term t)             // NOLINT: as std::optional
      : owned_(std::make_shared<const Term>(std::move(t))), term_(owned_.get()) {}
  ResultCell(const std::optional<Term>& t)  // NOLINT: as std::optional
      : ResultCell(t ? ResultCell(*t) : ResultCell()) {}
  // A term that outlives the cell (see ResultSet::keep_alive).
  static ResultCell Borrowed(const Term* t) {
    ResultCell c;
    c.term_ = t;
    return c;
  }

  explicit operator bool() const { return term_ != nullptr; }
  const Term& operator*() const { return *term_; }
  const Term* operator->() const { return term_; }

  friend bool operator==(const ResultCell& a, const ResultCell& b) {
    return a.term_ == b.term_ || (a.term_ && b.term_ && *a.term_ == *b.term_);
  }
  friend bool operator==(const ResultCell& a, std::nullopt_t) { return !a.term_; }
  friend bool operator==(const ResultCell& a, const Term& t) { return a.term_ && *a.term_ == t; }

 private:
  std::shared_ptr<const Term> owned_;  // shared by copies: the term never changes
  const Term* term_ = nullptr;
};

// A SPARQL SELECT answer: variable names (without '?') and rows.
struct ResultSet {
  std::vector<std::string> variables;
  std::vector<std::vector<ResultCell>> rows;
  // What borrowed cells point into (kg's engine: the store's dictionary).
  std::shared_ptr<const void> keep_alive;
};

// What a query returns: a table (SELECT), a boolean (ASK) or a graph
// (CONSTRUCT / DESCRIBE).
struct QueryResult {
  std::variant<ResultSet, bool, Graph> value;
  bool is_select() const { return value.index() == 0; }
  bool is_ask() const { return value.index() == 1; }
  bool is_graph() const { return value.index() == 2; }
};

}  // namespace kg

// Plain RDF values that leave service/store/: terms, triples, graphs and
// SPARQL result sets. No librdf type ever appears outside store/; everything
// above it (serializers, handlers, the future query engine) works on these.
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
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

// The rows of a SELECT answer, stored flat: every row's cells in one array
// and where each row starts in another, so n rows are two growing arrays
// instead of n allocations. Why: at one vector per row, q06's 3,238 rows
// were ~4,200 mallocs per query at ~170 instructions each, and their
// scattered blocks a cache miss per row for every serializer.
//
// Used like a vector of rows: size(), empty(), rows[i][j], range-for (a
// row is a span of its cells; rows may differ in width), push_back(cells).
// A span handed out (operator[], front, AddRow, iteration) is valid until
// the next row is added or the rows are cut (Keep).
class ResultRows {
 public:
  using Row = std::span<const ResultCell>;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Row;
    const_iterator() = default;
    const_iterator(const ResultRows* rows, std::size_t i) : rows_(rows), i_(i) {}
    Row operator*() const { return (*rows_)[i_]; }
    Row operator[](difference_type n) const { return (*rows_)[i_ + n]; }
    const_iterator& operator++() { ++i_; return *this; }
    const_iterator operator++(int) { auto t = *this; ++i_; return t; }
    const_iterator& operator--() { --i_; return *this; }
    const_iterator operator--(int) { auto t = *this; --i_; return t; }
    const_iterator& operator+=(difference_type n) { i_ += n; return *this; }
    const_iterator& operator-=(difference_type n) { i_ -= n; return *this; }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    const ResultRows* rows_ = nullptr;
    std::size_t i_ = 0;
  };

  std::size_t size() const { return starts_.size() - 1; }
  bool empty() const { return size() == 0; }
  Row operator[](std::size_t i) const {
    return {cells_.data() + starts_[i], starts_[i + 1] - starts_[i]};
  }
  std::span<ResultCell> operator[](std::size_t i) {
    return {cells_.data() + starts_[i], starts_[i + 1] - starts_[i]};
  }
  Row front() const { return (*this)[0]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  // Appends a row of `width` unbound cells, for the caller to fill.
  std::span<ResultCell> AddRow(std::size_t width) {
    const std::size_t at = cells_.size();
    cells_.resize(at + width);
    starts_.push_back(at + width);
    return {cells_.data() + at, width};
  }
  void push_back(std::vector<ResultCell> row) {
    for (auto& c : row) cells_.push_back(std::move(c));
    starts_.push_back(cells_.size());
  }
  // Keeps rows [from, to) only, e.g. one page of an answer.
  void Keep(std::size_t from, std::size_t to) {
    to = std::min(to, size());
    from = std::min(from, to);
    const std::size_t first = starts_[from], last = starts_[to];
    cells_.erase(cells_.begin() + static_cast<std::ptrdiff_t>(last), cells_.end());
    cells_.erase(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(first));
    std::vector<std::size_t> starts(starts_.begin() + static_cast<std::ptrdiff_t>(from),
                                    starts_.begin() + static_cast<std::ptrdiff_t>(to) + 1);
    for (auto& s : starts) s -= first;
    starts_.swap(starts);
  }

 private:
  std::vector<ResultCell> cells_;
  std::vector<std::size_t> starts_{0};  // row i is cells_[starts_[i], starts_[i + 1])
};

// A SPARQL SELECT answer: variable names (without '?') and rows.
struct ResultSet {
  std::vector<std::string> variables;
  ResultRows rows;
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

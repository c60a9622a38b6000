// The store's id index: a dictionary of terms (id <-> Term) and, per graph,
// the graph's triples as sorted integer permutations. Plain C++, no librdf.
//
// Why: librdf stays the store of record (Raptor parses and serializes, the
// Rasqal path reads it), but answering the engine's pattern lookups from
// librdf cost ~10-20 µs per lookup (an AVL search comparing URIs as strings)
// and 1-2 µs per matched triple to turn librdf nodes into Terms and intern
// them. Here a lookup is a binary search over 12-byte keys and a match is
// the ids themselves: the evaluator interns through the same dictionary
// (evaluator/bindings.h), so a scan hands rows their ids with no conversion.
//
// Layout: three sorted vectors per graph, SPO, POS and OSP; every pattern
// with any bound positions is one contiguous range of one of them (s, sp,
// spo -> SPO; p, po -> POS; o, os -> OSP), so counts are exact (range sizes)
// and free for the planner. Ids are dense, so beside each vector an offset
// array gives the run of every leading id directly; only the second and
// third positions are binary-searched, inside that run. Sorted vectors rather than trees: reads are
// many and writes are batches (a load, a PUT, one update request); a batch
// is sorted and merged in O(n + k log k).
//
// Ids: 1..N, stable, never reused; the dictionary only grows (a removed
// triple's terms keep their ids, so an id held during a query stays valid).
// Ids with kLocalIdBit set are never issued here: the evaluator uses them for
// terms a query computes that the store does not have.
//
// Threading: none inside; a Store and its index belong to one thread. There
// is no global state: each Store (replica) has its own dictionary and index.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/term.h"

namespace kg {

using TermId = std::uint32_t;  // 0 = none / wildcard / unbound
inline constexpr TermId kLocalIdBit = 0x80000000u;

struct TermHash {
  std::size_t operator()(const Term& t) const {
    std::hash<std::string> h;
    return h(t.value) ^ (h(t.datatype) * 31) ^ (h(t.language) * 131) ^
           static_cast<std::size_t>(t.kind);
  }
};

// Terms are stored in their normal form (Term::Literal's: xsd:string and
// rdf:langString datatypes dropped, language tags lower case), the form
// librdf's nodes read back as, so equal ids mean equal terms.
class TermDictionary {
 public:
  TermDictionary();
  // Not copyable: the id set's hash and equality read this object's terms.
  TermDictionary(const TermDictionary&) = delete;
  TermDictionary& operator=(const TermDictionary&) = delete;

  TermId Find(const Term& t) const;  // 0 if absent
  TermId Intern(const Term& t);
  // The address of a term never changes (chunks never move), so results
  // may borrow it (ResultCell::Borrowed) for as long as the dictionary lives.
  const Term& Get(TermId id) const {
    return chunks_[(id - 1) >> kChunkBits][(id - 1) & (kChunk - 1)];
  }
  std::size_t size() const { return size_; }

  // Compact per-id facts for filters that test many terms (isLiteral,
  // LANG = "x"): a dense array read instead of a Term somewhere on the heap.
  // Kind and tag share one 32-bit word, so a filter testing both waits for
  // one cache miss, not two.
  Term::Kind KindOf(TermId id) const {
    return static_cast<Term::Kind>(facts_[id - 1] >> kLangBits);
  }
  // The language tag of a literal as a small number: 0 = no tag.
  std::uint32_t LangOf(TermId id) const { return facts_[id - 1] & kLangMask; }
  // The number of a tag: 0 for "", kNoLang for a tag no stored term has.
  static constexpr std::uint32_t kNoLang = ~std::uint32_t{0};
  std::uint32_t FindLang(const std::string& tag) const;
  // Cache hints for a loop that will read many ids' entries: issuing the
  // reads rows ahead overlaps their latencies (the ids of a large answer
  // are scattered over the dictionary). No effect on results.
  void PrefetchFacts(TermId id) const { __builtin_prefetch(&facts_[id - 1]); }

  // The ids of the IRIs and literals whose value, lower-cased as SPARQL's
  // LCASE does (core/utf8.h LowerCase), starts with the bytes of `prefix`;
  // ascending by that lower-cased value. Blank nodes are never included.
  // For filters of the form STRSTARTS(LCASE(STR(?v)), "pre"): a search box
  // tests a few hundred candidates instead of scanning every label.
  //
  // The index behind it is built on the first call (~1 s per million
  // terms) and extended on later calls by the terms interned since (sorted
  // and merged), so only stores that get such queries pay for it. The span
  // stays valid until the next Intern() or WithLowerCasePrefix() call.
  std::span<const TermId> WithLowerCasePrefix(std::string_view prefix) const;
  // The same index as ranks: rank[id - 1] orders ids by their lower-cased
  // value (1-based; equal values, equal ranks; 0 for blank nodes), for
  // ORDER BY LCASE(STR(?v)). When the index lacks more than `budget` terms
  // (it was never built, or many terms arrived since), nothing is built
  // and the ranks as they are come back, possibly covering fewer ids than
  // the dictionary has. Valid until the next call or Intern().
  std::span<const std::uint32_t> LowerCaseRanks(std::size_t budget) const;

  // A sort order of the ids that a caller owns and computes (the
  // evaluator's ORDER BY order, evaluator/term_order.h), kept here because
  // it stays valid as long as the terms do: `sorted` lists the ids
  // 1..covered() in that order and rank[id - 1] is an id's 1-based place in
  // it. Ids only ever get added, so the caller extends the order by the
  // newer ids instead of sorting everything again. Empty until a caller
  // fills it.
  struct IdOrder {
    std::vector<TermId> sorted;
    std::vector<std::uint32_t> rank;
    std::size_t covered() const { return rank.size(); }
  };
  IdOrder& order() const { return order_; }

 private:
  // Sorted ids by lower-cased value; the values live in one arena.
  struct CaseFoldIndex {
    std::string text;                                        // the lower-cased values
    std::vector<std::pair<std::size_t, std::uint32_t>> at;   // per id - 1: offset, length
    std::vector<TermId> sorted;
    std::size_t covered = 0;  // ids 1..covered are in `sorted` (if not blank)
    std::vector<std::uint32_t> rank;  // LowerCaseRanks, for ids 1..rank.size()
    std::string_view Value(TermId id) const {
      const auto& [off, len] = at[id - 1];
      return std::string_view(text).substr(off, len);
    }
  };
  void ExtendCaseFoldIndex() const;
  mutable CaseFoldIndex fold_;
  mutable IdOrder order_;

  // Per id: the Term::Kind in the top two bits, the tag number below.
  static constexpr unsigned kLangBits = 30;
  static constexpr std::uint32_t kLangMask = (std::uint32_t{1} << kLangBits) - 1;
  std::vector<std::uint32_t> facts_;
  std::unordered_map<std::string, std::uint32_t> lang_ids_;

  // The terms by id, in fixed-size chunks: id i is slot (i - 1) % kChunk of
  // chunk (i - 1) / kChunk. Why not a node-based map from Term to id, with
  // a vector of pointers into it: reading a term then took two dependent
  // cache misses (the pointer, then the node), and a large answer reads
  // thousands of scattered terms. Here the chunk table is a few cache
  // lines, so Get is one read of the term itself, and terms interned
  // together (a concept and its labels) sit side by side.
  static constexpr unsigned kChunkBits = 10;
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;
  std::vector<std::unique_ptr<Term[]>> chunks_;
  std::size_t size_ = 0;
  Term& Slot(TermId id) { return chunks_[(id - 1) >> kChunkBits][(id - 1) & (kChunk - 1)]; }
  // The set of ids, hashed and compared by their terms; looked up by a
  // Term without building an id (heterogeneous lookup).
  struct IdHash {
    using is_transparent = void;
    const TermDictionary* dict;
    std::size_t operator()(TermId id) const { return TermHash{}(dict->Get(id)); }
    std::size_t operator()(const Term& t) const { return TermHash{}(t); }
  };
  struct IdEqual {
    using is_transparent = void;
    const TermDictionary* dict;
    bool operator()(TermId a, TermId b) const { return a == b; }
    bool operator()(const Term& t, TermId id) const { return dict->Get(id) == t; }
    bool operator()(TermId id, const Term& t) const { return dict->Get(id) == t; }
  };
  std::unordered_set<TermId, IdHash, IdEqual> ids_;
};

struct IdTriple {
  TermId s = 0, p = 0, o = 0;
  friend bool operator==(const IdTriple& a, const IdTriple& b) {
    return a.s == b.s && a.p == b.p && a.o == b.o;
  }
  friend bool operator<(const IdTriple& a, const IdTriple& b) {
    if (a.s != b.s) return a.s < b.s;
    if (a.p != b.p) return a.p < b.p;
    return a.o < b.o;
  }
};

using IdKey = std::array<TermId, 3>;

// The matches of one pattern: a contiguous range of one permutation.
class IdRange {
 public:
  enum class Order : std::uint8_t { kSpo, kPos, kOsp };
  IdRange() = default;
  IdRange(const IdKey* begin, const IdKey* end, Order order)
      : begin_(begin), end_(end), order_(order) {}
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  bool empty() const { return begin_ == end_; }
  IdTriple operator[](std::size_t i) const {
    const IdKey& k = begin_[i];
    switch (order_) {
      case Order::kSpo: return {k[0], k[1], k[2]};
      case Order::kPos: return {k[2], k[0], k[1]};
      case Order::kOsp: return {k[1], k[2], k[0]};
    }
    return {};
  }
  Order order() const { return order_; }

 private:
  const IdKey* begin_ = nullptr;
  const IdKey* end_ = nullptr;
  Order order_ = Order::kSpo;
};

// The triples of one graph (a set: no duplicates).
class TripleIndex {
 public:
  // Adds the triples not yet present; returns how many were new.
  std::size_t Insert(std::vector<IdTriple> triples);
  // Removes those present; returns how many were removed.
  std::size_t Erase(std::vector<IdTriple> triples);
  void Clear();
  bool Contains(const IdTriple& t) const;
  std::size_t size() const { return spo_.size(); }

  // Matches of a pattern, 0 = wildcard. Ids the dictionary never issued
  // simply match nothing.
  IdRange Match(TermId s, TermId p, TermId o) const;
  std::size_t Count(TermId s, TermId p, TermId o) const { return Match(s, p, o).size(); }
  // Cache hints for a Match(s, p, o) a little later, for a loop that looks
  // up many patterns (a join's left rows): step 0 asks for the offset of
  // the pattern's leading id, step 1 (some lookups later, once that has
  // arrived) for the start of its run. No effect on results.
  void Prefetch(TermId s, TermId p, TermId o, int step) const;
  // Every triple in SPO order.
  IdRange All() const { return Match(0, 0, 0); }

  // Average number of matches of a pattern whose positions in `unknown`
  // (bits 1 s, 2 p, 4 o) are bound to values not known yet (a join
  // variable): the exact count of the known positions divided by the number
  // of distinct values at each unknown one (per predicate when p is known).
  // For the planner's join order.
  double Estimate(TermId s, TermId p, TermId o, unsigned unknown) const;

  // The distinct predicates, ascending (a walk over POS, one step per
  // predicate, not per triple).
  std::vector<TermId> Predicates() const { return Leading(IdRange::Order::kPos); }
  // The distinct ids in the leading position of a permutation, ascending:
  // subjects (SPO), predicates (POS) or objects (OSP), one step per id.
  std::vector<TermId> Leading(IdRange::Order order) const;

 private:
  struct Stats {
    std::size_t subjects = 0, objects = 0, predicates = 0;
    std::unordered_map<TermId, std::pair<std::size_t, std::size_t>> per_predicate;  // s, o
  };
  const Stats& stats() const;
  // The permutation and key prefix a pattern is read from (Match, Prefetch).
  struct Plan {
    const std::vector<IdKey>* v;
    const std::vector<std::uint32_t>* off;
    IdKey key;
    int n;  // bound positions, leading
    IdRange::Order order;
  };
  Plan PlanFor(TermId s, TermId p, TermId o) const;
  void Reindex();  // the offsets, after a change

  std::vector<IdKey> spo_, pos_, osp_;
  // Per permutation: where the run of each leading id starts (index = id),
  // so a pattern's first bound id costs one array read.
  std::vector<std::uint32_t> spo_off_, pos_off_, osp_off_;
  mutable std::unique_ptr<Stats> stats_;  // computed on first use after a change
};

}  // namespace kg

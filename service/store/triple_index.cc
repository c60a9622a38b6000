#include "store/triple_index.h"

#include <algorithm>
#include <stdexcept>

#include "core/utf8.h"

namespace kg {
namespace {

IdKey Spo(const IdTriple& t) { return {t.s, t.p, t.o}; }
IdKey Pos(const IdTriple& t) { return {t.p, t.o, t.s}; }
IdKey Osp(const IdTriple& t) { return {t.o, t.s, t.p}; }

// Key order, written out: std::array's operator< goes through a three-way
// comparison that the compiler does not inline, and these comparisons are
// most of a lookup.
struct KeyLess {
  bool operator()(const IdKey& a, const IdKey& b) const {
    if (a[0] != b[0]) return a[0] < b[0];
    if (a[1] != b[1]) return a[1] < b[1];
    return a[2] < b[2];
  }
};

// The keys of `v` that start with the first n entries of `prefix`. The
// first entry is a direct offset (ids are dense); the rest a binary search
// inside that first entry's (short) run.
IdRange Prefix(const std::vector<IdKey>& v, const std::vector<std::uint32_t>& offsets,
               IdKey prefix, int n, IdRange::Order order) {
  const TermId first = prefix[0];
  const IdKey* run_begin;
  const IdKey* run_end;
  if (!offsets.empty()) {
    if (static_cast<std::size_t>(first) + 1 >= offsets.size()) return IdRange(nullptr, nullptr, order);
    run_begin = v.data() + offsets[first];
    run_end = v.data() + offsets[first + 1];
  } else {  // a small graph of a big store: no offset array (see BuildOffsets)
    run_begin = std::lower_bound(v.data(), v.data() + v.size(), IdKey{first, 0, 0}, KeyLess());
    run_end = std::upper_bound(run_begin, v.data() + v.size(),
                               IdKey{first, ~TermId{0}, ~TermId{0}}, KeyLess());
  }
  if (n == 1) return IdRange(run_begin, run_end, order);
  if (n == 2) {
    // Inside a run every key has the same leading id, so only the second
    // id orders it: two searches on one integer instead of three-id keys.
    const TermId second = prefix[1];
    const IdKey* b = std::partition_point(run_begin, run_end,
                                          [&](const IdKey& k) { return k[1] < second; });
    const IdKey* e = std::partition_point(b, run_end,
                                          [&](const IdKey& k) { return k[1] == second; });
    return IdRange(b, e, order);
  }
  // All three bound: the one key, if present.
  const IdKey* b = std::lower_bound(run_begin, run_end, prefix, KeyLess());
  const IdKey* e = std::upper_bound(b, run_end, prefix, KeyLess());
  return IdRange(b, e, order);
}

// offsets[id] = the first position whose leading id is >= id. Only when
// the array is not much larger than the graph: a small graph in a store of
// many terms (ids up to millions) searches instead.
void BuildOffsets(const std::vector<IdKey>& v, std::vector<std::uint32_t>& offsets) {
  TermId max_id = v.empty() ? 0 : v.back()[0];
  if (max_id > 4 * v.size() + 1024) {
    offsets.clear();
    offsets.shrink_to_fit();
    return;
  }
  offsets.assign(static_cast<std::size_t>(max_id) + 2, 0);
  for (const auto& k : v) ++offsets[k[0] + 1];
  for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
}

// Merges sorted, duplicate-free `add` (none present in v) into sorted v.
void MergeInto(std::vector<IdKey>& v, std::vector<IdKey> add) {
  std::sort(add.begin(), add.end(), KeyLess());
  auto mid = static_cast<std::ptrdiff_t>(v.size());
  v.insert(v.end(), add.begin(), add.end());
  std::inplace_merge(v.begin(), v.begin() + mid, v.end(), KeyLess());
}

// Removes the keys of sorted `del` (all present in v) from sorted v.
void RemoveFrom(std::vector<IdKey>& v, std::vector<IdKey> del) {
  std::sort(del.begin(), del.end(), KeyLess());
  std::vector<IdKey> out;
  out.reserve(v.size() - std::min(v.size(), del.size()));
  std::set_difference(v.begin(), v.end(), del.begin(), del.end(), std::back_inserter(out),
                      KeyLess());
  v.swap(out);
}

}  // namespace

namespace {
// True when t differs from its normal form (see TermDictionary).
bool NotNormal(const Term& t) {
  if (!t.is_literal()) return false;
  if (t.datatype == kXsdString || (!t.language.empty() && t.datatype == kRdfLangString)) return true;
  for (char c : t.language)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}
}  // namespace

TermDictionary::TermDictionary() : ids_(0, IdHash{this}, IdEqual{this}) {}

TermId TermDictionary::Find(const Term& t) const {
  if (NotNormal(t)) return Find(Term::Literal(t.value, t.language, t.datatype));
  auto it = ids_.find(t);
  return it == ids_.end() ? 0 : *it;
}

TermId TermDictionary::Intern(const Term& t) {
  if (NotNormal(t)) return Intern(Term::Literal(t.value, t.language, t.datatype));
  if (auto it = ids_.find(t); it != ids_.end()) return *it;
  std::uint32_t lang = 0;
  if (!t.language.empty())
    lang = lang_ids_.try_emplace(t.language, static_cast<std::uint32_t>(lang_ids_.size() + 1))
               .first->second;
  // Unreachable in practice (a billion distinct tags), but never wrong.
  if (lang > kLangMask) throw std::length_error("too many distinct language tags");
  if (size_ % kChunk == 0) chunks_.push_back(std::make_unique<Term[]>(kChunk));
  const auto id = static_cast<TermId>(++size_);
  Slot(id) = t;
  ids_.insert(id);
  facts_.push_back(static_cast<std::uint32_t>(t.kind) << kLangBits | lang);
  return id;
}

std::uint32_t TermDictionary::FindLang(const std::string& tag) const {
  if (tag.empty()) return 0;
  auto it = lang_ids_.find(tag);
  return it == lang_ids_.end() ? kNoLang : it->second;
}

void TermDictionary::ExtendCaseFoldIndex() const {
  if (fold_.covered == size_) return;
  std::vector<TermId> added;
  fold_.at.resize(size_);
  for (std::size_t i = fold_.covered; i < size_; ++i) {
    const Term& t = Get(static_cast<TermId>(i + 1));
    if (t.is_blank()) continue;
    std::string lower = LowerCase(t.value);
    fold_.at[i] = {fold_.text.size(), static_cast<std::uint32_t>(lower.size())};
    fold_.text += lower;
    added.push_back(static_cast<TermId>(i + 1));
  }
  fold_.covered = size_;
  auto less = [this](TermId a, TermId b) {
    std::string_view x = fold_.Value(a), y = fold_.Value(b);
    return x != y ? x < y : a < b;
  };
  std::sort(added.begin(), added.end(), less);
  auto mid = static_cast<std::ptrdiff_t>(fold_.sorted.size());
  fold_.sorted.insert(fold_.sorted.end(), added.begin(), added.end());
  std::inplace_merge(fold_.sorted.begin(), fold_.sorted.begin() + mid, fold_.sorted.end(), less);
}

std::span<const TermId> TermDictionary::WithLowerCasePrefix(std::string_view prefix) const {
  ExtendCaseFoldIndex();
  const auto& sorted = fold_.sorted;
  // Values starting with `prefix` are the run between the first value not
  // below it and the first whose leading bytes compare above it.
  auto b = std::partition_point(sorted.begin(), sorted.end(),
                                [&](TermId id) { return fold_.Value(id) < prefix; });
  auto e = std::partition_point(b, sorted.end(), [&](TermId id) {
    return fold_.Value(id).substr(0, prefix.size()) <= prefix;
  });
  return {sorted.data() + (b - sorted.begin()), static_cast<std::size_t>(e - b)};
}

std::span<const std::uint32_t> TermDictionary::LowerCaseRanks(std::size_t budget) const {
  if (size_ - fold_.covered > budget) return fold_.rank;
  ExtendCaseFoldIndex();
  if (fold_.rank.size() == fold_.covered) return fold_.rank;
  fold_.rank.assign(fold_.covered, 0);
  std::uint32_t r = 0;
  for (std::size_t i = 0; i < fold_.sorted.size(); ++i) {
    TermId id = fold_.sorted[i];
    if (i == 0 || fold_.Value(id) != fold_.Value(fold_.sorted[i - 1])) ++r;
    fold_.rank[id - 1] = r;
  }
  return fold_.rank;
}

bool TripleIndex::Contains(const IdTriple& t) const {
  return !Match(t.s, t.p, t.o).empty();
}

std::size_t TripleIndex::Insert(std::vector<IdTriple> triples) {
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  triples.erase(std::remove_if(triples.begin(), triples.end(),
                               [&](const IdTriple& t) { return Contains(t); }),
                triples.end());
  if (triples.empty()) return 0;
  stats_.reset();
  std::vector<IdKey> spo, pos, osp;
  spo.reserve(triples.size());
  pos.reserve(triples.size());
  osp.reserve(triples.size());
  for (const auto& t : triples) {
    spo.push_back(Spo(t));
    pos.push_back(Pos(t));
    osp.push_back(Osp(t));
  }
  MergeInto(spo_, std::move(spo));
  MergeInto(pos_, std::move(pos));
  MergeInto(osp_, std::move(osp));
  Reindex();
  return triples.size();
}

std::size_t TripleIndex::Erase(std::vector<IdTriple> triples) {
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  triples.erase(std::remove_if(triples.begin(), triples.end(),
                               [&](const IdTriple& t) { return !Contains(t); }),
                triples.end());
  if (triples.empty()) return 0;
  stats_.reset();
  std::vector<IdKey> spo, pos, osp;
  for (const auto& t : triples) {
    spo.push_back(Spo(t));
    pos.push_back(Pos(t));
    osp.push_back(Osp(t));
  }
  RemoveFrom(spo_, std::move(spo));
  RemoveFrom(pos_, std::move(pos));
  RemoveFrom(osp_, std::move(osp));
  Reindex();
  return triples.size();
}

void TripleIndex::Clear() {
  spo_.clear();
  pos_.clear();
  osp_.clear();
  Reindex();
  stats_.reset();
}

void TripleIndex::Reindex() {
  BuildOffsets(spo_, spo_off_);
  BuildOffsets(pos_, pos_off_);
  BuildOffsets(osp_, osp_off_);
}

TripleIndex::Plan TripleIndex::PlanFor(TermId s, TermId p, TermId o) const {
  using O = IdRange::Order;
  if (s && p && o) return {&spo_, &spo_off_, {s, p, o}, 3, O::kSpo};
  if (s && p) return {&spo_, &spo_off_, {s, p, 0}, 2, O::kSpo};
  if (s && o) return {&osp_, &osp_off_, {o, s, 0}, 2, O::kOsp};
  if (p && o) return {&pos_, &pos_off_, {p, o, 0}, 2, O::kPos};
  if (s) return {&spo_, &spo_off_, {s, 0, 0}, 1, O::kSpo};
  if (p) return {&pos_, &pos_off_, {p, 0, 0}, 1, O::kPos};
  if (o) return {&osp_, &osp_off_, {o, 0, 0}, 1, O::kOsp};
  return {&spo_, &spo_off_, {0, 0, 0}, 0, O::kSpo};
}

IdRange TripleIndex::Match(TermId s, TermId p, TermId o) const {
  const Plan plan = PlanFor(s, p, o);
  if (plan.n == 0) return IdRange(spo_.data(), spo_.data() + spo_.size(), plan.order);
  return Prefix(*plan.v, *plan.off, plan.key, plan.n, plan.order);
}

void TripleIndex::Prefetch(TermId s, TermId p, TermId o, int step) const {
  const Plan plan = PlanFor(s, p, o);
  const std::vector<std::uint32_t>& off = *plan.off;
  const TermId first = plan.key[0];
  if (!first || static_cast<std::size_t>(first) + 1 >= off.size()) return;
  if (step == 0) __builtin_prefetch(&off[first]);
  else if (off[first] < plan.v->size()) __builtin_prefetch(plan.v->data() + off[first]);
}

std::vector<TermId> TripleIndex::Leading(IdRange::Order order) const {
  const bool pos = order == IdRange::Order::kPos, osp = order == IdRange::Order::kOsp;
  const std::vector<IdKey>& v = pos ? pos_ : osp ? osp_ : spo_;
  const std::vector<std::uint32_t>& off = pos ? pos_off_ : osp ? osp_off_ : spo_off_;
  std::vector<TermId> out;
  auto it = v.begin();
  while (it != v.end()) {
    TermId id = (*it)[0];
    out.push_back(id);
    it = off.empty() ? std::upper_bound(it, v.end(), IdKey{id, ~TermId{0}, ~TermId{0}}, KeyLess())
                     : v.begin() + off[id + 1];
  }
  return out;
}

const TripleIndex::Stats& TripleIndex::stats() const {
  if (stats_) return *stats_;
  auto st = std::make_unique<Stats>();
  // Each permutation lists equal leading ids together: one pass each.
  for (std::size_t i = 0; i < spo_.size(); ++i) {
    if (i == 0 || spo_[i][0] != spo_[i - 1][0]) ++st->subjects;
    // (s, p) groups: a new subject of predicate p
    if (i == 0 || spo_[i][0] != spo_[i - 1][0] || spo_[i][1] != spo_[i - 1][1])
      ++st->per_predicate[spo_[i][1]].first;
  }
  for (std::size_t i = 0; i < pos_.size(); ++i) {
    if (i == 0 || pos_[i][0] != pos_[i - 1][0]) ++st->predicates;
    if (i == 0 || pos_[i][0] != pos_[i - 1][0] || pos_[i][1] != pos_[i - 1][1])
      ++st->per_predicate[pos_[i][0]].second;
  }
  for (std::size_t i = 0; i < osp_.size(); ++i)
    if (i == 0 || osp_[i][0] != osp_[i - 1][0]) ++st->objects;
  stats_ = std::move(st);
  return *stats_;
}

double TripleIndex::Estimate(TermId s, TermId p, TermId o, unsigned unknown) const {
  double n = static_cast<double>(Count(s, p, o));
  if (!unknown || n == 0) return n;
  const Stats& st = stats();
  std::size_t ds = st.subjects, dp = st.predicates, dob = st.objects;
  if (p && !(unknown & 2)) {
    auto it = st.per_predicate.find(p);
    if (it == st.per_predicate.end()) return 0;
    ds = it->second.first;
    dob = it->second.second;
  }
  if (unknown & 1) n /= static_cast<double>(std::max<std::size_t>(ds, 1));
  if (unknown & 2) n /= static_cast<double>(std::max<std::size_t>(dp, 1));
  if (unknown & 4) n /= static_cast<double>(std::max<std::size_t>(dob, 1));
  return std::max(n, 1.0);
}

}  // namespace kg

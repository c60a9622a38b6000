// Search over an in-memory label index, rebuilt when the store changes.
#include <algorithm>
#include <memory>
#include <map>
#include <set>
#include <tuple>

#include "vocabulary/graph_reader.h"
#include "vocabulary/store_memo.h"
#include "vocabulary/vocabulary.h"

namespace kg::vocabulary {
namespace {

struct IndexedLabel {
  std::string folded;
  std::string label;
  std::string language;
  LabelKind kind;
  std::size_t concept_index;  // index into LabelIndex::concepts
};

struct IndexedConcept {
  Ref ref;  // labels = prefLabels
  std::vector<Ref> schemes;
};

struct LabelIndex {
  std::vector<IndexedConcept> concepts;
  std::vector<IndexedLabel> labels;
};

Result<std::shared_ptr<const LabelIndex>> BuildIndex(const Store& store, const Config& config) {
  GraphReader r(store, config);
  auto rs = r.Select(
      "SELECT ?c ?p ?l WHERE { ?c rdf:type/rdfs:subClassOf* skos:Concept . "
      "VALUES ?p { skos:prefLabel skos:altLabel skos:hiddenLabel } ?c ?p ?l "
      "FILTER(isLiteral(?l)) }");
  if (!rs.ok()) return rs.error();
  auto schemes = r.Select(
      "SELECT ?c ?s ?l WHERE { ?c rdf:type/rdfs:subClassOf* skos:Concept ; skos:inScheme ?s . "
      "OPTIONAL { ?s skos:prefLabel ?l } }");
  if (!schemes.ok()) return schemes.error();

  auto index = std::make_shared<LabelIndex>();
  std::map<std::string, std::size_t> slot;
  auto concept_at = [&](const std::string& iri) -> IndexedConcept& {
    auto [it, added] = slot.emplace(iri, index->concepts.size());
    if (added) {
      IndexedConcept c;
      c.ref.iri = iri;
      c.ref.id = ShortId(iri, config.base + config.concept_segment);
      index->concepts.push_back(std::move(c));
    }
    return index->concepts[it->second];
  };
  const std::string pref = Iri(ns::kSkos, "prefLabel"), alt = Iri(ns::kSkos, "altLabel");
  std::set<std::tuple<std::string, std::string, std::string, int>> seen;
  for (const auto& row : rs->rows) {
    if (!row[0] || !row[1] || !row[2] || !row[0]->is_iri()) continue;
    const Term &c = *row[0], &p = *row[1], &l = *row[2];
    LabelKind kind = p.value == pref ? LabelKind::kPref
                     : p.value == alt ? LabelKind::kAlt : LabelKind::kHidden;
    if (!seen.emplace(c.value, l.value, l.language, static_cast<int>(kind)).second) continue;
    IndexedConcept& ic = concept_at(c.value);
    if (kind == LabelKind::kPref) ic.ref.labels[l.language].push_back(l.value);
    index->labels.push_back({Fold(l.value), l.value, l.language, kind, slot[c.value]});
  }
  std::map<std::string, Ref> scheme_refs;
  std::set<std::pair<std::string, std::string>> member;
  for (const auto& row : schemes->rows) {
    if (!row[0] || !row[1] || !row[1]->is_iri()) continue;
    auto& ref = scheme_refs[row[1]->value];
    ref.iri = row[1]->value;
    ref.id = ShortId(ref.iri, config.base + config.scheme_segment);
    if (row[2] && row[2]->is_literal()) {
      auto& v = ref.labels[row[2]->language];
      if (std::find(v.begin(), v.end(), row[2]->value) == v.end()) v.push_back(row[2]->value);
    }
    member.emplace(row[0]->value, row[1]->value);
  }
  for (const auto& [c, s] : member)
    if (auto it = slot.find(c); it != slot.end())
      index->concepts[it->second].schemes.push_back(scheme_refs[s]);
  for (auto& c : index->concepts)
    for (auto& [lang, v] : c.ref.labels) std::sort(v.begin(), v.end());
  for (auto& [iri, ref] : scheme_refs)
    for (auto& [lang, v] : ref.labels) std::sort(v.begin(), v.end());
  return std::shared_ptr<const LabelIndex>(std::move(index));
}

// What of the Config the index depends on (the ids it computes).
std::string BaseKey(const Config& c) {
  return c.base + '\n' + c.concept_segment + '\n' + c.scheme_segment;
}

// The index of a store at its current state (one entry per replica).
Result<std::shared_ptr<const LabelIndex>> IndexFor(const Store& store, const Config& config) {
  static StoreMemo<LabelIndex> memo;
  return memo.Get(store, BaseKey(config), [&] { return BuildIndex(store, config); });
}

bool IsWordChar(char c) {
  // Folded text: ASCII letters/digits and every byte of a multi-byte
  // character count as word characters.
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// How `folded` contains `q`, or nullopt.
std::optional<MatchKind> Match(const std::string& folded, const std::string& q) {
  if (folded == q) return MatchKind::kExact;
  std::size_t pos = folded.find(q);
  if (pos == std::string::npos) return std::nullopt;
  if (pos == 0) return MatchKind::kPrefix;
  for (; pos != std::string::npos; pos = folded.find(q, pos + 1))
    if (!IsWordChar(folded[pos - 1])) return MatchKind::kWordPrefix;
  return MatchKind::kSubstring;
}

}  // namespace

Result<std::vector<SearchHit>> Search(const Store& store, std::string_view q,
                                      std::string_view lang, std::size_t limit,
                                      const Config& config) {
  std::string folded_q = Fold(q);
  if (folded_q.empty() || limit == 0) return std::vector<SearchHit>{};
  auto index = IndexFor(store, config);
  if (!index.ok()) return index.error();
  const LabelIndex& idx = **index;

  // Smaller is better: match kind, label kind, a label in another language
  // than `lang`, then the folded label itself.
  struct Rank {
    int match, kind, other_lang;
    const std::string* folded;
    bool operator<(const Rank& o) const {
      if (std::tie(match, kind, other_lang) != std::tie(o.match, o.kind, o.other_lang))
        return std::tie(match, kind, other_lang) < std::tie(o.match, o.kind, o.other_lang);
      return *folded < *o.folded;
    }
  };
  struct Best {
    Rank rank;
    const IndexedLabel* label;
    MatchKind match;
  };
  std::vector<std::optional<Best>> best(idx.concepts.size());
  for (const auto& l : idx.labels) {
    auto m = Match(l.folded, folded_q);
    if (!m) continue;
    Rank rank{static_cast<int>(*m), static_cast<int>(l.kind), l.language == lang ? 0 : 1,
              &l.folded};
    auto& b = best[l.concept_index];
    if (!b || rank < b->rank) b = Best{rank, &l, *m};
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < best.size(); ++i)
    if (best[i]) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (best[a]->rank < best[b]->rank) return true;
    if (best[b]->rank < best[a]->rank) return false;
    return idx.concepts[a].ref.iri < idx.concepts[b].ref.iri;
  });
  if (order.size() > limit) order.resize(limit);
  std::vector<SearchHit> hits;
  hits.reserve(order.size());
  for (std::size_t i : order) {
    const IndexedConcept& c = idx.concepts[i];
    const Best& b = *best[i];
    SearchHit h;
    h.iri = c.ref.iri;
    h.id = c.ref.id;
    h.matched_label = b.label->label;
    h.matched_language = b.label->language;
    h.label_kind = b.label->kind;
    h.match_kind = b.match;
    h.pref_label = RefLabel(c.ref, lang, config);
    h.schemes = c.schemes;
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace kg::vocabulary

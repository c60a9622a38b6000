#include "store/store_change.h"

namespace kg {

Status ApplyChange(Store& store, const StoreChange& change) {
  switch (change.kind) {
    case StoreChange::Kind::kReplace: return store.Replace(change.graph, change.triples);
    case StoreChange::Kind::kAdd: return store.Add(change.graph, change.triples);
    case StoreChange::Kind::kRemove: return store.Remove(change.graph, change.triples);
    case StoreChange::Kind::kDrop:
      if (store.Drop(change.graph)) return Status::Ok();
      return Error::NotFound("no graph <" + change.graph.value_or("") + ">");
  }
  return Error::Internal("unknown store change");
}

Status ApplyAndRecord(Store& store, ChangeJournal* journal, StoreChange change) {
  Status st = ApplyChange(store, change);
  if (journal) {
    change.ok = st.ok();
    journal->push_back(std::move(change));
  }
  return st;
}

ChangeJournal SnapshotChanges(const Store& store) {
  ChangeJournal out;
  std::vector<GraphName> graphs{std::nullopt};
  for (auto& name : store.GraphNames()) graphs.emplace_back(std::move(name));
  for (auto& g : graphs) {
    StoreChange c;
    c.kind = StoreChange::Kind::kAdd;
    c.triples = store.Get(g).value_or(Graph{});
    c.graph = std::move(g);
    out.push_back(std::move(c));
  }
  return out;
}

namespace {

std::uint64_t Mix(std::uint64_t x) {  // splitmix64's finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void Fnv(std::uint64_t& h, const std::string& s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  h = (h ^ 0xff) * 0x100000001b3ULL;  // separator, so "ab","c" != "a","bc"
}

void Fnv(std::uint64_t& h, const Term& t) {
  h = (h ^ static_cast<unsigned>(t.kind)) * 0x100000001b3ULL;
  Fnv(h, t.value);
  Fnv(h, t.language);
  Fnv(h, t.datatype);
}

}  // namespace

std::uint64_t ContentFingerprint(const Store& store) {
  std::vector<GraphName> graphs{std::nullopt};
  for (auto& name : store.GraphNames()) graphs.emplace_back(std::move(name));
  std::uint64_t sum = Mix(store.Version()) + Mix(graphs.size());
  for (const auto& g : graphs) {
    std::uint64_t base = 0xcbf29ce484222325ULL;
    Fnv(base, g.value_or(std::string("\x01" "default")));
    sum += Mix(base);
    store.ForEach(Store::GraphRef{false, g}, std::nullopt, std::nullopt, std::nullopt,
                  [&](Triple&& t) {
                    std::uint64_t h = base;
                    Fnv(h, t.subject);
                    Fnv(h, t.predicate);
                    Fnv(h, t.object);
                    sum += Mix(h);  // a sum: the order of the scan does not matter
                    return true;
                  });
  }
  return sum;
}

}  // namespace kg

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

}  // namespace kg

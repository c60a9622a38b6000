#include "evaluator/update.h"

#include <map>
#include <optional>
#include <random>
#include <set>
#include <utility>

#include "evaluator/pattern_solutions.h"
#include "parser/parser.h"

namespace kg::sparql {
namespace {

using Op = UpdateOperation;

std::string Label(const GraphName& g) { return g ? "graph <" + *g + ">" : "the default graph"; }

// One change to undo: triples that were added / removed, or a whole graph
// as it was before (nullopt: it did not exist).
struct UndoEntry {
  enum class Kind { kAdded, kRemoved, kSnapshot } kind;
  GraphName graph;
  Graph triples;
  std::optional<Graph> before;
};

class Executor {
 public:
  Executor(Store& store, const UpdateOptions& options) : store_(store), options_(options) {
    std::random_device rd;
    nonce_ = (static_cast<unsigned long long>(rd()) << 32) ^ rd();
  }

  Result<UpdateSummary> Run(const Update& update) {
    base_ = update.base.empty() ? options_.base_iri : update.base;
    bool protocol_dataset = !options_.using_graphs.empty() || !options_.using_named.empty();
    for (const auto& op : update.operations) {
      if (protocol_dataset &&
          (op.with || !op.using_graphs.empty() || !op.using_named.empty()))
        return Error::BadRequest(
            "using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED "
            "or WITH in the update (SPARQL 1.1 Protocol §2.2.3)");
    }
    for (const auto& op : update.operations) {
      Status st = Execute(op);
      if (!st.ok() && !op.silent) {
        Rollback();
        return st.error();
      }
      if (!st.ok() && st.error().code == Error::Code::kTimeout) {
        Rollback();
        return st.error();
      }
      ++summary_.operations;
    }
    return summary_;
  }

 private:
  Status Execute(const Op& op) {
    switch (op.kind) {
      case Op::Kind::kInsertData: return InsertData(op);
      case Op::Kind::kDeleteData: return DeleteData(op);
      case Op::Kind::kDeleteWhere:
      case Op::Kind::kModify: return Modify(op);
      case Op::Kind::kLoad: return Load(op);
      case Op::Kind::kClear: return ClearOrDrop(op, false);
      case Op::Kind::kDrop: return ClearOrDrop(op, true);
      case Op::Kind::kCreate: return Create(op);
      case Op::Kind::kCopy:
      case Op::Kind::kMove:
      case Op::Kind::kAdd: return Transfer(op);
    }
    return Error::Internal("unknown update operation");
  }

  // ---- Changes, each journaled ---------------------------------------------
  // Every change to the store goes through here, so options_.journal (the
  // replicas' redo log) sees each one, the undo of a failed request included.
  using K = StoreChange::Kind;
  Status Change(K kind, const GraphName& g, Graph triples = {}) {
    return ApplyAndRecord(store_, options_.journal, StoreChange{kind, g, std::move(triples)});
  }

  bool Contains(const GraphName& g, const Triple& t) const {
    bool found = false;
    store_.ForEach(Store::GraphRef{false, g}, t.subject, t.predicate, t.object, [&](Triple&&) {
      found = true;
      return false;
    });
    return found;
  }

  Status AddTo(const GraphName& g, const Graph& triples) {
    bool existed = store_.Exists(g);
    Graph fresh;
    std::set<Triple> seen;
    for (const auto& t : triples)
      if (seen.insert(t).second && (!existed || !Contains(g, t))) fresh.push_back(t);
    if (existed && fresh.empty()) return Status::Ok();
    if (auto st = Change(K::kAdd, g, fresh); !st.ok()) return st;
    if (existed) undo_.push_back({UndoEntry::Kind::kAdded, g, fresh, std::nullopt});
    else undo_.push_back({UndoEntry::Kind::kSnapshot, g, {}, std::nullopt});
    summary_.inserted += fresh.size();
    return Status::Ok();
  }

  Status RemoveFrom(const GraphName& g, const Graph& triples) {
    if (!store_.Exists(g)) return Status::Ok();  // nothing to delete
    Graph present;
    std::set<Triple> seen;
    for (const auto& t : triples)
      if (seen.insert(t).second && Contains(g, t)) present.push_back(t);
    if (present.empty()) return Status::Ok();
    if (auto st = Change(K::kRemove, g, present); !st.ok()) return st;
    summary_.deleted += present.size();
    undo_.push_back({UndoEntry::Kind::kRemoved, g, std::move(present), std::nullopt});
    return Status::Ok();
  }

  void Snapshot(const GraphName& g) {
    undo_.push_back({UndoEntry::Kind::kSnapshot, g, {}, store_.Get(g)});
  }

  Status ReplaceGraph(const GraphName& g, const Graph& triples) {
    Snapshot(g);
    summary_.deleted += store_.Size(g);
    summary_.inserted += triples.size();
    return Change(K::kReplace, g, triples);
  }

  void DropGraph(const GraphName& g) {
    Snapshot(g);
    summary_.deleted += store_.Size(g);
    (void)Change(K::kDrop, g);
  }

  void Rollback() {
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
      switch (it->kind) {
        case UndoEntry::Kind::kAdded: (void)Change(K::kRemove, it->graph, it->triples); break;
        case UndoEntry::Kind::kRemoved: (void)Change(K::kAdd, it->graph, it->triples); break;
        case UndoEntry::Kind::kSnapshot:
          if (it->before) (void)Change(K::kReplace, it->graph, *it->before);
          else if (it->graph) (void)Change(K::kDrop, it->graph);
          break;
      }
    }
    undo_.clear();
  }

  // ---- Templates -------------------------------------------------------------
  Term FreshBlank() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "u%016llx", nonce_);
    return Term::Blank(std::string(buf) + "n" + std::to_string(++blank_counter_));
  }

  // The triples of `quads` for one solution, grouped by graph. Triples with
  // an unbound variable or an invalid term (literal subject, non-IRI
  // predicate, non-IRI graph) are skipped (Update §3.1.3). `blanks` maps
  // template blank-node labels to the nodes they stand for.
  void Instantiate(const std::vector<QuadPattern>& quads, const Solution& solution,
                   const GraphName& default_graph, std::map<std::string, Term>* blanks,
                   std::map<GraphName, Graph>& out) {
    auto resolve = [&](const VarOrTerm& pos) -> std::optional<Term> {
      if (const Var* v = std::get_if<Var>(&pos)) {
        auto it = solution.find(v->name);
        if (it == solution.end()) return std::nullopt;
        return it->second;
      }
      const Term& t = std::get<Term>(pos);
      if (t.is_blank() && blanks) {
        auto it = blanks->find(t.value);
        if (it == blanks->end()) it = blanks->emplace(t.value, FreshBlank()).first;
        return it->second;
      }
      return t;
    };
    for (const auto& q : quads) {
      GraphName g = default_graph;
      if (q.graph) {
        auto name = resolve(*q.graph);
        if (!name || !name->is_iri() || name->value.empty()) continue;
        g = name->value;
      }
      auto s = resolve(q.triple.subject), p = resolve(q.triple.predicate),
           o = resolve(q.triple.object);
      if (!s || !p || !o || s->is_literal() || !p->is_iri() || p->value.empty()) continue;
      if ((s->is_iri() && s->value.empty()) || (o->is_iri() && o->value.empty())) continue;
      out[g].push_back({std::move(*s), std::move(*p), std::move(*o)});
    }
  }

  // ---- Operations --------------------------------------------------------------
  Status InsertData(const Op& op) {
    std::map<GraphName, Graph> triples;
    // Blank nodes of INSERT DATA are fresh nodes, shared by the request.
    Instantiate(op.insert_quads, {}, std::nullopt, &data_blanks_, triples);
    for (const auto& [g, ts] : triples)
      if (auto st = AddTo(g, ts); !st.ok()) return st;
    return Status::Ok();
  }

  Status DeleteData(const Op& op) {
    std::map<GraphName, Graph> triples;
    Instantiate(op.delete_quads, {}, std::nullopt, nullptr, triples);
    for (const auto& [g, ts] : triples)
      if (auto st = RemoveFrom(g, ts); !st.ok()) return st;
    return Status::Ok();
  }

  Status Modify(const Op& op) {
    if (!op.where) return Error::Internal("update operation without WHERE");
    Dataset dataset;
    if (!op.using_graphs.empty() || !op.using_named.empty()) {
      dataset.default_graphs = op.using_graphs;
      dataset.named_graphs = op.using_named;
    } else if (!options_.using_graphs.empty() || !options_.using_named.empty()) {
      dataset.default_graphs = options_.using_graphs;
      dataset.named_graphs = options_.using_named;
    } else if (op.with) {
      dataset.default_graphs = {*op.with};
      dataset.named_graphs = store_.GraphNames();
    }
    auto solutions = EvaluatePattern(store_, *op.where, dataset, base_, options_.limits);
    if (!solutions.ok()) return solutions.error();
    GraphName target = op.with ? GraphName{*op.with} : std::nullopt;
    std::map<GraphName, Graph> deletes, inserts;
    for (const auto& s : *solutions) {
      Instantiate(op.delete_quads, s, target, nullptr, deletes);
      std::map<std::string, Term> blanks;  // fresh per solution
      Instantiate(op.insert_quads, s, target, &blanks, inserts);
    }
    for (const auto& [g, ts] : deletes)
      if (auto st = RemoveFrom(g, ts); !st.ok()) return st;
    for (const auto& [g, ts] : inserts)
      if (auto st = AddTo(g, ts); !st.ok()) return st;
    return Status::Ok();
  }

  Status Load(const Op& op) {
    if (!options_.load)
      return Error::Forbidden("LOAD <" + op.source + ">: LOAD is not enabled on this server");
    auto triples = options_.load(op.source);
    if (!triples.ok()) return triples.error();
    return AddTo(op.target_graph ? GraphName{*op.target_graph} : std::nullopt, *triples);
  }

  std::vector<GraphName> Targets(Op::Target target, const std::optional<std::string>& graph) {
    std::vector<GraphName> out;
    if (target == Op::Target::kGraph) out.emplace_back(graph.value_or(""));
    if (target == Op::Target::kDefault || target == Op::Target::kAll) out.emplace_back(std::nullopt);
    if (target == Op::Target::kNamed || target == Op::Target::kAll)
      for (const auto& n : store_.GraphNames()) out.emplace_back(n);
    return out;
  }

  Status ClearOrDrop(const Op& op, bool drop) {
    if (op.target == Op::Target::kGraph && !store_.Exists(op.target_graph))
      return Error::NotFound(std::string(drop ? "DROP" : "CLEAR") + ": no " +
                             Label(op.target_graph));
    for (const auto& g : Targets(op.target, op.target_graph)) {
      if (drop) {
        DropGraph(g);
      } else if (store_.Size(g) > 0) {
        if (auto st = ReplaceGraph(g, {}); !st.ok()) return st;
      }
    }
    return Status::Ok();
  }

  Status Create(const Op& op) {
    GraphName g = op.target_graph;
    if (store_.Exists(g)) return Error::Internal("CREATE: " + Label(g) + " already exists");
    Snapshot(g);
    return Change(K::kReplace, g, {});
  }

  Status Transfer(const Op& op) {
    GraphName from = op.from_kind == Op::Target::kDefault ? std::nullopt : op.from_graph;
    GraphName to = op.to_kind == Op::Target::kDefault ? std::nullopt : op.to_graph;
    const char* name = op.kind == Op::Kind::kCopy ? "COPY" : op.kind == Op::Kind::kMove ? "MOVE" : "ADD";
    if (from == to) return Status::Ok();  // §3.2.3-5: no operation
    auto source = store_.Get(from);
    if (!source) return Error::NotFound(std::string(name) + ": no " + Label(from));
    if (op.kind == Op::Kind::kAdd) return AddTo(to, *source);
    if (auto st = ReplaceGraph(to, *source); !st.ok()) return st;
    if (op.kind == Op::Kind::kMove) DropGraph(from);
    return Status::Ok();
  }

  Store& store_;
  const UpdateOptions& options_;
  std::string base_;
  std::vector<UndoEntry> undo_;
  UpdateSummary summary_;
  std::map<std::string, Term> data_blanks_;
  unsigned long long nonce_ = 0;
  unsigned long blank_counter_ = 0;
};

}  // namespace

Result<UpdateSummary> ExecuteUpdate(Store& store, const std::string& text,
                                    const UpdateOptions& options) {
  auto parsed = ParseUpdate(text, options.base_iri);
  if (!parsed.ok()) return parsed.error();
  Executor executor(store, options);
  return executor.Run(*parsed);
}

}  // namespace kg::sparql

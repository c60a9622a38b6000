// One graph held in a librdf model on `trees` storage. Private to store/.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "core/term.h"
#include "store/handle.h"
#include "store/rdf_world.h"

namespace kg::store_internal {

class Model {
 public:
  // storage: "trees" or "hashes" (see StoreOptions).
  Model(RdfWorld& world, const std::string& storage);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  librdf_model* get() const { return model_.get(); }

  // Checks every term can become a librdf node (IRIs non-empty, predicate an
  // IRI, subject not a literal) without changing anything.
  static Status Validate(RdfWorld& world, const Graph& triples);
  // Adds all triples; call Validate first for all-or-nothing behaviour.
  Status AddTriples(const Graph& triples);
  // Removes every given triple that is present (absent ones are ignored).
  void RemoveTriples(const Graph& triples);
  void AddAll(const Model& other);
  Graph Match(const std::optional<Term>& s, const std::optional<Term>& p,
              const std::optional<Term>& o) const;
  std::size_t Size() const;
  // Streams matches into fn until it returns false. `want` (bits 1 s, 2 p,
  // 4 o) says which positions the caller reads; the others are left empty
  // (converting librdf nodes is the main cost of a scan).
  void ForEach(const std::optional<Term>& s, const std::optional<Term>& p,
               const std::optional<Term>& o, const std::function<bool(Triple&&)>& fn,
               unsigned want = 7) const;

 private:
  RdfWorld& world_;
  StoragePtr storage_;
  ModelPtr model_;
};

// Conversions between plain terms and librdf nodes.
NodePtr ToNode(librdf_world* world, const Term& t);
Term FromNode(librdf_node* node);

}  // namespace kg::store_internal

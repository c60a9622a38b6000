#include "store/model.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace kg::store_internal {
namespace {

const unsigned char* U(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

std::string S(const unsigned char* p) { return p ? reinterpret_cast<const char*>(p) : ""; }

}  // namespace

NodePtr ToNode(librdf_world* world, const Term& t) {
  switch (t.kind) {
    case Term::Kind::kIri:
      if (t.value.empty()) return nullptr;
      return NodePtr(librdf_new_node_from_uri_string(world, U(t.value)));
    case Term::Kind::kBlank:
      return NodePtr(librdf_new_node_from_blank_identifier(world, U(t.value)));
    case Term::Kind::kLiteral: {
      // In the normal form of Term::Literal ("v"^^xsd:string is "v", tags in
      // lower case), so librdf holds one node per RDF term, as the id index
      // does (store/triple_index.h).
      const bool normal =
          t.datatype != kXsdString && (t.language.empty() || t.datatype != kRdfLangString) &&
          std::none_of(t.language.begin(), t.language.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; });
      std::optional<Term> copy;
      if (!normal) copy = Term::Literal(t.value, t.language, t.datatype);
      const Term& n = normal ? t : *copy;
      UriPtr dt;
      if (!n.datatype.empty()) dt.reset(librdf_new_uri(world, U(n.datatype)));
      return NodePtr(librdf_new_node_from_typed_counted_literal(
          world, U(n.value), n.value.size(), n.language.empty() ? nullptr : n.language.c_str(),
          n.language.size(), dt.get()));
    }
  }
  return nullptr;
}

Term FromNode(librdf_node* node) {
  switch (librdf_node_get_type(node)) {
    case LIBRDF_NODE_TYPE_RESOURCE:
      return Term::Iri(S(librdf_uri_as_string(librdf_node_get_uri(node))));
    case LIBRDF_NODE_TYPE_BLANK:
      return Term::Blank(S(librdf_node_get_blank_identifier(node)));
    case LIBRDF_NODE_TYPE_LITERAL: {
      size_t len = 0;
      const unsigned char* lex = librdf_node_get_literal_value_as_counted_string(node, &len);
      const char* lang = librdf_node_get_literal_value_language(node);
      librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(node);
      return Term::Literal(std::string(reinterpret_cast<const char*>(lex), len),
                           lang ? lang : "", dt ? S(librdf_uri_as_string(dt)) : "");
    }
    default:
      return Term::Blank("unknown");
  }
}

Model::Model(RdfWorld& world, const std::string& storage) : world_(world) {
  if (storage == "hashes")
    storage_.reset(librdf_new_storage(world.librdf(), "hashes", nullptr, "hash-type='memory'"));
  else
    storage_.reset(librdf_new_storage(world.librdf(), "trees", nullptr, nullptr));
  if (!storage_) std::abort();  // only on out-of-memory
  model_.reset(librdf_new_model(world.librdf(), storage_.get(), nullptr));
  if (!model_) std::abort();
}

Status Model::Validate(RdfWorld& world, const Graph& triples) {
  for (const auto& t : triples) {
    if (t.subject.is_literal()) return Error::BadRequest("a literal cannot be a subject");
    if (!t.predicate.is_iri() || t.predicate.value.empty())
      return Error::BadRequest("a predicate must be an IRI");
    if ((t.subject.is_iri() && t.subject.value.empty()) ||
        (t.object.is_iri() && t.object.value.empty()))
      return Error::BadRequest("empty IRI");
  }
  return Status::Ok();
}

Status Model::AddTriples(const Graph& triples) {
  librdf_world* w = world_.librdf();
  for (const auto& t : triples) {
    NodePtr s = ToNode(w, t.subject), p = ToNode(w, t.predicate), o = ToNode(w, t.object);
    if (!s || !p || !o) return Error::BadRequest("invalid RDF term in " + t.subject.value);
    // librdf_model_add takes ownership of the nodes.
    if (librdf_model_add(model_.get(), s.release(), p.release(), o.release()) != 0)
      return Error::Internal("librdf refused a triple");
  }
  return Status::Ok();
}

void Model::RemoveTriples(const Graph& triples) {
  librdf_world* w = world_.librdf();
  for (const auto& t : triples) {
    NodePtr s = ToNode(w, t.subject), p = ToNode(w, t.predicate), o = ToNode(w, t.object);
    if (!s || !p || !o) continue;  // cannot be stored, so is not present
    // The statement takes ownership of the nodes; removal does not.
    StatementPtr st(librdf_new_statement_from_nodes(w, s.release(), p.release(), o.release()));
    if (st) librdf_model_remove_statement(model_.get(), st.get());
  }
}

void Model::AddAll(const Model& other) {
  StreamPtr stream(librdf_model_as_stream(other.model_.get()));
  if (stream) librdf_model_add_statements(model_.get(), stream.get());
}

void Model::ForEach(const std::optional<Term>& s, const std::optional<Term>& p,
                    const std::optional<Term>& o, const std::function<bool(Triple&&)>& fn,
                    unsigned want) const {
  librdf_world* w = world_.librdf();
  NodePtr sn = s ? ToNode(w, *s) : nullptr;
  NodePtr pn = p ? ToNode(w, *p) : nullptr;
  NodePtr on = o ? ToNode(w, *o) : nullptr;
  StatementPtr pattern(
      librdf_new_statement_from_nodes(w, sn.release(), pn.release(), on.release()));
  StreamPtr stream(librdf_model_find_statements(model_.get(), pattern.get()));
  if (!stream) return;
  while (!librdf_stream_end(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    // Bound positions are known already: skip converting them back; and
    // positions the caller does not read stay empty.
    Triple t;
    if (want & 1) t.subject = s ? *s : FromNode(librdf_statement_get_subject(st));
    if (want & 2) t.predicate = p ? *p : FromNode(librdf_statement_get_predicate(st));
    if (want & 4) t.object = o ? *o : FromNode(librdf_statement_get_object(st));
    if (!fn(std::move(t))) return;
    librdf_stream_next(stream.get());
  }
}

Graph Model::Match(const std::optional<Term>& s, const std::optional<Term>& p,
                   const std::optional<Term>& o) const {
  Graph out;
  ForEach(s, p, o, [&](Triple&& t) {
    out.push_back(std::move(t));
    return true;
  });
  return out;
}

std::size_t Model::Size() const {
  int n = librdf_model_size(model_.get());
  return n < 0 ? 0 : static_cast<std::size_t>(n);
}

}  // namespace kg::store_internal

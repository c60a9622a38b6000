// SPARQL 1.1 Update ([3], [29]-[52] of https://www.w3.org/TR/sparql11-query/#grammar).
#include "parser/parser_impl.h"

namespace kg::sparql {
namespace {

// DELETE WHERE { quads } means DELETE { quads } WHERE { quads }: rebuild the
// quads as a group pattern (default-graph triples and GRAPH blocks in order).
GroupPatternPtr QuadsToPattern(const std::vector<QuadPattern>& quads) {
  auto g = std::make_shared<GroupPattern>();
  using K = PatternElement::Kind;
  for (const QuadPattern& q : quads) {
    if (!q.graph) {
      if (g->elements.empty() || g->elements.back().kind != K::kTriples) {
        g->elements.emplace_back();
        g->elements.back().kind = K::kTriples;
      }
      g->elements.back().triples.push_back(q.triple);
      continue;
    }
    bool same = !g->elements.empty() && g->elements.back().kind == K::kGraph &&
                g->elements.back().graph_name == *q.graph;
    if (!same) {
      PatternElement e;
      e.kind = K::kGraph;
      e.graph_name = *q.graph;
      auto inner = std::make_shared<GroupPattern>();
      inner->elements.emplace_back();
      inner->elements.back().kind = K::kTriples;
      e.group = inner;
      g->elements.push_back(std::move(e));
    }
    // The inner group is ours until returned; extend it in place.
    auto inner = std::const_pointer_cast<GroupPattern>(g->elements.back().group);
    inner->elements.back().triples.push_back(q.triple);
  }
  return g;
}

}  // namespace

// [3] UpdateUnit ::= Update
// [29] Update ::= Prologue ( Update1 ( ';' Update )? )?
Update Parser::UpdateUnit() {
  Update u;
  Prologue();
  while (Peek().kind != Tok::kEof) {
    // Blank node labels of INSERT DATA / DELETE DATA are shared by the whole
    // request (a label may not reappear in another operation, W3C
    // syntax-update-54); those of templates and WHERE clauses are local to
    // their operation (W3C insert-where-same-bnode).
    bool data = (PeekKeyword("INSERT") || PeekKeyword("DELETE")) && PeekKeyword("DATA", 1);
    std::map<std::string, int> data_labels;
    if (!data) data_labels.swap(label_bgp_);
    u.operations.push_back(Update1());
    if (!data) label_bgp_.swap(data_labels);
    if (!AcceptPunct(";")) break;
    Prologue();
  }
  if (Peek().kind != Tok::kEof) Unexpected(Peek(), "';' or end of update");
  u.base = base_;
  u.prefixes = prefixes_;
  return u;
}

// [30] Update1 ::= Load | Clear | Drop | Add | Move | Copy | Create | InsertData |
//                  DeleteData | DeleteWhere | Modify
UpdateOperation Parser::Update1() {
  using K = UpdateOperation::Kind;
  UpdateOperation op;
  const Token t = Peek();
  if (AcceptKeyword("LOAD")) {
    // [31] Load ::= 'LOAD' 'SILENT'? iri ( 'INTO' GraphRef )?
    op.kind = K::kLoad;
    op.silent = AcceptKeyword("SILENT");
    if (!PeekIri()) Unexpected(Peek(), "an IRI after LOAD");
    op.source = Iri();
    if (AcceptKeyword("INTO")) {
      ExpectKeyword("GRAPH");  // [46] GraphRef ::= 'GRAPH' iri
      op.target_graph = Iri();
    }
  } else if (PeekKeyword("CLEAR") || PeekKeyword("DROP")) {
    // [32] Clear ::= 'CLEAR' 'SILENT'? GraphRefAll   [33] Drop ::= 'DROP' 'SILENT'? GraphRefAll
    op.kind = PeekKeyword("CLEAR") ? K::kClear : K::kDrop;
    Next();
    op.silent = AcceptKeyword("SILENT");
    GraphRefAll(op);
  } else if (AcceptKeyword("CREATE")) {
    // [34] Create ::= 'CREATE' 'SILENT'? GraphRef
    op.kind = K::kCreate;
    op.silent = AcceptKeyword("SILENT");
    ExpectKeyword("GRAPH");
    op.target = UpdateOperation::Target::kGraph;
    op.target_graph = Iri();
  } else if (PeekKeyword("ADD") || PeekKeyword("MOVE") || PeekKeyword("COPY")) {
    // [35] Add ::= 'ADD' 'SILENT'? GraphOrDefault 'TO' GraphOrDefault ([36] Move, [37] Copy)
    op.kind = PeekKeyword("ADD") ? K::kAdd : PeekKeyword("MOVE") ? K::kMove : K::kCopy;
    Next();
    op.silent = AcceptKeyword("SILENT");
    GraphOrDefault(op.from_kind, op.from_graph);
    ExpectKeyword("TO");
    GraphOrDefault(op.to_kind, op.to_graph);
  } else if (PeekKeyword("INSERT") && PeekKeyword("DATA", 1)) {
    // [38] InsertData ::= 'INSERT DATA' QuadData
    Next(), Next();
    op.kind = K::kInsertData;
    vars_allowed_ = false;
    Quads(op.insert_quads, true);
    vars_allowed_ = true;
  } else if (PeekKeyword("DELETE") && PeekKeyword("DATA", 1)) {
    // [39] DeleteData ::= 'DELETE DATA' QuadData
    Next(), Next();
    op.kind = K::kDeleteData;
    vars_allowed_ = bnodes_allowed_ = false;
    bnode_context_ = "DELETE DATA";
    Quads(op.delete_quads, true);
    vars_allowed_ = bnodes_allowed_ = true;
  } else if (PeekKeyword("DELETE") && PeekKeyword("WHERE", 1)) {
    // [40] DeleteWhere ::= 'DELETE WHERE' QuadPattern
    Next(), Next();
    op.kind = K::kDeleteWhere;
    bnodes_allowed_ = false;
    bnode_context_ = "DELETE WHERE";
    Quads(op.delete_quads, false);
    bnodes_allowed_ = true;
    op.where = QuadsToPattern(op.delete_quads);
  } else if (PeekKeyword("WITH") || PeekKeyword("DELETE") || PeekKeyword("INSERT")) {
    // [41] Modify ::= ( 'WITH' iri )? ( DeleteClause InsertClause? | InsertClause )
    //                 UsingClause* 'WHERE' GroupGraphPattern
    op.kind = K::kModify;
    if (AcceptKeyword("WITH")) op.with = Iri();
    bool any = false;
    if (AcceptKeyword("DELETE")) {  // [42] DeleteClause ::= 'DELETE' QuadPattern
      bnodes_allowed_ = false;
      bnode_context_ = "a DELETE template";
      Quads(op.delete_quads, false);
      bnodes_allowed_ = true;
      any = true;
    }
    if (AcceptKeyword("INSERT")) {  // [43] InsertClause ::= 'INSERT' QuadPattern
      Quads(op.insert_quads, false);
      any = true;
    }
    if (!any) Unexpected(Peek(), "DELETE or INSERT after WITH");
    // [44] UsingClause ::= 'USING' ( iri | 'NAMED' iri )
    while (AcceptKeyword("USING")) {
      if (AcceptKeyword("NAMED")) op.using_named.push_back(Iri());
      else op.using_graphs.push_back(Iri());
    }
    ExpectKeyword("WHERE");
    if (!PeekPunct("{")) Unexpected(Peek(), "'{' after WHERE");
    op.where = GroupGraphPattern();
  } else {
    Unexpected(t, "an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, "
                  "COPY or WITH)");
  }
  return op;
}

// [48] QuadPattern ::= '{' Quads '}'   [49] QuadData ::= '{' Quads '}'
// [50] Quads ::= TriplesTemplate? ( QuadsNotTriples '.'? TriplesTemplate? )*
// [51] QuadsNotTriples ::= 'GRAPH' VarOrIri '{' TriplesTemplate? '}'
// [52] TriplesTemplate ::= TriplesSameSubject ( '.' TriplesTemplate? )?
void Parser::Quads(std::vector<QuadPattern>& out, bool data) {
  Token open = ExpectPunct("{");
  DepthGuard guard(*this, open);
  // One blank node scope per data block / template; labels may not be shared
  // with other operations of the request (W3C syntax-update-54).
  NewBgp();
  auto triples_template = [&](const std::optional<VarOrTerm>& graph) {
    std::vector<TriplePattern> ts;
    while (PeekTriplesStart()) {
      TriplesSameSubject(ts, false);
      if (!AcceptPunct(".")) break;
    }
    for (TriplePattern& t : ts) out.push_back(QuadPattern{graph, std::move(t)});
  };
  triples_template(std::nullopt);
  while (AcceptKeyword("GRAPH")) {
    VarOrTerm g;
    if (PeekVar()) {
      if (data) Fail(Peek(), "variables are not allowed in INSERT DATA / DELETE DATA");
      g = ParseVar();
    } else if (PeekIri()) {
      g = Term::Iri(Iri());
    } else {
      Unexpected(Peek(), "a variable or IRI after GRAPH");
    }
    ExpectPunct("{");
    triples_template(g);
    if (!PeekPunct("}")) Unexpected(Peek(), "'}' or a triple (GRAPH blocks do not nest)");
    Next();
    AcceptPunct(".");
    triples_template(std::nullopt);
  }
  if (!PeekPunct("}")) Unexpected(Peek(), "'}', GRAPH or a triple");
  Next();
}

// [45] GraphOrDefault ::= 'DEFAULT' | 'GRAPH'? iri
void Parser::GraphOrDefault(UpdateOperation::Target& kind, std::optional<std::string>& g) {
  if (AcceptKeyword("DEFAULT")) {
    kind = UpdateOperation::Target::kDefault;
    return;
  }
  AcceptKeyword("GRAPH");
  if (!PeekIri()) Unexpected(Peek(), "DEFAULT, GRAPH <iri> or an IRI");
  kind = UpdateOperation::Target::kGraph;
  g = Iri();
}

// [47] GraphRefAll ::= GraphRef | 'DEFAULT' | 'NAMED' | 'ALL'
void Parser::GraphRefAll(UpdateOperation& op) {
  using T = UpdateOperation::Target;
  if (AcceptKeyword("DEFAULT")) op.target = T::kDefault;
  else if (AcceptKeyword("NAMED")) op.target = T::kNamed;
  else if (AcceptKeyword("ALL")) op.target = T::kAll;
  else if (AcceptKeyword("GRAPH")) op.target = T::kGraph, op.target_graph = Iri();
  else Unexpected(Peek(), "GRAPH <iri>, DEFAULT, NAMED or ALL");
}

}  // namespace kg::sparql

// Graph patterns, triples, blank nodes and collections ([53]-[109]) and
// property paths ([88]-[101]).
#include <set>

#include "parser/parser_impl.h"

namespace kg::sparql {
namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

bool IsLowerA(const Token& t) { return t.kind == Tok::kName && t.text == "a"; }

}  // namespace

// [53] GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}'
GroupPatternPtr Parser::GroupGraphPattern() {
  Token open = ExpectPunct("{");
  DepthGuard guard(*this, open);
  // Aggregates never appear inside a pattern (not even in a FILTER of an
  // EXISTS within HAVING); a subquery re-enables them for its own SELECT.
  bool saved_allowed = aggregates_allowed_, saved_in = in_aggregate_;
  aggregates_allowed_ = in_aggregate_ = false;
  GroupPatternPtr g;
  if (PeekKeyword("SELECT")) {
    auto sub = std::make_shared<GroupPattern>();
    PatternElement e;
    e.kind = PatternElement::Kind::kSubSelect;
    e.subquery = SubSelect();
    sub->elements.push_back(std::move(e));
    g = sub;
  } else {
    g = GroupGraphPatternSub();
  }
  if (!PeekPunct("}"))
    Unexpected(Peek(), "'}' or a graph pattern (triples, OPTIONAL, FILTER, ...)");
  Next();
  aggregates_allowed_ = saved_allowed;
  in_aggregate_ = saved_in;
  return g;
}

bool Parser::PeekTriplesStart() {
  const Token& t = Peek();
  switch (t.kind) {
    case Tok::kVar: case Tok::kIriRef: case Tok::kPnameLn: case Tok::kPnameNs:
    case Tok::kBlankLabel: case Tok::kAnon: case Tok::kNil: case Tok::kString:
    case Tok::kInteger: case Tok::kDecimal: case Tok::kDouble:
      return true;
    case Tok::kName:
      return PeekKeyword("true") || PeekKeyword("false");
    case Tok::kPunct:
      return t.text == "(" || t.text == "[";
    default:
      return false;
  }
}

// [54] GroupGraphPatternSub ::= TriplesBlock? ( GraphPatternNotTriples '.'? TriplesBlock? )*
// [56] GraphPatternNotTriples ::= GroupOrUnionGraphPattern | OptionalGraphPattern |
//        MinusGraphPattern | GraphGraphPattern | ServiceGraphPattern | Filter | Bind | InlineData
GroupPatternPtr Parser::GroupGraphPatternSub() {
  auto g = std::make_shared<GroupPattern>();
  using K = PatternElement::Kind;
  // Blank node labels: the triples of a group form one BGP until a
  // GraphPatternNotTriples other than FILTER interrupts it (W3C syn-bad-34..38,
  // syn-blabel-cross-filter).
  NewBgp();
  int my_bgp = bgp_;
  std::set<std::string> scope;  // in scope so far, kept incrementally for BIND
  while (!PeekPunct("}")) {
    if (PeekTriplesStart()) {
      bgp_ = my_bgp;
      PatternElement e;
      e.kind = K::kTriples;
      TriplesBlock(e.triples);
      // TriplesBlock continues after every '.', so another triple here lacks one.
      if (PeekTriplesStart()) Unexpected(Peek(), "'.' or '}' between triple patterns");
      InScopeVars(e, scope);
      g->elements.push_back(std::move(e));
      continue;
    }
    Token t = Peek();
    PatternElement e;
    bool filter = false;
    if (PeekPunct("{")) {
      // [67] GroupOrUnionGraphPattern ::= GroupGraphPattern ( 'UNION' GroupGraphPattern )*
      GroupPatternPtr first = GroupGraphPattern();
      if (PeekKeyword("UNION")) {
        e.kind = K::kUnion;
        e.alternatives.push_back(first);
        while (AcceptKeyword("UNION")) {
          if (!PeekPunct("{")) Unexpected(Peek(), "'{' after UNION");
          e.alternatives.push_back(GroupGraphPattern());
        }
      } else {
        e.kind = K::kGroup;
        e.group = first;
      }
    } else if (AcceptKeyword("OPTIONAL")) {  // [57]
      e.kind = K::kOptional;
      e.group = GroupGraphPattern();
    } else if (AcceptKeyword("MINUS")) {  // [66]
      e.kind = K::kMinus;
      e.group = GroupGraphPattern();
    } else if (AcceptKeyword("GRAPH")) {  // [58] 'GRAPH' VarOrIri GroupGraphPattern
      e.kind = K::kGraph;
      if (PeekVar()) e.graph_name = ParseVar();
      else if (PeekIri()) e.graph_name = Term::Iri(Iri());
      else Unexpected(Peek(), "a variable or IRI after GRAPH");
      e.group = GroupGraphPattern();
    } else if (AcceptKeyword("SERVICE")) {  // [59] 'SERVICE' 'SILENT'? VarOrIri GroupGraphPattern
      e.kind = K::kService;
      e.silent = AcceptKeyword("SILENT");
      if (PeekVar()) e.graph_name = ParseVar();
      else if (PeekIri()) e.graph_name = Term::Iri(Iri());
      else Unexpected(Peek(), "a variable or IRI after SERVICE");
      e.group = GroupGraphPattern();
    } else if (AcceptKeyword("FILTER")) {  // [68] Filter ::= 'FILTER' Constraint
      e.kind = K::kFilter;
      e.expr = Constraint();
      filter = true;
    } else if (AcceptKeyword("BIND")) {  // [60] 'BIND' '(' Expression 'AS' Var ')'
      e.kind = K::kBind;
      Token open = ExpectPunct("(");
      DepthGuard guard(*this, open);
      e.expr = Expression();
      ExpectKeyword("AS");
      Token vt = Peek();
      e.var = ParseVar();
      ExpectPunct(")");
      // §19.8: the BIND variable must not be in scope in the group so far.
      if (scope.count(e.var.name))
        Fail(vt, "BIND to ?" + e.var.name + ", which is already in scope in this group");
    } else if (AcceptKeyword("VALUES")) {  // [61] InlineData ::= 'VALUES' DataBlock
      e.kind = K::kValues;
      e.data = DataBlock();
    } else {
      Unexpected(t, "a triple pattern, '{', OPTIONAL, MINUS, GRAPH, SERVICE, FILTER, BIND, "
                    "VALUES or '}'");
    }
    InScopeVars(e, scope);
    g->elements.push_back(std::move(e));
    AcceptPunct(".");
    if (!filter) {
      NewBgp();
      my_bgp = bgp_;
    }
  }
  return g;
}

// [55] TriplesBlock ::= TriplesSameSubjectPath ( '.' TriplesBlock? )?
void Parser::TriplesBlock(std::vector<TriplePattern>& out) {
  while (true) {
    TriplesSameSubject(out, true);
    if (!AcceptPunct(".")) return;
    if (!PeekTriplesStart()) return;
  }
}

// [62] DataBlock ::= InlineDataOneVar | InlineDataFull
// [63] InlineDataOneVar ::= Var '{' DataBlockValue* '}'
// [64] InlineDataFull ::= ( NIL | '(' Var* ')' ) '{' ( '(' DataBlockValue* ')' | NIL )* '}'
InlineData Parser::DataBlock() {
  InlineData d;
  if (PeekVar()) {
    d.variables.push_back(ParseVar());
    ExpectPunct("{");
    while (!PeekPunct("}")) d.rows.push_back({DataBlockValue()});
    Next();
    return d;
  }
  if (Peek().kind == Tok::kNil) {
    Next();
  } else if (AcceptPunct("(")) {
    while (PeekVar()) d.variables.push_back(ParseVar());
    ExpectPunct(")");
  } else {
    Unexpected(Peek(), "a variable or '(' after VALUES");
  }
  ExpectPunct("{");
  while (!PeekPunct("}")) {
    Token row_start = Peek();
    std::vector<std::optional<Term>> row;
    if (row_start.kind == Tok::kNil) {
      Next();
    } else if (AcceptPunct("(")) {
      while (!PeekPunct(")")) {
        row.push_back(DataBlockValue());
        if (row.size() > d.variables.size())
          Fail(row_start, "VALUES row has more values than the " +
                              std::to_string(d.variables.size()) + " variable(s)");
      }
      Next();
    } else {
      Unexpected(row_start, "'(' to start a VALUES row, or '}'");
    }
    if (row.size() != d.variables.size())
      Fail(row_start, "VALUES row has " + std::to_string(row.size()) + " value(s) but there are " +
                          std::to_string(d.variables.size()) + " variable(s)");
    d.rows.push_back(std::move(row));
  }
  Next();
  return d;
}

// [65] DataBlockValue ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | 'UNDEF'
std::optional<Term> Parser::DataBlockValue() {
  const Token& t = Peek();
  if (PeekIri()) return Term::Iri(Iri());
  if (t.kind == Tok::kString) return RdfLiteral();
  if (t.kind == Tok::kInteger || t.kind == Tok::kDecimal || t.kind == Tok::kDouble)
    return NumericLiteral();
  if (PeekKeyword("true") || PeekKeyword("false")) {
    bool v = PeekKeyword("true");
    Next();
    return Term::Literal(v ? "true" : "false", "", std::string(kXsd) + "boolean");
  }
  if (AcceptKeyword("UNDEF")) return std::nullopt;
  Unexpected(t, "an IRI, literal or UNDEF in VALUES");
}

// [75] TriplesSameSubject ::= VarOrTerm PropertyListNotEmpty | TriplesNode PropertyList
// [81] TriplesSameSubjectPath ::= VarOrTerm PropertyListPathNotEmpty |
//                                 TriplesNodePath PropertyListPath
void Parser::TriplesSameSubject(std::vector<TriplePattern>& out, bool paths) {
  if (PeekPunct("(") || PeekPunct("[")) {
    VarOrTerm s = TriplesNode(out, paths);
    // [76] PropertyList ::= PropertyListNotEmpty?
    const Token& t = Peek();
    if (t.kind == Tok::kVar || PeekIri() || IsLowerA(t) ||
        (paths && (PeekPunct("^") || PeekPunct("!") || PeekPunct("("))))
      PropertyListNotEmpty(s, out, paths);
    return;
  }
  VarOrTerm s = VarOrTermNode();
  PropertyListNotEmpty(s, out, paths);
}

// [77] PropertyListNotEmpty ::= Verb ObjectList ( ';' ( Verb ObjectList )? )*
// [83] PropertyListPathNotEmpty ::= ( VerbPath | VerbSimple ) ObjectListPath
//                                   ( ';' ( ( VerbPath | VerbSimple ) ObjectList )? )*
// [78] Verb ::= VarOrIri | 'a'   [84] VerbPath ::= Path   [85] VerbSimple ::= Var
void Parser::PropertyListNotEmpty(const VarOrTerm& subject, std::vector<TriplePattern>& out,
                                  bool paths) {
  while (true) {
    const Token& t = Peek();
    VarOrTerm pred;
    PathPtr path;
    if (t.kind == Tok::kVar) {
      if (!vars_allowed_) Fail(t, "variables are not allowed in INSERT DATA / DELETE DATA");
      pred = ParseVar();
    } else if (paths && (PeekIri() || IsLowerA(t) || PeekPunct("^") || PeekPunct("!") ||
                         PeekPunct("("))) {
      path = PathAlternative();
      if (path->kind == Path::Kind::kLink) {
        pred = Term::Iri(path->iri);
        path = nullptr;
      }
    } else if (IsLowerA(t)) {
      Next();
      pred = Term::Iri(std::string(kRdf) + "type");
    } else if (PeekIri()) {
      pred = Term::Iri(Iri());
    } else {
      Unexpected(t, paths ? "a predicate (variable, IRI, 'a' or property path)"
                          : "a predicate (variable, IRI or 'a')");
    }
    ObjectList(subject, pred, path, out, paths);
    if (!PeekPunct(";")) return;
    while (AcceptPunct(";")) {
    }
    const Token& n = Peek();
    bool verb = n.kind == Tok::kVar || PeekIri() || IsLowerA(n) ||
                (paths && (PeekPunct("^") || PeekPunct("!") || PeekPunct("(")));
    if (!verb) return;
  }
}

// [79] ObjectList ::= Object ( ',' Object )*   [80] Object ::= GraphNode
// [86] ObjectListPath ::= ObjectPath ( ',' ObjectPath )*   [87] ObjectPath ::= GraphNodePath
void Parser::ObjectList(const VarOrTerm& subject, const VarOrTerm& predicate, PathPtr path,
                        std::vector<TriplePattern>& out, bool paths) {
  do {
    VarOrTerm o = GraphNode(out, paths);
    out.push_back(TriplePattern{subject, predicate, path, o});
  } while (AcceptPunct(","));
}

// [104] GraphNode ::= VarOrTerm | TriplesNode   [105] GraphNodePath (same with paths)
VarOrTerm Parser::GraphNode(std::vector<TriplePattern>& out, bool paths) {
  if (PeekPunct("(") || PeekPunct("[")) return TriplesNode(out, paths);
  return VarOrTermNode();
}

// [98] TriplesNode ::= Collection | BlankNodePropertyList
// [99] BlankNodePropertyList ::= '[' PropertyListNotEmpty ']'
// [102] Collection ::= '(' GraphNode+ ')'  — expanded into rdf:first / rdf:rest
//       triples over fresh blank nodes, ending in rdf:nil (§19.5 / Turtle).
VarOrTerm Parser::TriplesNode(std::vector<TriplePattern>& out, bool paths) {
  Token open = Next();
  DepthGuard guard(*this, open);
  if (open.text == "[") {
    Term b = FreshBlank();
    if (!bnodes_allowed_) Fail(open, std::string("blank nodes are not allowed in ") + bnode_context_);
    PropertyListNotEmpty(b, out, paths);
    ExpectPunct("]");
    return b;
  }
  std::vector<VarOrTerm> items;
  while (!PeekPunct(")")) {
    if (Peek().kind == Tok::kEof) Unexpected(Peek(), "')' to close the collection");
    items.push_back(GraphNode(out, paths));
  }
  Next();
  if (!bnodes_allowed_) Fail(open, std::string("collections (blank nodes) are not allowed in ") +
                                       bnode_context_);
  Term first = FreshBlank();
  Term cur = first;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.push_back(TriplePattern{cur, Term::Iri(std::string(kRdf) + "first"), nullptr, items[i]});
    Term next = i + 1 < items.size() ? FreshBlank() : Term::Iri(std::string(kRdf) + "nil");
    out.push_back(TriplePattern{cur, Term::Iri(std::string(kRdf) + "rest"), nullptr, next});
    cur = next;
  }
  return first;
}

// [106] VarOrTerm ::= Var | GraphTerm
VarOrTerm Parser::VarOrTermNode() {
  if (PeekVar()) {
    if (!vars_allowed_) Fail(Peek(), "variables are not allowed in INSERT DATA / DELETE DATA");
    return ParseVar();
  }
  return GraphTerm();
}

// [109] GraphTerm ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | BlankNode | NIL
// [138] BlankNode ::= BLANK_NODE_LABEL | ANON
Term Parser::GraphTerm() {
  const Token& t = Peek();
  switch (t.kind) {
    case Tok::kIriRef: case Tok::kPnameLn: case Tok::kPnameNs:
      return Term::Iri(Iri());
    case Tok::kString:
      return RdfLiteral();
    case Tok::kInteger: case Tok::kDecimal: case Tok::kDouble:
      return NumericLiteral();
    case Tok::kBlankLabel: {
      Token b = Next();
      return BlankNodeFor(b);
    }
    case Tok::kAnon: {
      Token b = Next();
      if (!bnodes_allowed_) Fail(b, std::string("blank nodes are not allowed in ") + bnode_context_);
      return FreshBlank();
    }
    case Tok::kNil:
      Next();
      return Term::Iri(std::string(kRdf) + "nil");
    default:
      break;
  }
  if (PeekKeyword("true") || PeekKeyword("false")) {
    bool v = PeekKeyword("true");
    Next();
    return Term::Literal(v ? "true" : "false", "", std::string(kXsd) + "boolean");
  }
  Unexpected(t, "a variable, IRI, literal or blank node");
}

Term Parser::BlankNodeFor(const Token& t) {
  if (!bnodes_allowed_) Fail(t, std::string("blank nodes are not allowed in ") + bnode_context_);
  auto [it, inserted] = label_bgp_.emplace(t.text, bgp_);
  if (!inserted && it->second != bgp_)
    Fail(t, "blank node label _:" + t.text +
                " is already used in another basic graph pattern (or operation)");
  return Term::Blank(t.text);
}

Term Parser::FreshBlank() { return Term::Blank(fresh_prefix_ + std::to_string(++fresh_counter_)); }

// ---- property paths ------------------------------------------------------------
// Precedence, loosest first: '|' , '/' , unary '^' , postfix '*' '+' '?'.

// [88] Path ::= PathAlternative   [89] PathAlternative ::= PathSequence ( '|' PathSequence )*
PathPtr Parser::PathAlternative() {
  PathPtr first = PathSequence();
  if (!PeekPunct("|")) return first;
  auto p = std::make_shared<Path>();
  p->kind = Path::Kind::kAlternative;
  p->args.push_back(first);
  while (AcceptPunct("|")) p->args.push_back(PathSequence());
  return p;
}

// [90] PathSequence ::= PathEltOrInverse ( '/' PathEltOrInverse )*
PathPtr Parser::PathSequence() {
  PathPtr first = PathEltOrInverse();
  if (!PeekPunct("/")) return first;
  auto p = std::make_shared<Path>();
  p->kind = Path::Kind::kSequence;
  p->args.push_back(first);
  while (AcceptPunct("/")) p->args.push_back(PathEltOrInverse());
  return p;
}

// [92] PathEltOrInverse ::= PathElt | '^' PathElt
PathPtr Parser::PathEltOrInverse() {
  if (!AcceptPunct("^")) return PathElt();
  auto p = std::make_shared<Path>();
  p->kind = Path::Kind::kInverse;
  p->args.push_back(PathElt());
  return p;
}

// [91] PathElt ::= PathPrimary PathMod?   [93] PathMod ::= '?' | '*' | '+'
PathPtr Parser::PathElt() {
  PathPtr prim = PathPrimary();
  Path::Kind kind;
  if (PeekPunct("?")) kind = Path::Kind::kZeroOrOne;
  else if (PeekPunct("*")) kind = Path::Kind::kZeroOrMore;
  else if (PeekPunct("+")) kind = Path::Kind::kOneOrMore;
  else return prim;
  Next();
  auto p = std::make_shared<Path>();
  p->kind = kind;
  p->args.push_back(prim);
  return p;
}

// [94] PathPrimary ::= iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'
PathPtr Parser::PathPrimary() {
  auto p = std::make_shared<Path>();
  const Token& t = Peek();
  if (IsLowerA(t)) {
    Next();
    p->iri = std::string(kRdf) + "type";
  } else if (PeekIri()) {
    p->iri = Iri();
  } else if (PeekPunct("!")) {
    Next();
    p->kind = Path::Kind::kNegated;
    PathNegatedPropertySet(*p);
  } else if (PeekPunct("(")) {
    Token open = Next();
    DepthGuard guard(*this, open);
    PathPtr inner = PathAlternative();
    ExpectPunct(")");
    return inner;
  } else {
    Unexpected(t, "an IRI, 'a', '!', '^' or '(' in a property path");
  }
  return p;
}

// [95] PathNegatedPropertySet ::= PathOneInPropertySet |
//        '(' ( PathOneInPropertySet ( '|' PathOneInPropertySet )* )? ')'
// [96] PathOneInPropertySet ::= iri | 'a' | '^' ( iri | 'a' )
void Parser::PathNegatedPropertySet(Path& p) {
  auto one = [&] {
    bool inverse = AcceptPunct("^");
    std::string iri;
    if (IsLowerA(Peek())) {
      Next();
      iri = std::string(kRdf) + "type";
    } else if (PeekIri()) {
      iri = Iri();
    } else {
      Unexpected(Peek(), "an IRI or 'a' in a negated property set");
    }
    (inverse ? p.negated_inverse : p.negated).push_back(iri);
  };
  if (Peek().kind == Tok::kNil) {
    Next();
    return;
  }
  if (!AcceptPunct("(")) {
    one();
    return;
  }
  one();
  while (AcceptPunct("|")) one();
  ExpectPunct(")");
}

}  // namespace kg::sparql

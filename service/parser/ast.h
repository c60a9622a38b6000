// The syntax tree of a SPARQL 1.1 query or update, as the parser produces it
// (https://www.w3.org/TR/sparql11-query/ §19 grammar; §18.2 turns it into
// algebra in algebra/). All IRIs are absolute (prefixes and BASE resolved by
// the parser); literals are plain Terms with their lexical form as written
// (numbers keep their lexical form, e.g. "01"^^xsd:integer).
//
// Blank nodes written in patterns ( _:b or [] ) are Term::Blank with a label
// unique within the query; the algebra treats them as non-distinguished
// variables. In CONSTRUCT templates and INSERT DATA they stay blank nodes.
//
// Plain values; freely copyable (subtrees are shared, immutable).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/term.h"

namespace kg::sparql {

struct Var {
  std::string name;  // without '?' / '$'
  friend bool operator==(const Var& a, const Var& b) { return a.name == b.name; }
};

// A position in a triple pattern: a variable or an RDF term.
using VarOrTerm = std::variant<Var, Term>;

struct GroupPattern;
struct Query;
using GroupPatternPtr = std::shared_ptr<const GroupPattern>;
using QueryPtr = std::shared_ptr<const Query>;

// ---- Expressions (§17, grammar [110]-[129]) ----------------------------------
struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    kTerm,        // an RDF term constant (IRI or literal)
    kVar,         // ?x
    kOr, kAnd,    // || &&
    kEq, kNe, kLt, kGt, kLe, kGe,
    kIn, kNotIn,  // args[0] IN (args[1..])
    kAdd, kSub, kMul, kDiv,
    kUnaryMinus, kUnaryPlus, kNot,
    kBuiltin,     // name: upper-case builtin name ("STR", "REGEX", "IF", "COALESCE",
                  // "BOUND", "BNODE", "SUBSTR", ...) — every BuiltInCall of [121]
                  // except aggregates and EXISTS
    kFunction,    // name: absolute IRI of a function call (incl. XSD casts such as
                  // http://www.w3.org/2001/XMLSchema#integer)
    kAggregate,   // name: "COUNT" "SUM" "MIN" "MAX" "AVG" "SAMPLE" "GROUP_CONCAT";
                  // args empty for COUNT(*) (star = true)
    kExists, kNotExists,  // pattern
  };
  Kind kind = Kind::kTerm;
  Term term;                  // kTerm
  std::string var;            // kVar
  std::string name;           // kBuiltin / kFunction / kAggregate
  std::vector<ExprPtr> args;
  bool distinct = false;      // kAggregate: DISTINCT
  bool star = false;          // kAggregate: COUNT(*)
  std::optional<std::string> separator;  // GROUP_CONCAT; default " "
  GroupPatternPtr pattern;    // kExists / kNotExists
};

// ---- Property paths (§9, grammar [88]-[101]) ----------------------------------
struct Path;
using PathPtr = std::shared_ptr<const Path>;
struct Path {
  enum class Kind {
    kLink,         // iri
    kInverse,      // ^args[0]
    kSequence,     // args[0] / args[1] / ...
    kAlternative,  // args[0] | args[1] | ...
    kZeroOrMore,   // args[0]*
    kOneOrMore,    // args[0]+
    kZeroOrOne,    // args[0]?
    kNegated,      // !(iri | ^iri ...): negated = forward IRIs, negated_inverse = ^IRIs
  };
  Kind kind = Kind::kLink;
  std::string iri;  // kLink
  std::vector<PathPtr> args;
  std::vector<std::string> negated, negated_inverse;
};

// A triple pattern whose predicate is a variable, an IRI or a path. The
// parser gives a plain IRI predicate as `predicate` (not a kLink path) so
// that basic graph patterns stay basic; only real paths use `path`.
struct TriplePattern {
  VarOrTerm subject;
  VarOrTerm predicate;  // unused when path is set
  PathPtr path;         // non-null for a property path other than a single IRI
  VarOrTerm object;
};

// ---- Graph patterns (§5-§11, grammar [53]-[83]) ---------------------------------
struct InlineData {  // VALUES (§10.2): rows of optional terms (UNDEF = nullopt)
  std::vector<Var> variables;
  std::vector<std::vector<std::optional<Term>>> rows;
};

struct PatternElement {
  enum class Kind {
    kTriples,   // triples: a block of triple patterns (a BGP with paths)
    kFilter,    // expr (scope: the whole group, §5.2.2)
    kOptional,  // group
    kMinus,     // group
    kUnion,     // alternatives: { A } UNION { B } UNION ...
    kGraph,     // graph_name (Var or IRI Term) + group
    kService,   // graph_name (endpoint) + group + silent
    kBind,      // expr AS var
    kValues,    // data
    kGroup,     // a nested { ... } group
    kSubSelect, // subquery
  };
  Kind kind = Kind::kTriples;
  std::vector<TriplePattern> triples;
  ExprPtr expr;
  GroupPatternPtr group;
  std::vector<GroupPatternPtr> alternatives;
  VarOrTerm graph_name;
  bool silent = false;
  Var var;
  InlineData data;
  QueryPtr subquery;
};

struct GroupPattern {
  std::vector<PatternElement> elements;  // in source order
};

// ---- Queries (§16, grammar [2]-[31]) -------------------------------------------------
struct Projection {   // SELECT ?x or (expr AS ?x)
  Var var;
  ExprPtr expr;       // null for a plain variable
};

struct OrderCondition {
  ExprPtr expr;       // a variable is an Expr of kind kVar
  bool descending = false;
};

struct GroupCondition {  // GROUP BY expr [AS ?v] / GROUP BY ?v
  ExprPtr expr;
  std::optional<Var> as;
};

struct Query {
  enum class Form { kSelect, kConstruct, kAsk, kDescribe };
  Form form = Form::kSelect;
  std::string base;  // BASE in force at the end of the prologue ("" = none)
  std::vector<std::pair<std::string, std::string>> prefixes;  // as declared

  // SELECT
  bool select_star = false;
  bool distinct = false;
  bool reduced = false;
  std::vector<Projection> projection;

  // CONSTRUCT: the template (also filled for CONSTRUCT WHERE { triples }).
  std::vector<TriplePattern> construct_template;

  // DESCRIBE: resources (variables or IRIs); describe_star for DESCRIBE *.
  std::vector<VarOrTerm> describe;
  bool describe_star = false;

  // Dataset clause (§13.2): IRIs of FROM and FROM NAMED.
  std::vector<std::string> from, from_named;

  GroupPatternPtr where;  // never null (empty group for DESCRIBE <x> without WHERE)
  std::vector<GroupCondition> group_by;
  std::vector<ExprPtr> having;
  std::vector<OrderCondition> order_by;
  std::optional<std::uint64_t> limit, offset;
  std::optional<InlineData> values;  // trailing VALUES
};

// ---- Update (SPARQL 1.1 Update §3, grammar [29]-[52]) ---------------------------------
// A quad template: triples in the default graph (graph = nullopt) or in GRAPH g.
struct QuadPattern {
  std::optional<VarOrTerm> graph;
  TriplePattern triple;  // never a path
};

struct UpdateOperation {
  enum class Kind {
    kInsertData, kDeleteData, kDeleteWhere, kModify,  // Modify = DELETE/INSERT ... WHERE
    kLoad, kClear, kCreate, kDrop, kCopy, kMove, kAdd,
  };
  enum class Target { kGraph, kDefault, kNamed, kAll };  // for CLEAR/DROP/... GRAPH <g>|DEFAULT|NAMED|ALL
  Kind kind = Kind::kInsertData;
  bool silent = false;
  std::vector<QuadPattern> delete_quads, insert_quads;  // data/templates
  std::optional<std::string> with;                       // WITH <g>
  std::vector<std::string> using_graphs, using_named;    // USING / USING NAMED
  GroupPatternPtr where;                                 // kModify / kDeleteWhere (derived)
  std::string source;                                    // LOAD <iri>
  Target target = Target::kGraph;
  std::optional<std::string> target_graph;               // LOAD INTO / CLEAR GRAPH <g> / ...
  Target from_kind = Target::kDefault;                   // COPY/MOVE/ADD source
  std::optional<std::string> from_graph;
  Target to_kind = Target::kDefault;                     // COPY/MOVE/ADD destination
  std::optional<std::string> to_graph;
};

struct Update {
  std::string base;
  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<UpdateOperation> operations;
};

}  // namespace kg::sparql

// The recursive-descent parser behind ParseQuery / ParseUpdate. One method
// per grammar production of https://www.w3.org/TR/sparql11-query/#grammar
// (numbers in comments); split over parser.cc (prologue, query forms,
// solution modifiers), patterns.cc (graph patterns, triples, paths),
// expressions.cc and update.cc. scope.cc holds the extra rules of §19.8 that
// need the finished tree (variable scope, grouping).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"
#include "parser/lexer.h"

namespace kg::sparql {

// Nesting deeper than this (groups, brackets, paths, collections, operator
// chains) is a syntax error: it bounds the stack the parser and the tree's
// destructors use, whatever the input.
inline constexpr int kMaxDepth = 400;

class Parser {
 public:
  Parser(std::string_view text, std::string base);

  Query QueryUnit();    // [1]
  Update UpdateUnit();  // [3]

 private:
  friend struct DepthGuard;

  // ---- tokens -------------------------------------------------------------
  const Token& Peek(std::size_t k = 0) { return lex_.Peek(k); }
  Token Next() { return lex_.Next(); }
  bool PeekKeyword(const char* kw, std::size_t k = 0);
  bool AcceptKeyword(const char* kw);
  Token ExpectKeyword(const char* kw);
  bool PeekPunct(const char* p, std::size_t k = 0);
  bool AcceptPunct(const char* p);
  Token ExpectPunct(const char* p);
  [[noreturn]] void Unexpected(const Token& t, const std::string& expected);
  [[noreturn]] void Fail(const Token& t, const std::string& message);
  void EnterNesting(const Token& at);
  void LeaveNesting() { --depth_; }

  // ---- prologue and IRIs --------------------------------------------------
  void Prologue();                                    // [4]-[6]
  std::string Resolve(const Token& at, const std::string& ref);
  bool PeekIri(std::size_t k = 0);
  std::string Iri();                                  // [136]/[137]
  Var ParseVar();                                     // [108]
  bool PeekVar(std::size_t k = 0) { return Peek(k).kind == Tok::kVar; }

  // ---- queries ------------------------------------------------------------
  std::vector<Token> SelectClause(Query& q);          // [9] returns the projection vars' tokens
  void ConstructQuery(Query& q);                      // [10]
  void DescribeQuery(Query& q);                       // [11]
  void DatasetClauses(Query& q);                      // [13]-[16]
  void SolutionModifier(Query& q);                    // [18]-[27]
  std::optional<InlineData> ValuesClause();           // [28]
  QueryPtr SubSelect();                               // [8]
  void SelectQueryRest(Query& q, bool sub);           // [7]/[8] after SELECT clause
  void CheckSelect(const Query& q, const std::vector<Token>& proj,
                   const Token& end);                 // scope.cc: §19.8 rules

  // ---- graph patterns -----------------------------------------------------
  GroupPatternPtr GroupGraphPattern();                // [53]
  GroupPatternPtr GroupGraphPatternSub();             // [54]
  void TriplesBlock(std::vector<TriplePattern>& out); // [55]
  InlineData DataBlock();                             // [62]-[65]
  std::optional<Term> DataBlockValue();               // [65]

  // ---- triples (paths = true for [81]-[87] forms, false for [75]-[80]) ---
  void TriplesSameSubject(std::vector<TriplePattern>& out, bool paths);  // [75]/[81]
  void PropertyListNotEmpty(const VarOrTerm& subject, std::vector<TriplePattern>& out,
                            bool paths);                                  // [77]/[83]
  void ObjectList(const VarOrTerm& subject, const VarOrTerm& predicate, PathPtr path,
                  std::vector<TriplePattern>& out, bool paths);           // [79]/[86]
  VarOrTerm GraphNode(std::vector<TriplePattern>& out, bool paths);       // [104]/[105]
  VarOrTerm TriplesNode(std::vector<TriplePattern>& out, bool paths);     // [98]-[103]
  VarOrTerm VarOrTermNode();                                              // [106]
  Term GraphTerm();                                                       // [109]
  Term BlankNodeFor(const Token& t);                                      // [138]
  Term FreshBlank();
  bool PeekTriplesStart();

  // ---- property paths -----------------------------------------------------
  PathPtr PathAlternative();                          // [89]
  PathPtr PathSequence();                             // [90]
  PathPtr PathEltOrInverse();                         // [92]
  PathPtr PathElt();                                  // [91]
  PathPtr PathPrimary();                              // [94]
  void PathNegatedPropertySet(Path& p);               // [95]-[96]

  // ---- expressions --------------------------------------------------------
  ExprPtr Expression();                               // [110]
  ExprPtr ConditionalAnd();                           // [112]
  ExprPtr Relational();                               // [114]
  ExprPtr Additive();                                 // [116]
  ExprPtr Multiplicative();                           // [117]
  ExprPtr Unary();                                    // [118]
  ExprPtr Primary();                                  // [119]
  ExprPtr Bracketted();                               // [120]
  ExprPtr BuiltInCall();                              // [121]
  ExprPtr Aggregate();                                // [127]
  ExprPtr IriOrFunction();                            // [128]
  ExprPtr Constraint();                               // [69]
  std::vector<ExprPtr> ExpressionList();              // [72]
  bool PeekBuiltIn();
  Term NumericLiteral();                              // [130]-[133]
  Term RdfLiteral();                                  // [129]

  // ---- update -------------------------------------------------------------
  UpdateOperation Update1();                          // [30]
  void Quads(std::vector<QuadPattern>& out, bool data);  // [48]-[52]
  void GraphOrDefault(UpdateOperation::Target& kind, std::optional<std::string>& g);  // [45]
  void GraphRefAll(UpdateOperation& op);              // [47]

  // ---- blank node scoping (§19.6: a label belongs to one BGP) -------------
  void NewBgp() { bgp_ = ++bgp_counter_; }

  Lexer lex_;
  std::string base_;
  std::vector<std::pair<std::string, std::string>> prefixes_;  // as declared
  std::map<std::string, std::string> prefix_map_;
  int depth_ = 0;

  std::string fresh_prefix_;  // for [] and collections; no user label starts so
  int fresh_counter_ = 0;
  std::map<std::string, int> label_bgp_;  // label -> BGP it was first used in
  int bgp_ = 0, bgp_counter_ = 0;

  // Where the current triples are written (restrictions of §19.8 / Update).
  bool vars_allowed_ = true;     // false in INSERT DATA / DELETE DATA
  bool bnodes_allowed_ = true;   // false in DELETE DATA / DELETE WHERE / DELETE templates
  const char* bnode_context_ = "";
  bool aggregates_allowed_ = false;  // true in SELECT / HAVING / ORDER BY expressions
  bool in_aggregate_ = false;

};

// RAII nesting counter.
struct DepthGuard {
  DepthGuard(Parser& p, const Token& at) : p_(p) { p_.EnterNesting(at); }
  ~DepthGuard() { p_.LeaveNesting(); }
  Parser& p_;
};

// scope.cc
void InScopeVars(const GroupPattern& g, std::set<std::string>& out);
void InScopeVars(const PatternElement& e, std::set<std::string>& out);
bool ContainsAggregate(const Expr& e);
// Variables of e outside aggregates (and outside EXISTS patterns).
void FreeVarsOutsideAggregates(const Expr& e, std::vector<std::string>& out);

}  // namespace kg::sparql

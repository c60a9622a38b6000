// Entry points, token helpers, the prologue, the query forms and solution
// modifiers ([1]-[28]).
#include "parser/parser.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "parser/iri.h"
#include "parser/parser_impl.h"

namespace kg::sparql {
namespace {

bool EqualsIgnoreCase(std::string_view a, const char* b) {
  std::size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Picks a label prefix for generated blank nodes that no "_:label" in the
// text starts with, so generated and written labels never collide: "g"
// followed by more '0's than any "_:g0..." in the text has (linear time).
std::string FreshPrefix(std::string_view text) {
  std::size_t longest = 0;
  for (std::size_t at = text.find("_:g"); at != std::string_view::npos;
       at = text.find("_:g", at + 3)) {
    std::size_t n = 0;
    while (at + 3 + n < text.size() && text[at + 3 + n] == '0') ++n;
    longest = std::max(longest, n + 1);
  }
  return "g" + std::string(longest, '0');
}

}  // namespace

Parser::Parser(std::string_view text, std::string base)
    : lex_(text), base_(std::move(base)), fresh_prefix_(FreshPrefix(text)) {}

// ---- tokens -------------------------------------------------------------------

bool Parser::PeekKeyword(const char* kw, std::size_t k) {
  const Token& t = Peek(k);
  return t.kind == Tok::kName && EqualsIgnoreCase(t.text, kw);
}

bool Parser::AcceptKeyword(const char* kw) {
  if (!PeekKeyword(kw)) return false;
  Next();
  return true;
}

Token Parser::ExpectKeyword(const char* kw) {
  if (!PeekKeyword(kw)) Unexpected(Peek(), std::string("'") + kw + "'");
  return Next();
}

bool Parser::PeekPunct(const char* p, std::size_t k) {
  const Token& t = Peek(k);
  return t.kind == Tok::kPunct && t.text == p;
}

bool Parser::AcceptPunct(const char* p) {
  if (!PeekPunct(p)) return false;
  Next();
  return true;
}

Token Parser::ExpectPunct(const char* p) {
  if (!PeekPunct(p)) Unexpected(Peek(), std::string("'") + p + "'");
  return Next();
}

void Parser::Unexpected(const Token& t, const std::string& expected) {
  Fail(t, "unexpected " + Describe(t) + ", expected " + expected);
}

void Parser::Fail(const Token& t, const std::string& message) {
  throw SyntaxError{message, t.line, t.column};
}

void Parser::EnterNesting(const Token& at) {
  if (++depth_ > kMaxDepth)
    Fail(at, "query nested too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
}

// ---- prologue -------------------------------------------------------------------

// [4] Prologue ::= ( BaseDecl | PrefixDecl )*
// [5] BaseDecl ::= 'BASE' IRIREF      (may itself be relative to the previous base)
// [6] PrefixDecl ::= 'PREFIX' PNAME_NS IRIREF
void Parser::Prologue() {
  while (true) {
    if (AcceptKeyword("BASE")) {
      Token t = Next();
      if (t.kind != Tok::kIriRef) Unexpected(t, "an IRI in <...> after BASE");
      base_ = Resolve(t, t.text);
    } else if (AcceptKeyword("PREFIX")) {
      Token p = Next();
      if (p.kind != Tok::kPnameNs) Unexpected(p, "a prefix such as 'ex:' after PREFIX");
      Token t = Next();
      if (t.kind != Tok::kIriRef) Unexpected(t, "an IRI in <...> after PREFIX " + p.text + ":");
      std::string iri = Resolve(t, t.text);
      prefixes_.emplace_back(p.text, iri);
      prefix_map_[p.text] = iri;
    } else {
      return;
    }
  }
}

std::string Parser::Resolve(const Token& at, const std::string& ref) {
  if (HasScheme(ref)) {
    // Absolute IRIs are kept as written, except that dot segments are
    // removed (RFC 3986 §5.2.2) as Raptor does when it loads data, so that
    // <x://a/./b/../c> in a query matches the same IRI in the store.
    if (ref.find("/.") == std::string::npos) return ref;
    auto r = ResolveIri(ref, ref);
    return r ? *r : ref;
  }
  auto r = ResolveIri(base_, ref);
  if (!r) Fail(at, "relative IRI <" + ref + "> but no absolute BASE IRI to resolve it against");
  return *r;
}

bool Parser::PeekIri(std::size_t k) {
  Tok kind = Peek(k).kind;
  return kind == Tok::kIriRef || kind == Tok::kPnameLn || kind == Tok::kPnameNs;
}

// [136] iri ::= IRIREF | PrefixedName    [137] PrefixedName ::= PNAME_LN | PNAME_NS
std::string Parser::Iri() {
  Token t = Next();
  if (t.kind == Tok::kIriRef) return Resolve(t, t.text);
  if (t.kind == Tok::kPnameLn || t.kind == Tok::kPnameNs) {
    auto it = prefix_map_.find(t.text);
    if (it == prefix_map_.end()) Fail(t, "undeclared prefix '" + t.text + ":'");
    return it->second + t.local;
  }
  Unexpected(t, "an IRI");
}

// [108] Var ::= VAR1 | VAR2
Var Parser::ParseVar() {
  Token t = Next();
  if (t.kind != Tok::kVar) Unexpected(t, "a variable");
  return Var{t.text};
}

// ---- query ------------------------------------------------------------------------

// [1] QueryUnit ::= Query
// [2] Query ::= Prologue ( SelectQuery | ConstructQuery | DescribeQuery | AskQuery ) ValuesClause
Query Parser::QueryUnit() {
  Query q;
  Prologue();
  if (PeekKeyword("SELECT")) {
    // [7] SelectQuery ::= SelectClause DatasetClause* WhereClause SolutionModifier
    q.form = Query::Form::kSelect;
    SelectQueryRest(q, false);
  } else if (PeekKeyword("CONSTRUCT")) {
    ConstructQuery(q);
  } else if (PeekKeyword("DESCRIBE")) {
    DescribeQuery(q);
  } else if (AcceptKeyword("ASK")) {
    // [12] AskQuery ::= 'ASK' DatasetClause* WhereClause SolutionModifier
    q.form = Query::Form::kAsk;
    DatasetClauses(q);
    AcceptKeyword("WHERE");  // [17] WhereClause ::= 'WHERE'? GroupGraphPattern
    q.where = GroupGraphPattern();
    Token end = Peek();
    SolutionModifier(q);
    CheckSelect(q, {}, end);
  } else {
    Unexpected(Peek(), "SELECT, CONSTRUCT, DESCRIBE or ASK");
  }
  q.values = ValuesClause();
  if (Peek().kind != Tok::kEof) Unexpected(Peek(), "end of query");
  q.base = base_;
  q.prefixes = prefixes_;
  return q;
}

void Parser::SelectQueryRest(Query& q, bool sub) {
  std::vector<Token> proj = SelectClause(q);
  if (!sub) DatasetClauses(q);
  AcceptKeyword("WHERE");
  if (!PeekPunct("{")) Unexpected(Peek(), "'{' to start the WHERE clause");
  q.where = GroupGraphPattern();
  Token end = Peek();
  SolutionModifier(q);
  CheckSelect(q, proj, end);
}

// [8] SubSelect ::= SelectClause WhereClause SolutionModifier ValuesClause
QueryPtr Parser::SubSelect() {
  // A subquery's pattern is a scope of its own for aggregates.
  bool saved = aggregates_allowed_;
  auto q = std::make_shared<Query>();
  q->form = Query::Form::kSelect;
  SelectQueryRest(*q, true);
  q->values = ValuesClause();
  aggregates_allowed_ = saved;
  return q;
}

// [9] SelectClause ::= 'SELECT' ( 'DISTINCT' | 'REDUCED' )?
//                      ( ( Var | ( '(' Expression 'AS' Var ')' ) )+ | '*' )
std::vector<Token> Parser::SelectClause(Query& q) {
  ExpectKeyword("SELECT");
  if (AcceptKeyword("DISTINCT")) q.distinct = true;
  else if (AcceptKeyword("REDUCED")) q.reduced = true;
  std::vector<Token> tokens;
  if (AcceptPunct("*")) {
    q.select_star = true;
    return tokens;
  }
  while (PeekVar() || PeekPunct("(")) {
    if (PeekVar()) {
      tokens.push_back(Peek());
      q.projection.push_back(Projection{ParseVar(), nullptr});
      continue;
    }
    Token open = Next();
    DepthGuard guard(*this, open);
    aggregates_allowed_ = true;
    ExprPtr e = Expression();
    aggregates_allowed_ = false;
    ExpectKeyword("AS");
    tokens.push_back(Peek());
    Var v = ParseVar();
    ExpectPunct(")");
    q.projection.push_back(Projection{v, e});
  }
  if (q.projection.empty()) Unexpected(Peek(), "'*', a variable or '(expression AS ?var)'");
  return tokens;
}

// [10] ConstructQuery ::= 'CONSTRUCT' ( ConstructTemplate DatasetClause* WhereClause
//        SolutionModifier | DatasetClause* 'WHERE' '{' TriplesTemplate? '}' SolutionModifier )
void Parser::ConstructQuery(Query& q) {
  ExpectKeyword("CONSTRUCT");
  q.form = Query::Form::kConstruct;
  if (PeekPunct("{")) {
    // [73] ConstructTemplate ::= '{' ConstructTriples? '}'
    // [74] ConstructTriples ::= TriplesSameSubject ( '.' ConstructTriples? )?
    Next();
    NewBgp();
    while (!PeekPunct("}")) {
      TriplesSameSubject(q.construct_template, false);
      if (!AcceptPunct(".")) break;
    }
    ExpectPunct("}");
    DatasetClauses(q);
    AcceptKeyword("WHERE");
    if (!PeekPunct("{")) Unexpected(Peek(), "'{' to start the WHERE clause");
    q.where = GroupGraphPattern();
  } else {
    // The short form: the template is the pattern, which must be plain triples.
    DatasetClauses(q);
    ExpectKeyword("WHERE");
    ExpectPunct("{");
    NewBgp();
    std::vector<TriplePattern> triples;
    while (!PeekPunct("}")) {
      TriplesSameSubject(triples, false);
      if (!AcceptPunct(".")) break;
    }
    if (!PeekPunct("}"))
      Unexpected(Peek(), "'}' (CONSTRUCT WHERE allows only triple patterns)");
    Next();
    q.construct_template = triples;
    auto g = std::make_shared<GroupPattern>();
    if (!triples.empty()) {
      PatternElement e;
      e.kind = PatternElement::Kind::kTriples;
      e.triples = std::move(triples);
      g->elements.push_back(std::move(e));
    }
    q.where = g;
  }
  Token end = Peek();
  SolutionModifier(q);
  CheckSelect(q, {}, end);
}

// [11] DescribeQuery ::= 'DESCRIBE' ( VarOrIri+ | '*' ) DatasetClause* WhereClause? SolutionModifier
void Parser::DescribeQuery(Query& q) {
  ExpectKeyword("DESCRIBE");
  q.form = Query::Form::kDescribe;
  if (AcceptPunct("*")) {
    q.describe_star = true;
  } else {
    while (PeekVar() || PeekIri()) {
      if (PeekVar()) q.describe.emplace_back(ParseVar());
      else q.describe.emplace_back(Term::Iri(Iri()));
    }
    if (q.describe.empty()) Unexpected(Peek(), "'*', a variable or an IRI after DESCRIBE");
  }
  DatasetClauses(q);
  if (AcceptKeyword("WHERE") || PeekPunct("{")) {
    if (!PeekPunct("{")) Unexpected(Peek(), "'{' to start the WHERE clause");
    q.where = GroupGraphPattern();
  } else {
    q.where = std::make_shared<GroupPattern>();
  }
  Token end = Peek();
  SolutionModifier(q);
  CheckSelect(q, {}, end);
}

// [13] DatasetClause ::= 'FROM' ( DefaultGraphClause | NamedGraphClause )
// [14] DefaultGraphClause ::= SourceSelector   [15] NamedGraphClause ::= 'NAMED' SourceSelector
void Parser::DatasetClauses(Query& q) {
  while (AcceptKeyword("FROM")) {
    if (AcceptKeyword("NAMED")) q.from_named.push_back(Iri());
    else q.from.push_back(Iri());
  }
}

// [18] SolutionModifier ::= GroupClause? HavingClause? OrderClause? LimitOffsetClauses?
void Parser::SolutionModifier(Query& q) {
  // [19] GroupClause ::= 'GROUP' 'BY' GroupCondition+
  // [20] GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var
  if (AcceptKeyword("GROUP")) {
    ExpectKeyword("BY");
    while (true) {
      GroupCondition c;
      if (PeekVar()) {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kVar;
        e->var = ParseVar().name;
        c.expr = e;
      } else if (PeekPunct("(")) {
        Token open = Next();
        DepthGuard guard(*this, open);
        c.expr = Expression();
        if (AcceptKeyword("AS")) c.as = ParseVar();
        ExpectPunct(")");
      } else if (PeekBuiltIn()) {
        c.expr = BuiltInCall();
      } else if (PeekIri()) {
        c.expr = IriOrFunction();
        if (c.expr->kind != Expr::Kind::kFunction)
          Fail(Peek(), "GROUP BY needs a variable, a call or a bracketted expression, not an IRI");
      } else {
        if (q.group_by.empty()) Unexpected(Peek(), "a variable or expression after GROUP BY");
        break;
      }
      q.group_by.push_back(std::move(c));
    }
  }
  // [21] HavingClause ::= 'HAVING' HavingCondition+   [22] HavingCondition ::= Constraint
  if (AcceptKeyword("HAVING")) {
    aggregates_allowed_ = true;
    do {
      q.having.push_back(Constraint());
    } while (PeekPunct("(") || PeekBuiltIn() || PeekIri());
    aggregates_allowed_ = false;
  }
  // [23] OrderClause ::= 'ORDER' 'BY' OrderCondition+
  // [24] OrderCondition ::= ( ( 'ASC' | 'DESC' ) BrackettedExpression ) | ( Constraint | Var )
  if (AcceptKeyword("ORDER")) {
    ExpectKeyword("BY");
    aggregates_allowed_ = true;
    while (true) {
      OrderCondition c;
      if (PeekKeyword("ASC") || PeekKeyword("DESC")) {
        c.descending = PeekKeyword("DESC");
        Next();
        c.expr = Bracketted();
      } else if (PeekVar()) {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kVar;
        e->var = ParseVar().name;
        c.expr = e;
      } else if (PeekPunct("(") || PeekBuiltIn() || PeekIri()) {
        c.expr = Constraint();
      } else {
        if (q.order_by.empty()) Unexpected(Peek(), "an order condition after ORDER BY");
        break;
      }
      q.order_by.push_back(std::move(c));
    }
    aggregates_allowed_ = false;
  }
  // [25] LimitOffsetClauses ::= LimitClause OffsetClause? | OffsetClause LimitClause?
  // [26] LimitClause ::= 'LIMIT' INTEGER    [27] OffsetClause ::= 'OFFSET' INTEGER
  for (int i = 0; i < 2; ++i) {
    bool limit = PeekKeyword("LIMIT");
    if (!limit && !PeekKeyword("OFFSET")) break;
    if ((limit && q.limit) || (!limit && q.offset)) Unexpected(Peek(), "end of query");
    Next();
    Token n = Next();
    if (n.kind != Tok::kInteger || n.text[0] == '+' || n.text[0] == '-')
      Unexpected(n, "an unsigned integer");
    std::uint64_t v = 0;
    for (char c : n.text) {
      if (v > (UINT64_MAX - 9) / 10) Fail(n, "number too large");
      v = v * 10 + (c - '0');
    }
    (limit ? q.limit : q.offset) = v;
  }
}

// [28] ValuesClause ::= ( 'VALUES' DataBlock )?
std::optional<InlineData> Parser::ValuesClause() {
  if (!AcceptKeyword("VALUES")) return std::nullopt;
  return DataBlock();
}

// ---- API ------------------------------------------------------------------------

Result<Query> ParseQuery(std::string_view text, const std::string& base_iri) {
  try {
    Parser p(text, base_iri);
    return p.QueryUnit();
  } catch (const SyntaxError& e) {
    return Error::Syntax(e.message, e.line, e.column);
  } catch (const std::bad_alloc&) {
    return Error::Syntax("query too large to parse");
  }
}

Result<Update> ParseUpdate(std::string_view text, const std::string& base_iri) {
  try {
    Parser p(text, base_iri);
    return p.UpdateUnit();
  } catch (const SyntaxError& e) {
    return Error::Syntax(e.message, e.line, e.column);
  } catch (const std::bad_alloc&) {
    return Error::Syntax("update too large to parse");
  }
}

}  // namespace kg::sparql

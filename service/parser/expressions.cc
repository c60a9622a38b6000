// Expressions ([69]-[72], [110]-[135]): precedence climbing written out as
// the grammar's productions, builtin calls, aggregates and literals.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "parser/parser_impl.h"

namespace kg::sparql {
namespace {

constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

ExprPtr MakeBinary(Expr::Kind kind, ExprPtr a, ExprPtr b) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->args = {std::move(a), std::move(b)};
  return e;
}

ExprPtr MakeTerm(Term t) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::kTerm;
  e->term = std::move(t);
  return e;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// [121] BuiltInCall: name -> (min, max) argument count. Max -1 = any number
// (CONCAT, COALESCE take an ExpressionList, which may be NIL).
struct BuiltIn {
  const char* name;
  int min, max;
};
constexpr BuiltIn kBuiltIns[] = {
    {"STR", 1, 1}, {"LANG", 1, 1}, {"LANGMATCHES", 2, 2}, {"DATATYPE", 1, 1},
    {"BOUND", 1, 1}, {"IRI", 1, 1}, {"URI", 1, 1}, {"BNODE", 0, 1}, {"RAND", 0, 0},
    {"ABS", 1, 1}, {"CEIL", 1, 1}, {"FLOOR", 1, 1}, {"ROUND", 1, 1}, {"CONCAT", 0, -1},
    {"SUBSTR", 2, 3}, {"STRLEN", 1, 1}, {"REPLACE", 3, 4}, {"UCASE", 1, 1}, {"LCASE", 1, 1},
    {"ENCODE_FOR_URI", 1, 1}, {"CONTAINS", 2, 2}, {"STRSTARTS", 2, 2}, {"STRENDS", 2, 2},
    {"STRBEFORE", 2, 2}, {"STRAFTER", 2, 2}, {"YEAR", 1, 1}, {"MONTH", 1, 1}, {"DAY", 1, 1},
    {"HOURS", 1, 1}, {"MINUTES", 1, 1}, {"SECONDS", 1, 1}, {"TIMEZONE", 1, 1}, {"TZ", 1, 1},
    {"NOW", 0, 0}, {"UUID", 0, 0}, {"STRUUID", 0, 0}, {"MD5", 1, 1}, {"SHA1", 1, 1},
    {"SHA256", 1, 1}, {"SHA384", 1, 1}, {"SHA512", 1, 1}, {"COALESCE", 0, -1}, {"IF", 3, 3},
    {"STRLANG", 2, 2}, {"STRDT", 2, 2}, {"SAMETERM", 2, 2}, {"ISIRI", 1, 1}, {"ISURI", 1, 1},
    {"ISBLANK", 1, 1}, {"ISLITERAL", 1, 1}, {"ISNUMERIC", 1, 1}, {"REGEX", 2, 3},
};

const BuiltIn* FindBuiltIn(const std::string& upper) {
  for (const BuiltIn& b : kBuiltIns)
    if (upper == b.name) return &b;
  return nullptr;
}

bool IsAggregateName(const std::string& upper) {
  return upper == "COUNT" || upper == "SUM" || upper == "MIN" || upper == "MAX" ||
         upper == "AVG" || upper == "SAMPLE" || upper == "GROUP_CONCAT";
}

}  // namespace

// [110] Expression ::= ConditionalOrExpression
// [111] ConditionalOrExpression ::= ConditionalAndExpression ( '||' ConditionalAndExpression )*
// Operator chains count as nesting: the tree they build is left-deep.
ExprPtr Parser::Expression() {
  ExprPtr left = ConditionalAnd();
  int chain = 0;
  while (PeekPunct("||")) {
    EnterNesting(Next());
    ++chain;
    left = MakeBinary(Expr::Kind::kOr, left, ConditionalAnd());
  }
  depth_ -= chain;
  return left;
}

// [112] ConditionalAndExpression ::= ValueLogical ( '&&' ValueLogical )*
// [113] ValueLogical ::= RelationalExpression
ExprPtr Parser::ConditionalAnd() {
  ExprPtr left = Relational();
  int chain = 0;
  while (PeekPunct("&&")) {
    EnterNesting(Next());
    ++chain;
    left = MakeBinary(Expr::Kind::kAnd, left, Relational());
  }
  depth_ -= chain;
  return left;
}

// [114] RelationalExpression ::= NumericExpression ( '=' NumericExpression | '!=' ... |
//        '<' | '>' | '<=' | '>=' | 'IN' ExpressionList | 'NOT' 'IN' ExpressionList )?
// [115] NumericExpression ::= AdditiveExpression
ExprPtr Parser::Relational() {
  ExprPtr left = Additive();
  static constexpr std::pair<const char*, Expr::Kind> kOps[] = {
      {"=", Expr::Kind::kEq}, {"!=", Expr::Kind::kNe}, {"<", Expr::Kind::kLt},
      {">", Expr::Kind::kGt}, {"<=", Expr::Kind::kLe}, {">=", Expr::Kind::kGe}};
  for (const auto& [op, kind] : kOps) {
    if (PeekPunct(op)) {
      Next();
      return MakeBinary(kind, left, Additive());
    }
  }
  bool not_in = PeekKeyword("NOT") && PeekKeyword("IN", 1);
  if (not_in || PeekKeyword("IN")) {
    Next();
    if (not_in) Next();
    auto e = std::make_shared<Expr>();
    e->kind = not_in ? Expr::Kind::kNotIn : Expr::Kind::kIn;
    e->args.push_back(left);
    for (ExprPtr& a : ExpressionList()) e->args.push_back(std::move(a));
    return e;
  }
  return left;
}

// [116] AdditiveExpression ::= MultiplicativeExpression ( '+' MultiplicativeExpression |
//        '-' MultiplicativeExpression | ( NumericLiteralPositive | NumericLiteralNegative )
//        ( ( '*' UnaryExpression ) | ( '/' UnaryExpression ) )* )*
// The signed-literal branch is how "?x -1" (one token "-1") means ?x - 1.
ExprPtr Parser::Additive() {
  ExprPtr left = Multiplicative();
  int chain = 0;
  while (true) {
    const Token& t = Peek();
    if (PeekPunct("+") || PeekPunct("-")) {
      bool plus = t.text == "+";
      EnterNesting(Next());
      ++chain;
      left = MakeBinary(plus ? Expr::Kind::kAdd : Expr::Kind::kSub, left, Multiplicative());
      continue;
    }
    bool number = t.kind == Tok::kInteger || t.kind == Tok::kDecimal || t.kind == Tok::kDouble;
    if (!number || (t.text[0] != '+' && t.text[0] != '-')) break;
    Token n = Next();
    EnterNesting(n);
    ++chain;
    bool plus = n.text[0] == '+';
    n.text.erase(0, 1);
    const char* dt = n.kind == Tok::kInteger ? "integer" : n.kind == Tok::kDecimal ? "decimal"
                                                                                   : "double";
    ExprPtr right = MakeTerm(Term::Literal(n.text, "", std::string(kXsd) + dt));
    while (PeekPunct("*") || PeekPunct("/")) {
      bool mul = Peek().text == "*";
      EnterNesting(Next());
      ++chain;
      right = MakeBinary(mul ? Expr::Kind::kMul : Expr::Kind::kDiv, right, Unary());
    }
    left = MakeBinary(plus ? Expr::Kind::kAdd : Expr::Kind::kSub, left, right);
  }
  depth_ -= chain;
  return left;
}

// [117] MultiplicativeExpression ::= UnaryExpression ( '*' UnaryExpression | '/' UnaryExpression )*
ExprPtr Parser::Multiplicative() {
  ExprPtr left = Unary();
  int chain = 0;
  while (PeekPunct("*") || PeekPunct("/")) {
    bool mul = Peek().text == "*";
    EnterNesting(Next());
    ++chain;
    left = MakeBinary(mul ? Expr::Kind::kMul : Expr::Kind::kDiv, left, Unary());
  }
  depth_ -= chain;
  return left;
}

// [118] UnaryExpression ::= '!' PrimaryExpression | '+' PrimaryExpression |
//                           '-' PrimaryExpression | PrimaryExpression
ExprPtr Parser::Unary() {
  DepthGuard guard(*this, Peek());
  Expr::Kind kind;
  if (PeekPunct("!")) kind = Expr::Kind::kNot;
  else if (PeekPunct("+")) kind = Expr::Kind::kUnaryPlus;
  else if (PeekPunct("-")) kind = Expr::Kind::kUnaryMinus;
  else return Primary();
  Next();
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->args.push_back(Primary());
  return e;
}

// [119] PrimaryExpression ::= BrackettedExpression | BuiltInCall | iriOrFunction |
//                             RDFLiteral | NumericLiteral | BooleanLiteral | Var
ExprPtr Parser::Primary() {
  const Token& t = Peek();
  if (PeekPunct("(")) return Bracketted();
  if (t.kind == Tok::kVar) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kVar;
    e->var = Next().text;
    return e;
  }
  if (PeekIri()) return IriOrFunction();
  if (t.kind == Tok::kString) return MakeTerm(RdfLiteral());
  if (t.kind == Tok::kInteger || t.kind == Tok::kDecimal || t.kind == Tok::kDouble)
    return MakeTerm(NumericLiteral());
  if (PeekKeyword("true") || PeekKeyword("false")) {
    bool v = PeekKeyword("true");
    Next();
    return MakeTerm(Term::Literal(v ? "true" : "false", "", std::string(kXsd) + "boolean"));
  }
  if (PeekBuiltIn()) return BuiltInCall();
  Unexpected(t, "an expression (variable, literal, IRI, function call or '(')");
}

// [120] BrackettedExpression ::= '(' Expression ')'
ExprPtr Parser::Bracketted() {
  Token open = ExpectPunct("(");
  DepthGuard guard(*this, open);
  ExprPtr e = Expression();
  ExpectPunct(")");
  return e;
}

// [69] Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall
ExprPtr Parser::Constraint() {
  if (PeekPunct("(")) return Bracketted();
  if (PeekBuiltIn()) return BuiltInCall();
  if (PeekIri()) {
    Token t = Peek();
    ExprPtr e = IriOrFunction();
    if (e->kind != Expr::Kind::kFunction) Fail(t, "expected a function call, found an IRI");
    return e;
  }
  Unexpected(Peek(), "'(', a builtin call or a function call");
}

// [72] ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'
std::vector<ExprPtr> Parser::ExpressionList() {
  std::vector<ExprPtr> out;
  if (Peek().kind == Tok::kNil) {
    Next();
    return out;
  }
  Token open = ExpectPunct("(");
  DepthGuard guard(*this, open);
  do {
    out.push_back(Expression());
  } while (AcceptPunct(","));
  ExpectPunct(")");
  return out;
}

bool Parser::PeekBuiltIn() {
  const Token& t = Peek();
  if (t.kind != Tok::kName) return false;
  std::string u = Upper(t.text);
  return FindBuiltIn(u) || IsAggregateName(u) || u == "EXISTS" ||
         (u == "NOT" && PeekKeyword("EXISTS", 1));
}

// [121] BuiltInCall ::= Aggregate | 'STR' '(' Expression ')' | ... | RegexExpression |
//        ExistsFunc | NotExistsFunc
// [122] RegexExpression, [123] SubstringExpression, [124] StrReplaceExpression,
// [125] ExistsFunc ::= 'EXISTS' GroupGraphPattern, [126] NotExistsFunc ::= 'NOT' 'EXISTS' ...
ExprPtr Parser::BuiltInCall() {
  const Token& t = Peek();
  std::string u = Upper(t.text);
  if (IsAggregateName(u)) return Aggregate();
  auto e = std::make_shared<Expr>();
  if (u == "EXISTS" || u == "NOT") {
    Next();
    if (u == "NOT") Next();
    e->kind = u == "NOT" ? Expr::Kind::kNotExists : Expr::Kind::kExists;
    if (!PeekPunct("{")) Unexpected(Peek(), "'{' after EXISTS");
    e->pattern = GroupGraphPattern();
    return e;
  }
  const BuiltIn* b = FindBuiltIn(u);
  Token name = Next();
  e->kind = Expr::Kind::kBuiltin;
  e->name = u;
  if (u == "BOUND") {  // 'BOUND' '(' Var ')'
    ExpectPunct("(");
    auto v = std::make_shared<Expr>();
    v->kind = Expr::Kind::kVar;
    v->var = ParseVar().name;
    e->args.push_back(v);
    ExpectPunct(")");
    return e;
  }
  if (Peek().kind == Tok::kNil) {
    Next();
  } else {
    Token open = ExpectPunct("(");
    DepthGuard guard(*this, open);
    do {
      e->args.push_back(Expression());
    } while (AcceptPunct(","));
    ExpectPunct(")");
  }
  int n = static_cast<int>(e->args.size());
  if (n < b->min || (b->max >= 0 && n > b->max)) {
    std::string want = b->min == b->max ? std::to_string(b->min)
                       : b->max < 0    ? "at least " + std::to_string(b->min)
                                       : std::to_string(b->min) + " to " + std::to_string(b->max);
    Fail(name, u + " takes " + want + " argument(s), not " + std::to_string(n));
  }
  return e;
}

// [127] Aggregate ::= 'COUNT' '(' 'DISTINCT'? ( '*' | Expression ) ')' | 'SUM' '(' 'DISTINCT'?
//        Expression ')' | 'MIN' ... | 'MAX' ... | 'AVG' ... | 'SAMPLE' ... |
//        'GROUP_CONCAT' '(' 'DISTINCT'? Expression ( ';' 'SEPARATOR' '=' String )? ')'
ExprPtr Parser::Aggregate() {
  Token name = Next();
  std::string u = Upper(name.text);
  if (in_aggregate_) Fail(name, "aggregate " + u + " nested inside another aggregate");
  if (!aggregates_allowed_)
    Fail(name, "aggregate " + u + " is only allowed in SELECT, HAVING and ORDER BY");
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::kAggregate;
  e->name = u;
  Token open = ExpectPunct("(");
  DepthGuard guard(*this, open);
  e->distinct = AcceptKeyword("DISTINCT");
  if (u == "COUNT" && AcceptPunct("*")) {
    e->star = true;
  } else {
    in_aggregate_ = true;
    e->args.push_back(Expression());
    in_aggregate_ = false;
  }
  if (u == "GROUP_CONCAT" && AcceptPunct(";")) {
    ExpectKeyword("SEPARATOR");
    ExpectPunct("=");
    Token s = Next();
    if (s.kind != Tok::kString) Unexpected(s, "a string after SEPARATOR =");
    e->separator = s.text;
  }
  ExpectPunct(")");
  return e;
}

// [128] iriOrFunction ::= iri ArgList?
// [71] ArgList ::= NIL | '(' 'DISTINCT'? Expression ( ',' Expression )* ')'
ExprPtr Parser::IriOrFunction() {
  std::string iri = Iri();
  if (Peek().kind == Tok::kNil || PeekPunct("(")) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kFunction;
    e->name = iri;
    if (Peek().kind == Tok::kNil) {
      Next();
      return e;
    }
    Token open = Next();
    DepthGuard guard(*this, open);
    e->distinct = AcceptKeyword("DISTINCT");
    do {
      e->args.push_back(Expression());
    } while (AcceptPunct(","));
    ExpectPunct(")");
    return e;
  }
  return MakeTerm(Term::Iri(iri));
}

// [129] RDFLiteral ::= String ( LANGTAG | ( '^^' iri ) )?
Term Parser::RdfLiteral() {
  Token s = Next();
  if (s.kind != Tok::kString) Unexpected(s, "a string");
  if (Peek().kind == Tok::kLangTag) {
    std::string lang = Next().text;
    std::transform(lang.begin(), lang.end(), lang.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return Term::Literal(s.text, lang);
  }
  if (AcceptPunct("^^")) return Term::Literal(s.text, "", Iri());
  return Term::Literal(s.text);
}

// [130] NumericLiteral ::= NumericLiteralUnsigned | NumericLiteralPositive | NumericLiteralNegative
Term Parser::NumericLiteral() {
  Token n = Next();
  const char* dt = n.kind == Tok::kInteger   ? "integer"
                   : n.kind == Tok::kDecimal ? "decimal"
                   : n.kind == Tok::kDouble  ? "double"
                                             : nullptr;
  if (!dt) Unexpected(n, "a number");
  return Term::Literal(n.text, "", std::string(kXsd) + dt);
}

}  // namespace kg::sparql

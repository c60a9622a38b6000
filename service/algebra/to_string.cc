// SSE-like text of the algebra, for `kg query --explain` and test messages.
#include <sstream>

#include "algebra/algebra.h"
#include "core/ntriples.h"

namespace kg::sparql {
namespace {

std::string Str(const VarOrTerm& v) {
  if (const Var* var = std::get_if<Var>(&v)) return "?" + var->name;
  return ToNTriples(std::get<Term>(v));
}

std::string PathStr(const Path& p) {
  auto join = [&](const char* sep) {
    std::string s = "(";
    for (std::size_t i = 0; i < p.args.size(); ++i) s += (i ? sep : "") + PathStr(*p.args[i]);
    return s + ")";
  };
  switch (p.kind) {
    case Path::Kind::kLink: return "<" + p.iri + ">";
    case Path::Kind::kInverse: return "^" + PathStr(*p.args[0]);
    case Path::Kind::kSequence: return join("/");
    case Path::Kind::kAlternative: return join("|");
    case Path::Kind::kZeroOrMore: return PathStr(*p.args[0]) + "*";
    case Path::Kind::kOneOrMore: return PathStr(*p.args[0]) + "+";
    case Path::Kind::kZeroOrOne: return PathStr(*p.args[0]) + "?";
    case Path::Kind::kNegated: {
      std::string s = "!(";
      for (const auto& i : p.negated) s += "<" + i + "> ";
      for (const auto& i : p.negated_inverse) s += "^<" + i + "> ";
      return s + ")";
    }
  }
  return "?";
}

}  // namespace

std::string ExprToString(const Expr& e) {
  auto args = [&](const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < e.args.size(); ++i) s += (i ? sep : "") + ExprToString(*e.args[i]);
    return s;
  };
  switch (e.kind) {
    case Expr::Kind::kTerm: return ToNTriples(e.term);
    case Expr::Kind::kVar: return "?" + e.var;
    case Expr::Kind::kOr: return "(" + args(" || ") + ")";
    case Expr::Kind::kAnd: return "(" + args(" && ") + ")";
    case Expr::Kind::kEq: return "(" + args(" = ") + ")";
    case Expr::Kind::kNe: return "(" + args(" != ") + ")";
    case Expr::Kind::kLt: return "(" + args(" < ") + ")";
    case Expr::Kind::kGt: return "(" + args(" > ") + ")";
    case Expr::Kind::kLe: return "(" + args(" <= ") + ")";
    case Expr::Kind::kGe: return "(" + args(" >= ") + ")";
    case Expr::Kind::kIn: return "(in " + args(" ") + ")";
    case Expr::Kind::kNotIn: return "(notin " + args(" ") + ")";
    case Expr::Kind::kAdd: return "(" + args(" + ") + ")";
    case Expr::Kind::kSub: return "(" + args(" - ") + ")";
    case Expr::Kind::kMul: return "(" + args(" * ") + ")";
    case Expr::Kind::kDiv: return "(" + args(" / ") + ")";
    case Expr::Kind::kUnaryMinus: return "-" + args("");
    case Expr::Kind::kUnaryPlus: return "+" + args("");
    case Expr::Kind::kNot: return "!" + args("");
    case Expr::Kind::kBuiltin: return e.name + "(" + args(", ") + ")";
    case Expr::Kind::kFunction: return "<" + e.name + ">(" + args(", ") + ")";
    case Expr::Kind::kAggregate:
      return e.name + "(" + (e.distinct ? "DISTINCT " : "") + (e.star ? "*" : args(", ")) + ")";
    case Expr::Kind::kExists: return "EXISTS{...}";
    case Expr::Kind::kNotExists: return "NOT EXISTS{...}";
  }
  return "?";
}

std::string ToString(const Op& op, int indent) {
  std::ostringstream o;
  std::string pad(indent * 2, ' ');
  auto exprs = [&](const std::vector<ExprPtr>& es) {
    std::string s;
    for (const auto& e : es) s += " " + ExprToString(*e);
    return s;
  };
  switch (op.kind) {
    case Op::Kind::kUnit: o << pad << "(table unit)\n"; return o.str();
    case Op::Kind::kBgp:
      o << pad << "(bgp\n";
      for (const auto& t : op.triples)
        o << pad << "  (triple " << Str(t.subject) << " "
          << (t.path ? PathStr(*t.path) : Str(t.predicate)) << " " << Str(t.object) << ")\n";
      o << pad << ")\n";
      return o.str();
    case Op::Kind::kJoin: o << pad << "(join\n"; break;
    case Op::Kind::kLeftJoin: o << pad << "(leftjoin" << exprs(op.exprs) << "\n"; break;
    case Op::Kind::kFilter: o << pad << "(filter" << exprs(op.exprs) << "\n"; break;
    case Op::Kind::kUnion: o << pad << "(union\n"; break;
    case Op::Kind::kMinus: o << pad << "(minus\n"; break;
    case Op::Kind::kGraph: o << pad << "(graph " << Str(op.graph) << "\n"; break;
    case Op::Kind::kService: o << pad << "(service " << Str(op.graph) << "\n"; break;
    case Op::Kind::kExtend:
      o << pad << "(extend ?" << op.var << " " << ExprToString(*op.expr) << "\n";
      break;
    case Op::Kind::kTable:
      o << pad << "(table " << op.table.rows.size() << " rows)\n";
      return o.str();
    case Op::Kind::kGroup: {
      o << pad << "(group (";
      for (const auto& [e, v] : op.group_keys) o << " ?" << v << "=" << ExprToString(*e);
      o << " ) (";
      for (const auto& [v, e] : op.aggregates) o << " ?" << v << "=" << ExprToString(*e);
      o << " )\n";
      break;
    }
    case Op::Kind::kOrderBy: {
      o << pad << "(order";
      for (const auto& c : op.order) o << (c.descending ? " desc " : " ") << ExprToString(*c.expr);
      o << "\n";
      break;
    }
    case Op::Kind::kProject: {
      o << pad << "(project (";
      for (const auto& v : op.vars) o << " ?" << v;
      o << " )\n";
      break;
    }
    case Op::Kind::kDistinct: o << pad << "(distinct\n"; break;
    case Op::Kind::kReduced: o << pad << "(reduced\n"; break;
    case Op::Kind::kSlice:
      o << pad << "(slice " << op.offset << " "
        << (op.limit ? std::to_string(*op.limit) : std::string("_")) << "\n";
      break;
  }
  for (const auto& c : op.children) o << ToString(*c, indent + 1);
  o << pad << ")\n";
  return o.str();
}

}  // namespace kg::sparql

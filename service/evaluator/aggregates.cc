// §18.5.1 set functions: COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT.
//
// DISTINCT (§18.5.1.1 "Distinct") removes duplicate RDF terms before the
// function sees them; for COUNT(DISTINCT *) the caller passes one term that
// identifies the whole solution (e.g. a literal serializing its bindings).
// Errors: an error/unbound value makes SUM and AVG an error (§18.5.1.3-4);
// COUNT(expr), MIN, MAX, SAMPLE and GROUP_CONCAT skip it, as the W3C tests
// and the major engines do.
#include <set>
#include <string>

#include "evaluator/expression.h"
#include "evaluator/functions.h"
#include "evaluator/xsd_value.h"

namespace kg::sparql {
namespace {

// sameTerm identity for DISTINCT: "a" and "a"^^xsd:string are one term.
Term Canonical(const Term& t) {
  if (t.is_literal() && t.datatype == kXsdString) return Term::Literal(t.value, t.language);
  return t;
}

class Base : public Aggregator {
 public:
  explicit Base(bool distinct) : distinct_(distinct) {}
  void Add(const std::optional<Term>& value) final {
    if (!value) {
      AddError();
      return;
    }
    if (distinct_ && !seen_.insert(Canonical(*value)).second) return;
    AddValue(*value);
  }

 protected:
  virtual void AddError() {}
  virtual void AddValue(const Term& value) = 0;

 private:
  bool distinct_;
  std::set<Term> seen_;
};

class Count : public Base {
 public:
  using Base::Base;
  std::optional<Term> Finish() override { return xsd::IntegerTerm(count_); }

 private:
  void AddValue(const Term&) override { ++count_; }
  xsd::Int count_ = 0;
};

// SUM and AVG share the running numeric sum (§18.5.1.3 Sum, §18.5.1.4 Avg).
class Sum : public Base {
 public:
  Sum(bool distinct, bool average) : Base(distinct), average_(average) {}
  std::optional<Term> Finish() override {
    if (error_) return std::nullopt;
    if (!average_ || count_ == 0) return xsd::NumericTerm(sum_);  // empty: "0"^^xsd:integer
    auto avg = xsd::Divide(sum_, xsd::Numeric::Integer(count_));  // integer/integer -> decimal
    if (!avg) return std::nullopt;
    return xsd::NumericTerm(*avg);
  }

 private:
  void AddError() override { error_ = true; }
  void AddValue(const Term& value) override {
    if (error_) return;
    auto n = xsd::ParseNumeric(value);
    auto s = n ? xsd::Add(sum_, *n) : std::nullopt;
    if (!s) {
      error_ = true;
      return;
    }
    sum_ = *s;
    ++count_;
  }
  bool average_;
  bool error_ = false;
  xsd::Numeric sum_ = xsd::Numeric::Integer(0);
  xsd::Int count_ = 0;
};

// §18.5.1.5-6 MIN / MAX in ORDER BY order, so mixed types are permitted.
class MinMax : public Base {
 public:
  MinMax(bool distinct, bool max) : Base(distinct), max_(max) {}
  std::optional<Term> Finish() override { return best_; }

 private:
  void AddValue(const Term& value) override {
    if (!best_) {
      best_ = value;
      return;
    }
    int c = CompareForOrderBy(value, best_);
    if (max_ ? c > 0 : c < 0) best_ = value;
  }
  bool max_;
  std::optional<Term> best_;
};

// §18.5.1.8 SAMPLE: any value; we keep the first.
class Sample : public Base {
 public:
  using Base::Base;
  std::optional<Term> Finish() override { return first_; }

 private:
  void AddValue(const Term& value) override {
    if (!first_) first_ = value;
  }
  std::optional<Term> first_;
};

// §18.5.1.7 GROUP_CONCAT: the string values joined by the separator; the
// result is a simple literal (the spec does not keep language tags). A blank
// node has no string value and makes the aggregate an error.
class GroupConcat : public Base {
 public:
  GroupConcat(bool distinct, std::string separator) : Base(distinct), separator_(std::move(separator)) {}
  std::optional<Term> Finish() override {
    if (error_) return std::nullopt;
    return SimpleString(out_);
  }

 private:
  void AddValue(const Term& value) override {
    if (value.is_blank()) {
      error_ = true;
      return;
    }
    if (!first_) out_ += separator_;
    first_ = false;
    out_ += value.value;
  }
  std::string separator_;
  std::string out_;
  bool first_ = true;
  bool error_ = false;
};

// An aggregate name that is not one of the above: always an error.
class Unknown : public Aggregator {
 public:
  void Add(const std::optional<Term>&) override {}
  std::optional<Term> Finish() override { return std::nullopt; }
};

}  // namespace

std::unique_ptr<Aggregator> Aggregator::Make(const Expr& expr) {
  const std::string& n = expr.name;
  bool d = expr.distinct;
  if (n == "COUNT") return std::make_unique<Count>(d);
  if (n == "SUM") return std::make_unique<Sum>(d, false);
  if (n == "AVG") return std::make_unique<Sum>(d, true);
  if (n == "MIN") return std::make_unique<MinMax>(d, false);
  if (n == "MAX") return std::make_unique<MinMax>(d, true);
  if (n == "SAMPLE") return std::make_unique<Sample>(d);
  if (n == "GROUP_CONCAT") return std::make_unique<GroupConcat>(d, expr.separator.value_or(" "));
  return std::make_unique<Unknown>();
}

}  // namespace kg::sparql

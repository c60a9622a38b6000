// QueryLimits::max_results: an answer over the limit is an error, never cut.
#include <gtest/gtest.h>

#include "evaluator/engine.h"

namespace kg::sparql {
namespace {

class ResultLimitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Graph g;
    for (int i = 0; i < 10; ++i)
      g.push_back({Term::Iri("http://x/s" + std::to_string(i)), Term::Iri("http://x/p"),
                   Term::Literal(std::to_string(i))});
    ASSERT_TRUE(store_.Add(std::nullopt, g).ok());
  }
  Result<QueryResult> Run(const std::string& q, std::size_t max) {
    QueryLimits limits;
    limits.max_results = max;
    return ExecuteQuery(store_, q, {}, {}, limits);
  }
  Store store_;
};

TEST_F(ResultLimitTest, SelectOverTheLimitIsAnError) {
  auto r = Run("SELECT * { ?s ?p ?o }", 9);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Error::Code::kResultTooLarge);
  EXPECT_NE(r.error().message.find("more than 9 solutions"), std::string::npos);
}

TEST_F(ResultLimitTest, ExactlyTheLimitAndAClientLimitAreAnswered) {
  auto whole = Run("SELECT * { ?s ?p ?o }", 10);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(std::get<ResultSet>(whole->value).rows.size(), 10u);
  auto limited = Run("SELECT * { ?s ?p ?o } LIMIT 3", 3);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(std::get<ResultSet>(limited->value).rows.size(), 3u);
  auto unlimited = Run("SELECT * { ?s ?p ?o . ?a ?b ?c }", 0);  // 0: no limit
  ASSERT_TRUE(unlimited.ok());
  EXPECT_EQ(std::get<ResultSet>(unlimited->value).rows.size(), 100u);
}

TEST_F(ResultLimitTest, AnExplodingCrossProductStopsAtTheLimitNotAtTheEnd) {
  // 10^5 solutions; the limit stops it at the 51st.
  auto r = Run("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }", 50);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Error::Code::kResultTooLarge);
}

TEST_F(ResultLimitTest, ConstructAndDescribeCountTriples) {
  auto c = Run("CONSTRUCT WHERE { ?s ?p ?o }", 5);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, Error::Code::kResultTooLarge);
  EXPECT_NE(c.error().message.find("triples"), std::string::npos);
  ASSERT_TRUE(Run("CONSTRUCT WHERE { ?s ?p ?o }", 10).ok());
  auto d = Run("DESCRIBE ?s { ?s ?p ?o }", 4);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, Error::Code::kResultTooLarge);
  ASSERT_TRUE(Run("ASK { ?s ?p ?o . ?a ?b ?c }", 1).ok());  // ASK is one boolean
}

}  // namespace
}  // namespace kg::sparql

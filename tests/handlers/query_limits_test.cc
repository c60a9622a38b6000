// /sparql's time and size limits, called as a function.
#include <gtest/gtest.h>

#include "handler_fixture.h"
#include "handlers/handlers.h"

namespace kg::testing {
namespace {

class QueryLimitsTest : public HandlerTest {};

TEST_F(QueryLimitsTest, LowerTimeoutIsHonouredHigherIsCapped) {
  config_.query_timeout_seconds = 10;
  SparqlRequest r;
  EXPECT_DOUBLE_EQ(QueryTimeout(r, config_), 10);
  r.timeout_seconds = 2;
  EXPECT_DOUBLE_EQ(QueryTimeout(r, config_), 2);
  r.timeout_seconds = 60;
  EXPECT_DOUBLE_EQ(QueryTimeout(r, config_), 10);
  config_.max_results = 7;
  EXPECT_EQ(QueryLimitsFor(r, config_).max_results, 7u);
  Error e = ExplainTimeout(Error::Timeout("stopped"), r, config_);
  EXPECT_NE(e.message.find("time limit of 10 s"), std::string::npos) << e.message;
  EXPECT_EQ(ExplainTimeout(Error::BadRequest("x"), r, config_).message, "x");
}

TEST_F(QueryLimitsTest, ResultOverTheLimitIs400WithItsOwnProblemType) {
  Graph g;
  for (int i = 0; i < 5; ++i)
    g.push_back({Term::Iri("http://x/" + std::to_string(i)), Term::Iri("http://x/p"),
                 Term::Literal("v")});
  ASSERT_TRUE(store_.Add(std::nullopt, g).ok());
  config_.max_results = 4;
  Response r = Call("GET", "/sparql?query=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("result-too-large"), std::string::npos) << r.body;
  Response limited = Call("GET", "/sparql?query=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D+LIMIT+4",
                          {{"Accept", "text/csv"}});
  EXPECT_EQ(limited.status, 200);
  Response bad = Call("GET", "/sparql?query=ASK%7B%7D&timeout=soon");
  EXPECT_EQ(bad.status, 400);
}

}  // namespace
}  // namespace kg::testing

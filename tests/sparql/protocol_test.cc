// Tests for sparql/protocol.h: SPARQL 1.1 Protocol request parsing.
#include "sparql/protocol.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

Request Get(const std::string& target) {
  Request r;
  r.method = "GET";
  r.target = target;
  return r;
}

Request Post(const std::string& target, const std::string& content_type, const std::string& body) {
  Request r;
  r.method = "POST";
  r.target = target;
  r.headers["Content-Type"] = content_type;
  r.body = body;
  return r;
}

Error::Code CodeOf(const Request& r) {
  auto p = ParseSparqlRequest(r);
  EXPECT_FALSE(p.ok()) << r.method << " " << r.target;
  return p.ok() ? Error::Code::kInternal : p.error().code;
}

TEST(ParseSparqlRequestTest, GetQuery) {
  auto p = ParseSparqlRequest(Get("/sparql?query=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->kind, SparqlRequest::Kind::kQuery);
  EXPECT_EQ(p->query, "SELECT * {?s ?p ?o}");
  EXPECT_TRUE(p->dataset.empty());
  EXPECT_EQ(p->format, "");
}

TEST(ParseSparqlRequestTest, GetWithDatasetAndFormat) {
  auto p = ParseSparqlRequest(
      Get("/sparql?query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fg%2F1&default-graph-uri=http%3A%2F%2Fg%2F2"
          "&named-graph-uri=http%3A%2F%2Fg%2F3&format=csv"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->dataset.default_graphs, (std::vector<std::string>{"http://g/1", "http://g/2"}));
  EXPECT_EQ(p->dataset.named_graphs, (std::vector<std::string>{"http://g/3"}));
  EXPECT_EQ(p->format, "csv");
}

TEST(ParseSparqlRequestTest, HeadIsLikeGet) {
  Request r = Get("/sparql?query=ASK%7B%7D");
  r.method = "HEAD";
  auto p = ParseSparqlRequest(r);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->query, "ASK{}");
}

TEST(ParseSparqlRequestTest, GetWithoutQueryIsServiceDescription) {
  for (const char* target : {"/sparql", "/sparql?format=turtle"}) {
    auto p = ParseSparqlRequest(Get(target));
    ASSERT_TRUE(p.ok()) << target;
    EXPECT_EQ(p->kind, SparqlRequest::Kind::kServiceDescription) << target;
  }
  EXPECT_EQ(ParseSparqlRequest(Get("/sparql?format=turtle"))->format, "turtle");
}

TEST(ParseSparqlRequestTest, GetWithUpdateIsBadRequest) {
  auto p = ParseSparqlRequest(Get("/sparql?update=DROP+ALL"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, Error::Code::kBadRequest);
  EXPECT_NE(p.error().message.find("POST"), std::string::npos);
}

TEST(ParseSparqlRequestTest, QueryAndUpdateIsBadRequest) {
  auto p = ParseSparqlRequest(Get("/sparql?query=ASK%7B%7D&update=DROP+ALL"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, Error::Code::kBadRequest);
  EXPECT_EQ(p.error().message, "a request may carry 'query' or 'update', not both");
}

TEST(ParseSparqlRequestTest, RepeatedQueryIsBadRequest) {
  auto p = ParseSparqlRequest(Get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, Error::Code::kBadRequest);
  EXPECT_EQ(p.error().message, "more than one 'query' parameter");
}

TEST(ParseSparqlRequestTest, PostForm) {
  auto p = ParseSparqlRequest(Post("/sparql?format=tsv",
                                   "application/x-www-form-urlencoded; charset=UTF-8",
                                   "query=SELECT+%3Fs+%7B%3Fs+%3Fp+%3Fo%7D&named-graph-uri=http%3A%2F%2Fg%2F1"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->kind, SparqlRequest::Kind::kQuery);
  EXPECT_EQ(p->query, "SELECT ?s {?s ?p ?o}");
  EXPECT_EQ(p->dataset.named_graphs, (std::vector<std::string>{"http://g/1"}));
  EXPECT_EQ(p->format, "tsv");
}

TEST(ParseSparqlRequestTest, PostFormWithoutQueryIsBadRequest) {
  auto p = ParseSparqlRequest(Post("/sparql", "application/x-www-form-urlencoded", "format=json"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, Error::Code::kBadRequest);
  EXPECT_EQ(p.error().message, "missing 'query' parameter");
}

TEST(ParseSparqlRequestTest, PostFormWithUpdate) {
  auto p = ParseSparqlRequest(Post("/sparql?using-graph-uri=http%3A%2F%2Fg%2F0",
                                   "application/x-www-form-urlencoded",
                                   "update=DROP+ALL&using-graph-uri=http%3A%2F%2Fg%2F1&"
                                   "using-named-graph-uri=http%3A%2F%2Fg%2F2"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->kind, SparqlRequest::Kind::kUpdate);
  EXPECT_EQ(p->update, "DROP ALL");
  EXPECT_EQ(p->using_graphs, (std::vector<std::string>{"http://g/1", "http://g/0"}));
  EXPECT_EQ(p->using_named, (std::vector<std::string>{"http://g/2"}));
}

TEST(ParseSparqlRequestTest, RepeatedUpdateIsBadRequest) {
  EXPECT_EQ(CodeOf(Post("/sparql", "application/x-www-form-urlencoded", "update=CLEAR+ALL&update=CLEAR+ALL")),
            Error::Code::kBadRequest);
}

TEST(ParseSparqlRequestTest, PostSparqlQueryWithDatasetInUrl) {
  auto p = ParseSparqlRequest(
      Post("/sparql?default-graph-uri=http%3A%2F%2Fg%2F1&named-graph-uri=http%3A%2F%2Fg%2F2",
           "Application/SPARQL-Query ; charset=utf-8", "SELECT * { ?s ?p ?o }"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->query, "SELECT * { ?s ?p ?o }");
  EXPECT_EQ(p->dataset.default_graphs, (std::vector<std::string>{"http://g/1"}));
  EXPECT_EQ(p->dataset.named_graphs, (std::vector<std::string>{"http://g/2"}));
}

TEST(ParseSparqlRequestTest, PostSparqlQueryKeepsBodyVerbatim) {
  // '+' and '%' in a direct POST body are not URL-decoded.
  auto p = ParseSparqlRequest(Post("/sparql", "application/sparql-query",
                                   "SELECT (1+1 AS ?x) { FILTER(\"%41\" != \"\") }"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->query, "SELECT (1+1 AS ?x) { FILTER(\"%41\" != \"\") }");
}

TEST(ParseSparqlRequestTest, PostSparqlQueryWithQueryInUrlIsBadRequest) {
  EXPECT_EQ(CodeOf(Post("/sparql?query=ASK%7B%7D", "application/sparql-query", "ASK {}")),
            Error::Code::kBadRequest);
}

TEST(ParseSparqlRequestTest, PostSparqlUpdate) {
  auto p = ParseSparqlRequest(Post("/sparql?using-named-graph-uri=http%3A%2F%2Fg%2F2",
                                   "application/sparql-update; charset=utf-8", "DROP+ALL"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->kind, SparqlRequest::Kind::kUpdate);
  EXPECT_EQ(p->update, "DROP+ALL");  // a direct body is not URL-decoded
  EXPECT_EQ(p->using_named, (std::vector<std::string>{"http://g/2"}));
  EXPECT_EQ(CodeOf(Post("/sparql?update=X", "application/sparql-update", "DROP ALL")),
            Error::Code::kBadRequest);
}

TEST(ParseUpdateRequestTest, OnlyPostedUpdates) {
  auto p = ParseUpdateRequest(Post("/update", "application/sparql-update", "CLEAR ALL"));
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->update, "CLEAR ALL");
  auto f = ParseUpdateRequest(Post("/update", "application/x-www-form-urlencoded", "update=CLEAR+ALL"));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->update, "CLEAR ALL");
  EXPECT_EQ(ParseUpdateRequest(Post("/update", "application/x-www-form-urlencoded", "query=ASK%7B%7D"))
                .error().code,
            Error::Code::kBadRequest);
  EXPECT_EQ(ParseUpdateRequest(Post("/update", "application/sparql-query", "ASK {}")).error().code,
            Error::Code::kBadRequest);
  EXPECT_EQ(ParseUpdateRequest(Post("/update", "text/plain", "CLEAR ALL")).error().code,
            Error::Code::kUnsupportedMedia);
  EXPECT_EQ(ParseUpdateRequest(Get("/update?update=CLEAR+ALL")).error().code,
            Error::Code::kMethodNotAllowed);
}

TEST(ParseSparqlRequestTest, PostOtherContentTypeIsUnsupportedMedia) {
  auto p = ParseSparqlRequest(Post("/sparql", "text/turtle", "<a> <b> <c> ."));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, Error::Code::kUnsupportedMedia);
  EXPECT_NE(p.error().message.find("'text/turtle'"), std::string::npos) << p.error().message;
  Request none = Post("/sparql", "", "ASK {}");
  none.headers.clear();
  EXPECT_EQ(CodeOf(none), Error::Code::kUnsupportedMedia);
}

TEST(ParseSparqlRequestTest, OtherMethodsAreNotAllowed) {
  for (const char* m : {"PUT", "DELETE", "PATCH"}) {
    Request r = Get("/sparql?query=ASK%7B%7D");
    r.method = m;
    auto p = ParseSparqlRequest(r);
    ASSERT_FALSE(p.ok()) << m;
    EXPECT_EQ(p.error().code, Error::Code::kMethodNotAllowed) << m;
    EXPECT_EQ(p.error().allow, "GET, HEAD, POST, OPTIONS");
  }
}

TEST(ParseSparqlRequestTest, FirstFormatWins) {
  auto p = ParseSparqlRequest(Get("/sparql?query=ASK%7B%7D&format=xml&format=json"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->format, "xml");
}

}  // namespace
}  // namespace kg

// SPARQL Update over the protocol: POST /update and updates POSTed to /sparql.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "handler_fixture.h"
#include "parse/rdf_input.h"

namespace kg::testing {
namespace {

class UpdateHandlerTest : public HandlerTest {
 protected:
  UpdateHandlerTest() { config_.write_token = "s3cret"; }

  Response Update(const std::string& path, const std::string& text, bool token = true) {
    Headers h{{"Content-Type", "application/sparql-update"}};
    if (token) h["Authorization"] = "Bearer s3cret";
    return Call("POST", path, h, text);
  }
  std::size_t Count() { return store_.Size(); }
};

TEST_F(UpdateHandlerTest, UpdateEndpointAndSparqlEndpoint) {
  Response r = Update("/update", "INSERT DATA { <http://ex/a> <http://ex/p> 1 }");
  EXPECT_EQ(r.status, 204) << r.body;
  r = Update("/sparql", "INSERT DATA { <http://ex/a> <http://ex/p> 2 }");
  EXPECT_EQ(r.status, 204) << r.body;
  r = Call("POST", "/sparql",
           {{"Content-Type", "application/x-www-form-urlencoded"},
            {"Authorization", "Bearer s3cret"}},
           "update=INSERT+DATA+%7B+%3Chttp%3A%2F%2Fex%2Fa%3E+%3Chttp%3A%2F%2Fex%2Fp%3E+3+%7D");
  EXPECT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(Count(), 3u);
}

TEST_F(UpdateHandlerTest, TokenRequired) {
  EXPECT_EQ(Update("/update", "CLEAR ALL", false).status, 401);
  Response r = Call("POST", "/update",
                    {{"Content-Type", "application/sparql-update"}, {"Authorization", "Bearer no"}},
                    "CLEAR ALL");
  EXPECT_EQ(r.status, 401);
  config_.write_token.clear();
  EXPECT_EQ(Update("/update", "CLEAR ALL").status, 403);
}

TEST_F(UpdateHandlerTest, SyntaxErrorIs400WithPosition) {
  Response r = Update("/update", "INSERT DATA {\n  <http://ex/a> }");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("line 2"), std::string::npos) << r.body;
}

TEST_F(UpdateHandlerTest, FailedRequestChangesNothing) {
  ASSERT_EQ(Update("/update", "INSERT DATA { <http://ex/a> <http://ex/p> 1 }").status, 204);
  Response r = Update("/update",
                      "INSERT DATA { <http://ex/b> <http://ex/p> 2 } ; DROP GRAPH <http://ex/none>");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("http://ex/none"), std::string::npos) << r.body;
  EXPECT_EQ(Count(), 1u);
  r = Update("/update", "CREATE GRAPH <http://ex/g> ; CREATE GRAPH <http://ex/g>");
  EXPECT_EQ(r.status, 500);
  EXPECT_FALSE(store_.Exists(std::string("http://ex/g")));
}

TEST_F(UpdateHandlerTest, CreatedGraphIsEmptyAndVisible) {
  ASSERT_EQ(Update("/update", "CREATE GRAPH <http://ex/g>").status, 204);
  Response r = Call("GET", "/rdf-graphs?graph=http%3A%2F%2Fex%2Fg", {{"Accept", "application/n-triples"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
}

TEST_F(UpdateHandlerTest, UsingGraphUriParameters) {
  ASSERT_EQ(Update("/update", "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }")
                .status,
            204);
  Response r = Update("/update?using-graph-uri=http%3A%2F%2Fex%2Fg",
                      "INSERT { ?s <http://ex/q> ?o } WHERE { ?s ?p ?o }");
  EXPECT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(store_.Size(std::nullopt), 1u);
  r = Update("/update?using-graph-uri=http%3A%2F%2Fex%2Fg",
             "INSERT { ?s <http://ex/q> ?o } USING <http://ex/g> WHERE { ?s ?p ?o }");
  EXPECT_EQ(r.status, 400);
}

TEST_F(UpdateHandlerTest, UpdateEndpointRejectsQueriesAndGet) {
  EXPECT_EQ(Call("POST", "/update", {{"Content-Type", "application/sparql-query"}}, "ASK {}").status,
            400);
  EXPECT_EQ(Call("GET", "/update").status, 405);
  EXPECT_EQ(Call("GET", "/sparql?update=CLEAR+ALL").status, 400);
}

TEST_F(UpdateHandlerTest, LoadOnlyUnderTheLoadDirectory) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kg-load-" + std::to_string(::getpid()));
  fs::create_directories(dir / "in");
  {
    std::ofstream(dir / "in" / "a.ttl") << "<http://ex/a> <http://ex/p> \"x\" .\n";
    std::ofstream(dir / "out.ttl") << "<http://ex/b> <http://ex/p> \"y\" .\n";
  }
  std::string in = FileIri((dir / "in" / "a.ttl").string());
  std::string out = FileIri((dir / "out.ttl").string());
  // Disabled by default.
  EXPECT_EQ(Update("/update", "LOAD <" + in + ">").status, 403);
  EXPECT_EQ(Update("/update", "LOAD SILENT <" + in + ">").status, 204);
  config_.load_dir = (dir / "in").string();
  Response r = Update("/update", "LOAD <" + in + "> INTO GRAPH <http://ex/l>");
  EXPECT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(store_.Size(std::string("http://ex/l")), 1u);
  EXPECT_EQ(Update("/update", "LOAD <" + out + ">").status, 403);
  EXPECT_EQ(Update("/update", "LOAD <" + FileIri((dir / "in" / ".." / "out.ttl").string()) + ">")
                .status,
            403);
  EXPECT_EQ(Update("/update", "LOAD <http://example.org/faraway>").status, 403);
  EXPECT_EQ(Update("/update", "LOAD <" + FileIri((dir / "in" / "none.ttl").string()) + ">").status,
            500);
  EXPECT_EQ(store_.Size(std::nullopt), 0u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kg::testing

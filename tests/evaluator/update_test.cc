// SPARQL 1.1 Update execution (evaluator/update.h) over a real Store.
#include "evaluator/update.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace kg::sparql {
namespace {

const std::string kP = "PREFIX : <http://ex/> ";
const std::string kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
const std::string kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

Term I(const std::string& local) { return Term::Iri("http://ex/" + local); }

class UpdateTest : public ::testing::Test {
 protected:
  UpdateTest() : store_(StoreOptions{false, "trees"}) {}

  void Ok(const std::string& text, const UpdateOptions& options = {}) {
    auto r = ExecuteUpdate(store_, kP + text, options);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error().ToString();
  }
  Error Fails(const std::string& text, const UpdateOptions& options = {}) {
    auto r = ExecuteUpdate(store_, kP + text, options);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? Error::Internal("succeeded") : r.error();
  }
  Graph G(const GraphName& g) { return store_.Get(g).value_or(Graph{}); }
  bool Has(const GraphName& g, const Triple& t) {
    auto graph = G(g);
    return std::find(graph.begin(), graph.end(), t) != graph.end();
  }

  Store store_;
};

TEST_F(UpdateTest, InsertAndDeleteData) {
  Ok("INSERT DATA { :a :p 1 . GRAPH :g { :a :p 2 } }");
  EXPECT_EQ(store_.Size(std::nullopt), 1u);
  EXPECT_EQ(store_.Size(std::string("http://ex/g")), 1u);
  Ok("DELETE DATA { :a :p 1 . GRAPH :g { :a :p 2 } . GRAPH :missing { :a :p 3 } }");
  EXPECT_EQ(store_.Size(std::nullopt), 0u);
  EXPECT_TRUE(store_.Exists(std::string("http://ex/g")));  // empty, still there
  EXPECT_FALSE(store_.Exists(std::string("http://ex/missing")));
}

TEST_F(UpdateTest, InsertDataBlankNodesAreFresh) {
  Ok("INSERT DATA { _:b :p 1 }");
  Ok("INSERT DATA { _:b :p 1 }");
  auto g = G(std::nullopt);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_NE(g[0].subject, g[1].subject);
  EXPECT_NE(g[0].subject.value, "b");
}

TEST_F(UpdateTest, SummaryCountsRealChanges) {
  auto r = ExecuteUpdate(store_, kP + "INSERT DATA { :a :p 1, 2 } ; INSERT DATA { :a :p 1 } ; "
                                      "DELETE DATA { :a :p 2, 3 }");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->operations, 3u);
  EXPECT_EQ(r->inserted, 2u);
  EXPECT_EQ(r->deleted, 1u);
}

TEST_F(UpdateTest, DeleteInsertWhereEvaluatesOnceDeletesThenInserts) {
  Ok("INSERT DATA { :a :n 1 . :b :n 2 }");
  // Swap-like rewrite: a triple deleted and inserted by the same request stays.
  Ok("DELETE { ?s :n ?o } INSERT { ?s :n ?o . ?s :seen true } WHERE { ?s :n ?o }");
  EXPECT_TRUE(Has(std::nullopt, {I("a"), I("n"), Term::Literal("1", "", kXsdInteger)}));
  EXPECT_TRUE(Has(std::nullopt, {I("b"), I("seen"), Term::Literal("true", "", kXsdBoolean)}));
  EXPECT_EQ(store_.Size(std::nullopt), 4u);
}

TEST_F(UpdateTest, TemplatesSkipUnboundAndInvalidTriples) {
  Ok("INSERT DATA { :a :p \"lit\" }");
  Ok("INSERT { ?o :q :x . :a :r ?unbound . :a ?o :y . :a :ok ?o } WHERE { :a :p ?o }");
  EXPECT_EQ(store_.Size(std::nullopt), 2u);
  EXPECT_TRUE(Has(std::nullopt, {I("a"), I("ok"), Term::Literal("lit")}));
}

TEST_F(UpdateTest, InsertTemplateBlankNodesFreshPerSolution) {
  Ok("INSERT DATA { :a :p 1 . :b :p 2 }");
  Ok("INSERT { _:n :of ?s } WHERE { ?s :p ?o }");
  auto g = G(std::nullopt);
  std::set<Term> subjects;
  for (const auto& t : g)
    if (t.predicate == I("of")) subjects.insert(t.subject);
  EXPECT_EQ(subjects.size(), 2u);
}

TEST_F(UpdateTest, DeleteWhereMatchesBlankNodesThroughVariables) {
  Ok("INSERT DATA { _:x :p 1 . :a :p 2 }");
  Ok("DELETE WHERE { ?s :p ?o }");
  EXPECT_EQ(store_.Size(std::nullopt), 0u);
}

TEST_F(UpdateTest, WithAndUsing) {
  Ok("INSERT DATA { GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } }");
  // WITH: WHERE and templates in :g1.
  Ok("WITH :g1 INSERT { ?s :q ?o } WHERE { ?s :p ?o }");
  EXPECT_EQ(store_.Size(std::string("http://ex/g1")), 2u);
  // USING overrides WITH for WHERE; templates still go to :g1.
  Ok("WITH :g1 INSERT { ?s :r ?o } USING :g2 WHERE { ?s :p ?o }");
  EXPECT_TRUE(Has(std::string("http://ex/g1"),
                  {I("b"), I("r"), Term::Literal("2", "", kXsdInteger)}));
  // USING NAMED only: the default graph of WHERE is empty.
  Ok("INSERT { ?s :t ?o } USING NAMED :g2 WHERE { GRAPH ?g { ?s :p ?o } }");
  EXPECT_TRUE(Has(std::nullopt, {I("b"), I("t"), Term::Literal("2", "", kXsdInteger)}));
  Ok("INSERT { ?s :u ?o } USING NAMED :g2 WHERE { ?s :p ?o }");
  EXPECT_EQ(store_.Size(std::nullopt), 1u);
}

TEST_F(UpdateTest, ProtocolUsingGraphs) {
  Ok("INSERT DATA { GRAPH :g1 { :a :p 1 } }");
  UpdateOptions options;
  options.using_graphs = {"http://ex/g1"};
  Ok("INSERT { ?s :q ?o } WHERE { ?s :p ?o }", options);
  EXPECT_EQ(store_.Size(std::nullopt), 1u);
  EXPECT_EQ(Fails("WITH :g1 INSERT { ?s :q ?o } WHERE { ?s :p ?o }", options).code,
            Error::Code::kBadRequest);
}

TEST_F(UpdateTest, GraphManagement) {
  Ok("CREATE GRAPH :g");
  EXPECT_TRUE(store_.Exists(std::string("http://ex/g")));
  EXPECT_EQ(Fails("CREATE GRAPH :g").code, Error::Code::kInternal);
  Ok("CREATE SILENT GRAPH :g");
  EXPECT_EQ(Fails("DROP GRAPH :nope").code, Error::Code::kNotFound);
  EXPECT_EQ(Fails("CLEAR GRAPH :nope").code, Error::Code::kNotFound);
  Ok("DROP SILENT GRAPH :nope ; CLEAR SILENT GRAPH :nope");
  Ok("INSERT DATA { :d :p 0 . GRAPH :g { :a :p 1 } GRAPH :h { :b :p 2 } }");
  Ok("CLEAR GRAPH :g");
  EXPECT_TRUE(store_.Exists(std::string("http://ex/g")));
  EXPECT_EQ(store_.Size(std::string("http://ex/g")), 0u);
  Ok("CLEAR NAMED");
  EXPECT_EQ(store_.Size(std::string("http://ex/h")), 0u);
  EXPECT_EQ(store_.Size(std::nullopt), 1u);
  Ok("DROP ALL");
  EXPECT_TRUE(store_.GraphNames().empty());
  EXPECT_EQ(store_.Size(std::nullopt), 0u);
}

TEST_F(UpdateTest, CopyMoveAdd) {
  Ok("INSERT DATA { :d :p 0 . GRAPH :g { :a :p 1 } GRAPH :h { :b :p 2 } }");
  Ok("COPY :g TO :h");
  EXPECT_EQ(G(std::string("http://ex/h")), G(std::string("http://ex/g")));
  Ok("ADD DEFAULT TO :h");
  EXPECT_EQ(store_.Size(std::string("http://ex/h")), 2u);
  Ok("MOVE :h TO :new");
  EXPECT_FALSE(store_.Exists(std::string("http://ex/h")));
  EXPECT_EQ(store_.Size(std::string("http://ex/new")), 2u);
  Ok("MOVE :g TO :g ; COPY DEFAULT TO DEFAULT ; ADD :nope TO :nope");  // no-ops
  EXPECT_EQ(Fails("COPY :nope TO :g").code, Error::Code::kNotFound);
  Ok("MOVE SILENT :nope TO :g");
  Ok("MOVE DEFAULT TO :m");
  EXPECT_EQ(store_.Size(std::nullopt), 0u);
  EXPECT_EQ(store_.Size(std::string("http://ex/m")), 1u);
}

TEST_F(UpdateTest, RequestIsAtomic) {
  Ok("INSERT DATA { :keep :p 1 . GRAPH :g { :a :p 1 } }");
  auto before_default = G(std::nullopt);
  auto before_g = G(std::string("http://ex/g"));
  Fails("INSERT DATA { :x :p 2 } ; DELETE WHERE { GRAPH :g { ?s ?p ?o } } ; CREATE GRAPH :c ; "
        "DROP GRAPH :g ; MOVE DEFAULT TO :m ; DROP GRAPH :nope");
  EXPECT_EQ(G(std::nullopt), before_default);
  EXPECT_EQ(G(std::string("http://ex/g")), before_g);
  EXPECT_FALSE(store_.Exists(std::string("http://ex/c")));
  EXPECT_FALSE(store_.Exists(std::string("http://ex/m")));
  EXPECT_EQ(store_.GraphNames(), (std::vector<std::string>{"http://ex/g"}));
}

TEST_F(UpdateTest, SyntaxErrorHasPosition) {
  Error e = Fails("INSERT DATA {\n :a :p }");
  EXPECT_EQ(e.code, Error::Code::kSyntax);
  EXPECT_EQ(e.line, 2);
  EXPECT_GT(e.column, 0);
}

TEST_F(UpdateTest, LoadUsesTheLoader) {
  EXPECT_EQ(Fails("LOAD <file:///x.ttl>").code, Error::Code::kForbidden);
  Ok("LOAD SILENT <file:///x.ttl>");
  UpdateOptions options;
  options.load = [](const std::string& iri) -> Result<Graph> {
    if (iri != "file:///x.ttl") return Error::Io("no");
    return Graph{{Term::Iri("http://ex/l"), Term::Iri("http://ex/p"), Term::Literal("v")}};
  };
  Ok("LOAD <file:///x.ttl> INTO GRAPH :lg", options);
  EXPECT_EQ(store_.Size(std::string("http://ex/lg")), 1u);
  EXPECT_EQ(Fails("LOAD <file:///other.ttl>", options).code, Error::Code::kIo);
  Ok("LOAD SILENT <file:///other.ttl> INTO GRAPH :other", options);
  EXPECT_FALSE(store_.Exists(std::string("http://ex/other")));
}

TEST(UpdateUnionTest, WhereReadsUnionTemplatesWriteStoredDefault) {
  Store store;  // union default graph on
  ASSERT_TRUE(ExecuteUpdate(store, kP + "INSERT DATA { GRAPH :g { :a :p 1 } }").ok());
  ASSERT_TRUE(ExecuteUpdate(store, kP + "INSERT { ?s :q ?o } WHERE { ?s :p ?o }").ok());
  EXPECT_EQ(store.Size(std::nullopt), 1u);
  EXPECT_EQ(store.Size(std::string("http://ex/g")), 1u);
  // DELETE of a triple only in a named graph leaves it there.
  ASSERT_TRUE(ExecuteUpdate(store, kP + "DELETE { ?s :p ?o } WHERE { ?s :p ?o }").ok());
  EXPECT_EQ(store.Size(std::string("http://ex/g")), 1u);
  EXPECT_EQ(store.Size(), 2u);
}

// The id index answers queries; after a request fails and its undo log
// restores the store, the index must show exactly what librdf has.
TEST_F(UpdateTest, IndexFollowsARolledBackRequest) {
  Ok("INSERT DATA { :keep :p 1 . GRAPH :g { :a :p 1 } }");
  Fails("INSERT DATA { :x :p 2 } ; DELETE WHERE { GRAPH :g { ?s ?p ?o } } ; "
        "MOVE DEFAULT TO :m ; DROP GRAPH :nope");
  for (const GraphName& g : {GraphName{}, GraphName{"http://ex/g"}}) {
    Graph via_index;
    store_.ForEach(Store::GraphRef{false, g}, std::nullopt, std::nullopt, std::nullopt,
                   [&](Triple&& t) {
                     via_index.push_back(std::move(t));
                     return true;
                   });
    std::sort(via_index.begin(), via_index.end());
    EXPECT_EQ(via_index, G(g));
  }
  EXPECT_EQ(store_.Index(Store::GraphRef{false, std::string("http://ex/m")}), nullptr);
  auto r = ExecuteQuery(store_, "ASK { <http://ex/x> ?p ?o }");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(std::get<bool>(r->value));
}

}  // namespace
}  // namespace kg::sparql

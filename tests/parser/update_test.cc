// SPARQL 1.1 Update: every operation, and the restrictions on data blocks.
#include "test_util.h"

namespace kg::sparql {
namespace {
using namespace testing;
using K = UpdateOperation::Kind;
using Target = UpdateOperation::Target;

const std::string kP = "PREFIX : <http://e/> ";

UpdateOperation One(const std::string& text) {
  Update u = MustParseUpdate(kP + text);
  EXPECT_EQ(u.operations.size(), 1u) << text;
  return u.operations.empty() ? UpdateOperation{} : u.operations[0];
}

TEST(Update, InsertData) {
  UpdateOperation op = One("INSERT DATA { :s :p 'o' . _:b :q 1 . GRAPH :g { :s :p [] } :t :p :o }");
  EXPECT_EQ(op.kind, K::kInsertData);
  ASSERT_EQ(op.insert_quads.size(), 4u);
  EXPECT_FALSE(op.insert_quads[0].graph.has_value());
  EXPECT_TRUE(T(op.insert_quads[1].triple.subject).is_blank());
  EXPECT_EQ(T(*op.insert_quads[2].graph).value, "http://e/g");
  EXPECT_FALSE(op.insert_quads[3].graph.has_value());
  UpdateError(kP + "INSERT DATA { ?s :p :o }");
  UpdateError(kP + "INSERT DATA { GRAPH ?g { :s :p :o } }");
  UpdateError(kP + "INSERT DATA { GRAPH :g { GRAPH :h { :s :p :o } } }");
  UpdateError(kP + "INSERT DATA { :s ?p :o }");
}

TEST(Update, DeleteData) {
  UpdateOperation op = One("DELETE DATA { :s :p :o }");
  EXPECT_EQ(op.kind, K::kDeleteData);
  EXPECT_EQ(op.delete_quads.size(), 1u);
  UpdateError(kP + "DELETE DATA { _:b :p :o }");
  UpdateError(kP + "DELETE DATA { [] :p :o }");
  UpdateError(kP + "DELETE DATA { :s :p ?o }");
}

TEST(Update, DeleteWhere) {
  UpdateOperation op = One("DELETE WHERE { ?s :p ?o . GRAPH ?g { ?s :q ?z } }");
  EXPECT_EQ(op.kind, K::kDeleteWhere);
  EXPECT_EQ(op.delete_quads.size(), 2u);
  ASSERT_TRUE(op.where);
  ASSERT_EQ(op.where->elements.size(), 2u);
  EXPECT_EQ(op.where->elements[0].kind, PatternElement::Kind::kTriples);
  EXPECT_EQ(op.where->elements[1].kind, PatternElement::Kind::kGraph);
  EXPECT_EQ(V(op.where->elements[1].graph_name), "g");
  EXPECT_EQ(op.where->elements[1].group->elements[0].triples.size(), 1u);
  UpdateError(kP + "DELETE WHERE { _:a :p :o }");
}

TEST(Update, Modify) {
  UpdateOperation op = One("WITH :g DELETE { ?s :p ?o } INSERT { ?s :q [ :r ?o ] } "
                           "USING :u1 USING NAMED :u2 WHERE { ?s :p ?o }");
  EXPECT_EQ(op.kind, K::kModify);
  EXPECT_EQ(*op.with, "http://e/g");
  EXPECT_EQ(op.delete_quads.size(), 1u);
  EXPECT_EQ(op.insert_quads.size(), 2u);
  EXPECT_EQ(op.using_graphs, std::vector<std::string>{"http://e/u1"});
  EXPECT_EQ(op.using_named, std::vector<std::string>{"http://e/u2"});
  ASSERT_TRUE(op.where);
  op = One("INSERT { GRAPH ?g { ?s :p ?o } } WHERE { GRAPH ?g { ?s :p ?o } }");
  EXPECT_TRUE(op.delete_quads.empty());
  op = One("DELETE { ?s :p ?o } WHERE { ?s :p ?o }");
  EXPECT_TRUE(op.insert_quads.empty());
  UpdateError(kP + "DELETE { ?a :knows [] } WHERE { ?a :p ?o }");
  UpdateError(kP + "DELETE { _:b :p ?o } WHERE { ?a :p ?o }");
  UpdateError(kP + "INSERT WHERE { ?s ?p ?o }");
  UpdateError(kP + "WITH :g WHERE { ?s ?p ?o }");
  UpdateError(kP + "DELETE { ?s ?p ?o }");  // WHERE is required
}

TEST(Update, GraphManagement) {
  UpdateOperation op = One("LOAD SILENT <http://x/data.ttl> INTO GRAPH :g");
  EXPECT_EQ(op.kind, K::kLoad);
  EXPECT_TRUE(op.silent);
  EXPECT_EQ(op.source, "http://x/data.ttl");
  EXPECT_EQ(*op.target_graph, "http://e/g");
  op = One("LOAD :d");
  EXPECT_FALSE(op.target_graph.has_value());

  struct Case { const char* text; K kind; Target target; bool silent; };
  const Case cases[] = {
      {"CLEAR GRAPH :g", K::kClear, Target::kGraph, false},
      {"CLEAR SILENT DEFAULT", K::kClear, Target::kDefault, true},
      {"DROP NAMED", K::kDrop, Target::kNamed, false},
      {"DROP SILENT ALL", K::kDrop, Target::kAll, true},
      {"CREATE SILENT GRAPH :g", K::kCreate, Target::kGraph, true},
  };
  for (const Case& c : cases) {
    op = One(c.text);
    EXPECT_EQ(op.kind, c.kind) << c.text;
    EXPECT_EQ(op.target, c.target) << c.text;
    EXPECT_EQ(op.silent, c.silent) << c.text;
  }
  UpdateError(kP + "CREATE DEFAULT");
  UpdateError(kP + "CLEAR :g");
  UpdateError("LOAD ;");
}

TEST(Update, AddMoveCopy) {
  UpdateOperation op = One("ADD SILENT DEFAULT TO GRAPH :g");
  EXPECT_EQ(op.kind, K::kAdd);
  EXPECT_TRUE(op.silent);
  EXPECT_EQ(op.from_kind, Target::kDefault);
  EXPECT_EQ(op.to_kind, Target::kGraph);
  EXPECT_EQ(*op.to_graph, "http://e/g");
  op = One("MOVE :a TO DEFAULT");
  EXPECT_EQ(op.kind, K::kMove);
  EXPECT_EQ(*op.from_graph, "http://e/a");
  EXPECT_EQ(op.to_kind, Target::kDefault);
  op = One("COPY GRAPH :a TO :b");
  EXPECT_EQ(op.kind, K::kCopy);
  EXPECT_EQ(*op.to_graph, "http://e/b");
  UpdateError(kP + "COPY :a :b");
}

TEST(Update, Sequences) {
  Update u = MustParseUpdate(kP + "CLEAR ALL ; INSERT DATA { :s :p :o } ; DROP DEFAULT ;");
  EXPECT_EQ(u.operations.size(), 3u);
  EXPECT_TRUE(MustParseUpdate("").operations.empty());
  EXPECT_TRUE(MustParseUpdate(kP).operations.empty());
  UpdateError(kP + "CREATE GRAPH :g LOAD :r INTO GRAPH :g");  // ';' required
  UpdateError(kP + "CREATE GRAPH :g ;; LOAD :r");
  UpdateError(kP + "CLEAR ALL ; ;");
  UpdateError(";");
  // Blank node labels of data blocks may not be shared between operations,
  // but template labels are local to their operation.
  UpdateError(kP + "INSERT DATA { _:b :p :o } ; INSERT DATA { _:b :p :o }");
  MustParseUpdate(kP + "INSERT { _:b :p :o } WHERE {} ; INSERT { _:b :p :o } WHERE {}");
  MustParseUpdate(kP + "INSERT DATA { _:b :p :o . GRAPH :g { _:b :q :o } }");
}

TEST(Update, QueryIsNotAnUpdate) {
  UpdateError("SELECT * {}");
  QueryError("INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }");
}

}  // namespace
}  // namespace kg::sparql

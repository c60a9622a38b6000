// The browsing pages and linked-data routes through the router
// (handlers/ui_handler.cc -> ui/ui.h), called as functions.
#include "handler_fixture.h"

namespace kg {
namespace {

const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";
const std::string kConcept = "https://w3id.org/utrecht-leert/begrip/x";

class UiHandlerTest : public testing::HandlerTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_
                    .Replace(std::string("http://g/1"),
                             {{Term::Iri(kConcept), Term::Iri(kRdfType), Term::Iri(kSkos + "Concept")},
                              {Term::Iri(kConcept), Term::Iri(kSkos + "prefLabel"),
                               Term::Literal("<script>x</script>", "nl")}})
                    .ok());
  }
};

TEST_F(UiHandlerTest, ConceptIriNegotiatesHtmlAndRdf) {
  Response html = Call("GET", "/begrip/x", {{"Accept", "text/html"}});
  EXPECT_EQ(html.status, 200);
  EXPECT_EQ(html.headers["Content-Type"], "text/html; charset=utf-8");
  EXPECT_NE(html.headers["Vary"].find("Accept"), std::string::npos);
  EXPECT_NE(html.body.find("<h1 id=\"concept-label\">&lt;script&gt;x&lt;/script&gt;</h1>"),
            std::string::npos);
  EXPECT_EQ(html.body.find("<script>x"), std::string::npos);

  Response ttl = Call("GET", "/begrip/x", {{"Accept", "text/turtle"}});
  EXPECT_EQ(ttl.status, 200);
  EXPECT_EQ(ttl.headers["Content-Type"], "text/turtle; charset=utf-8");
  EXPECT_EQ(ttl.headers["Vary"], "Accept");
  EXPECT_EQ(ttl.headers["Content-Location"], "/begrip/x?format=turtle");
  EXPECT_NE(ttl.body.find("<script>x</script>"), std::string::npos) << "data is data";
  EXPECT_EQ(ttl.headers["Access-Control-Allow-Origin"], "*");

  Response nt = Call("GET", "/begrip/x?format=ntriples", {{"Accept", "text/html"}});
  EXPECT_EQ(nt.headers["Content-Type"], "application/n-triples");
}

TEST_F(UiHandlerTest, ErrorsAndMethods) {
  EXPECT_EQ(Call("GET", "/begrip/y", {{"Accept", "text/turtle"}}).status, 404);
  Response page = Call("GET", "/begrip/y", {{"Accept", "text/html"}});
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("Niet gevonden"), std::string::npos);
  EXPECT_EQ(Call("GET", "/begrip/x", {{"Accept", "image/png"}}).status, 406);
  EXPECT_EQ(Call("GET", "/begrip/%2e%2e", {{"Accept", "text/html"}}).status, 404);
  Response post = Call("POST", "/begrip/x");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(Call("OPTIONS", "/begrip/x").status, 204);
  EXPECT_TRUE(Call("HEAD", "/begrip/x", {{"Accept", "text/html"}}).head_only);
  EXPECT_EQ(Call("GET", "/assets/../../etc/passwd").status, 404);
  EXPECT_EQ(Call("GET", "/assets/kg.css").status, 404) << "no assets folder configured";
}

TEST_F(UiHandlerTest, RootIsTextForScriptsAndHtmlForBrowsers) {
  Response text = Call("GET", "/");
  EXPECT_EQ(text.headers["Content-Type"], "text/plain; charset=utf-8");
  Response html = Call("GET", "/", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"},
                                    {"Accept-Language", "en"}});
  EXPECT_EQ(html.headers["Content-Type"], "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(UiHandlerTest, LanguageParameterSetsTheCookie) {
  Response r = Call("GET", "/index?lang=en", {{"Accept", "text/html"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Set-Cookie"].rfind("kg_lang=en;", 0), 0u);
  EXPECT_NE(r.body.find("Alphabetical index"), std::string::npos);
}

}  // namespace
}  // namespace kg

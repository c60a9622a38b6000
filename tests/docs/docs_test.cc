// service/docs/: the generated site for a small fixture graph against golden
// files, determinism, options, APA references, links and serving /docs/.
//
// Golden files: tests/docs/golden/<path> for every generated file, with the
// Graphviz <svg> elements replaced by a placeholder (their coordinates depend
// on the fonts Graphviz finds; the diagrams' nodes and links are checked by
// tests/docs/check_site.mjs). Regenerate after an intended change with
//   KG_UPDATE_GOLDEN=1 build/tests/docs_tests --gtest_filter='*Golden*'
#include "docs/docs.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "docs/apa.h"
#include "docs/serve.h"
#include "parse/rdf_input.h"

namespace kg::docs {
namespace {

namespace fs = std::filesystem;

const std::string kFixture = std::string(KG_TEST_DATA) + "/docs/fixture.ttl";
const std::string kGolden = std::string(KG_SOURCE_DIR) + "/tests/docs/golden";

std::unique_ptr<Store> LoadFixture() {
  auto store = std::make_unique<Store>();
  auto loaded = LoadPaths(*store, {kFixture});
  EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
  return store;
}

DocsOptions Both() {
  DocsOptions o;
  o.languages = {"nl", "en"};
  o.html = o.markdown = true;
  return o;
}

std::string WithoutSvg(const std::string& text) {
  static const std::regex svg("<svg[\\s\\S]*?</svg>");
  return std::regex_replace(text, svg, "<svg><!-- diagram --></svg>");
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(DocsGolden, FixtureSiteMatchesGoldenFiles) {
  auto store = LoadFixture();
  auto site = GenerateSite(*store, Both());
  ASSERT_TRUE(site.ok()) << site.error().ToString();
  if (std::getenv("KG_UPDATE_GOLDEN")) {
    fs::remove_all(kGolden);
    Site stripped;
    for (const auto& [path, content] : *site) stripped[path] = WithoutSvg(content);
    ASSERT_TRUE(WriteSite(stripped, kGolden).ok());
    GTEST_SKIP() << "golden files written to " << kGolden;
  }
  std::set<std::string> golden_files;
  for (const auto& e : fs::recursive_directory_iterator(kGolden))
    if (e.is_regular_file()) golden_files.insert(fs::relative(e.path(), kGolden).generic_string());
  std::set<std::string> generated;
  for (const auto& [path, content] : *site) generated.insert(path);
  EXPECT_EQ(generated, golden_files);
  for (const auto& [path, content] : *site) {
    if (!golden_files.count(path)) continue;
    EXPECT_EQ(WithoutSvg(content), ReadFile(fs::path(kGolden) / path)) << path;
  }
}

TEST(Docs, SameGraphGivesByteIdenticalOutput) {
  auto a = GenerateSite(*LoadFixture(), Both());
  auto b = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (const auto& [path, content] : *a) EXPECT_EQ(content, b->at(path)) << path;  // SVGs included
}

TEST(Docs, EveryConceptWorkSchemeAndTermHasAPagePerLanguage) {
  auto site = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(site.ok());
  for (std::string lang : {"nl", "en"})
    for (std::string page : {"index.html", "README.md", "begrip/grens.html", "begrip/coordinatie.md",
                             "begrip/coordinatie-2.html", "begrip/leren.html", "begrip/reflectie.md",
                             "schema/grenzen.html", "schema/leren.md", "werk/akkerman-2011.html",
                             "werk/wenger-1998.md", "werk/brochure.html", "werk/rer.html",
                             "ontologie/index.html", "ontologie/Mechanism.html", "ontologie/leadsTo.md",
                             "bronnen.html", "register.md"})
      EXPECT_TRUE(site->count(lang + "/" + page)) << lang << "/" << page;
  // The concept under the base keeps its short id; the one outside it
  // (same local name) gets the numbered slug.
  EXPECT_NE(site->at("nl/begrip/coordinatie.html").find("https://w3id.org/utrecht-leert/begrip/coordinatie"),
            std::string::npos);
  EXPECT_NE(site->at("nl/begrip/coordinatie-2.html").find("http://example.org/other/coordinatie"),
            std::string::npos);
}

TEST(Docs, ConceptPageHasBothLanguagesPassageDiagramAndJsonLd) {
  auto site = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(site.ok());
  const std::string& page = site->at("nl/begrip/grens.html");
  EXPECT_NE(page.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(page.find("Een verschil tussen praktijken."), std::string::npos);
  EXPECT_NE(page.find("A difference between practices."), std::string::npos);
  EXPECT_NE(page.find("Grenzen zijn overal."), std::string::npos);   // the quoted passage
  EXPECT_NE(page.find("<svg"), std::string::npos);                   // the diagram, inline
  EXPECT_NE(page.find("href=\"coordinatie.html\""), std::string::npos);
  EXPECT_NE(page.find("<script type=\"application/ld+json\">"), std::string::npos);
  EXPECT_NE(page.find("\"@id\": \"begrip:grens\""), std::string::npos);
  EXPECT_NE(page.find("href=\"../ontologie/leadsTo.html\""), std::string::npos);
  EXPECT_NE(page.find("hreflang=\"en\" href=\"../../en/begrip/grens.html\""), std::string::npos);
  // The Markdown page: the diagram as Mermaid with links to .md pages.
  const std::string& md = site->at("nl/begrip/grens.md");
  EXPECT_NE(md.find("```mermaid\nflowchart LR\n"), std::string::npos);
  EXPECT_NE(md.find("click n1 \""), std::string::npos);
}

TEST(Docs, SchemeTreesAndDiagramsShowConceptsOnly) {
  auto site = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(site.ok());
  // The skos:Collection in schema:leren is neither in the table of contents
  // nor in the overview diagram, and every overview node has a page.
  for (const char* page : {"nl/index.html", "nl/schema/leren.html", "nl/README.md"})
    EXPECT_EQ(site->at(page).find("Mechanismen (collectie)"), std::string::npos) << page;
}

TEST(Docs, DataIsEscapedInHtmlAndMarkdown) {
  auto site = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(site.ok());
  // skos:definition "Begrippen over grenzen & <randen>."
  EXPECT_NE(site->at("nl/schema/grenzen.html").find("grenzen &amp; &lt;randen&gt;."), std::string::npos);
  EXPECT_EQ(site->at("nl/schema/grenzen.html").find("<randen>"), std::string::npos);
  EXPECT_NE(site->at("nl/schema/grenzen.md").find("grenzen \\& \\<randen\\>."), std::string::npos);
}

TEST(Docs, BaseUrlMakesLinksAbsolute) {
  DocsOptions o;
  o.base_url = "https://example.org/kg-docs";
  auto site = GenerateSite(*LoadFixture(), o);
  ASSERT_TRUE(site.ok());
  const std::string& page = site->at("nl/begrip/grens.html");
  EXPECT_NE(page.find("href=\"https://example.org/kg-docs/nl/begrip/coordinatie.html\""), std::string::npos);
  EXPECT_NE(page.find("href=\"https://example.org/kg-docs/assets/docs.css\""), std::string::npos);
  EXPECT_EQ(page.find("href=\"../"), std::string::npos);
  EXPECT_FALSE(site->count("nl/README.md"));  // html only by default
  EXPECT_FALSE(site->count("en/index.html"));  // nl only by default
}

TEST(Docs, TitleNamesTheSiteAndDropsTheProgrammeTagline) {
  DocsOptions o = Both();
  o.title = "UNESCO <Thesaurus> & co";
  auto site = GenerateSite(*LoadFixture(), o);
  ASSERT_TRUE(site.ok());
  for (const char* path : {"index.html", "nl/index.html", "en/begrip/grens.html"}) {
    const std::string& page = site->at(path);
    EXPECT_NE(page.find("UNESCO &lt;Thesaurus&gt; &amp; co"), std::string::npos) << path;
    // (the fixture's own data names the programme "Utrecht Leert — ...")
    EXPECT_EQ(page.find("Utrecht Leert — begrippen"), std::string::npos) << path;
    EXPECT_EQ(page.find("Utrecht Leert — concepts"), std::string::npos) << path;
    EXPECT_EQ(page.find("Kennisgraaf van Vernieuwend Opleiden"), std::string::npos) << path;
  }
  EXPECT_NE(site->at("en/README.md").find("# UNESCO"), std::string::npos);
  EXPECT_EQ(site->at("en/README.md").find("Utrecht Leert — concepts"), std::string::npos);
  // The default keeps the built-in name.
  auto plain = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(plain->at("nl/index.html").find("Utrecht Leert — begrippen"), std::string::npos);
}

TEST(Docs, BadOptionsAreRefused) {
  auto store = LoadFixture();
  DocsOptions o;
  o.languages = {"de"};
  EXPECT_EQ(GenerateSite(*store, o).error().code, Error::Code::kBadRequest);
  o.languages = {"nl", "nl"};
  EXPECT_EQ(GenerateSite(*store, o).error().code, Error::Code::kBadRequest);
  o.languages = {};
  EXPECT_EQ(GenerateSite(*store, o).error().code, Error::Code::kBadRequest);
  o.languages = {"en"};
  o.html = false;
  EXPECT_EQ(GenerateSite(*store, o).error().code, Error::Code::kBadRequest);
}

TEST(Docs, EmptyGraphGivesAnEmptyButValidSite) {
  Store store;
  auto site = GenerateSite(store, DocsOptions{});
  ASSERT_TRUE(site.ok()) << site.error().ToString();
  EXPECT_TRUE(site->count("nl/index.html"));
  EXPECT_NE(site->at("nl/register.html").find("Geen begrippen."), std::string::npos);
}

TEST(Docs, WriteSiteWritesEveryFile) {
  auto site = GenerateSite(*LoadFixture(), Both());
  ASSERT_TRUE(site.ok());
  fs::path dir = fs::temp_directory_path() / ("kg-docs-test-" + std::to_string(::getpid()));
  ASSERT_TRUE(WriteSite(*site, dir.string()).ok());
  for (const auto& [path, content] : *site) EXPECT_EQ(ReadFile(dir / path), content) << path;
  fs::remove_all(dir);
  // A file where a folder must go: the error names it.
  fs::create_directories(dir);
  std::ofstream(dir / "nl") << "x";
  auto s = WriteSite(*site, dir.string());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Error::Code::kIo);
  fs::remove_all(dir);
}

// ---- APA 7 ------------------------------------------------------------------

vocabulary::Ref Agent(const std::string& name) {
  return {"https://w3id.org/utrecht-leert/agent/" + name, "", {{"", {name}}}};
}

TEST(Apa, ArticleWithTwoAuthors) {
  vocabulary::Work w;
  w.iri = "https://w3id.org/utrecht-leert/werk/a";
  w.types = {"http://purl.org/ontology/bibo/AcademicArticle"};
  w.titles = {{"", {"Boundary crossing and boundary objects"}}};
  w.authors = {Agent("Akkerman, S. F."), Agent("Bakker, A.")};
  w.year = "2011";
  w.part_of = vocabulary::Ref{"https://w3id.org/utrecht-leert/werk/rer", "", {{"", {"Review of Educational Research"}}}};
  w.volume = "81";
  w.issue = "2";
  w.page_start = "132";
  w.page_end = "169";
  auto ref = ApaReference(w, "en", {});
  EXPECT_EQ(PlainText(ref),
            "Akkerman, S. F., & Bakker, A. (2011). Boundary crossing and boundary objects. Review of "
            "Educational Research, 81(2), 132–169.");
  // The journal and the volume are italic, the article title is not.
  for (const auto& s : ref) {
    if (s.text == "Review of Educational Research" || s.text == "81") {
      EXPECT_TRUE(s.italic) << s.text;
    }
    if (s.text == "Boundary crossing and boundary objects") {
      EXPECT_FALSE(s.italic);
    }
  }
}

TEST(Apa, BookThreeAuthorsPublisherAndUrl) {
  vocabulary::Work w;
  w.types = {"http://purl.org/ontology/bibo/Book"};
  w.titles = {{"nl", {"Opvoeden"}}};
  w.authors = {Agent("A, A."), Agent("B, B."), Agent("C, C.")};
  w.year = "2020";
  w.publishers = {Agent("Uitgeverij")};
  w.url = "https://example.org/boek";
  auto ref = ApaReference(w, "nl", {});
  EXPECT_EQ(PlainText(ref), "A, A., B, B., & C, C. (2020). Opvoeden. Uitgeverij. https://example.org/boek");
  EXPECT_EQ(ref.back().url, "https://example.org/boek");
}

TEST(Apa, GroupAuthorNoDateAndFullDateOfALetter) {
  vocabulary::Work letter;
  letter.types = {"http://purl.org/ontology/bibo/Letter"};
  letter.titles = {{"nl", {"Kamerbrief"}}};
  letter.publishers = {Agent("Rijksoverheid")};  // leads as group author, not repeated
  letter.year = "2020";
  letter.date = "2020-11-04";
  EXPECT_EQ(PlainText(ApaReference(letter, "nl", {})), "Rijksoverheid. (2020, 4 november). Kamerbrief.");
  EXPECT_EQ(PlainText(ApaReference(letter, "en", {})), "Rijksoverheid. (2020, November 4). Kamerbrief.");
  vocabulary::Work anonymous;
  anonymous.titles = {{"nl", {"Zonder maker"}}};
  EXPECT_EQ(PlainText(ApaReference(anonymous, "nl", {})), "Zonder maker. (z.d.).");
  EXPECT_EQ(PlainText(ApaReference(anonymous, "en", {})), "Zonder maker. (n.d.).");
}

TEST(Apa, TwentyOneAuthorsShowTheFirstNineteenAndTheLast) {
  vocabulary::Work w;
  w.titles = {{"", {"T"}}};
  w.year = "2000";
  for (int i = 1; i <= 21; ++i) w.authors.push_back(Agent("N" + std::to_string(i) + ", X."));
  std::string text = PlainText(ApaReference(w, "en", {}));
  EXPECT_NE(text.find("N19, X., … N21, X. (2000)."), std::string::npos) << text;
  EXPECT_EQ(text.find("N20"), std::string::npos);
}

// ---- Serving /docs/ ----------------------------------------------------------

Request Get(const std::string& target) {
  Request r;
  r.method = "GET";
  r.target = target;
  return r;
}

TEST(ServeDocs, PagesRedirectsErrorsAndEtags) {
  auto store = LoadFixture();
  DocsState state;
  state.options.languages = {"nl", "en"};
  auto r = ServeDocs(Get("/docs"), *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 301);
  EXPECT_EQ(r->headers.at("Location"), "/docs/");
  r = ServeDocs(Get("/docs/"), *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->headers.at("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("en/index.html"), std::string::npos);
  r = ServeDocs(Get("/docs/nl/"), *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("<html lang=\"nl\">"), std::string::npos);
  r = ServeDocs(Get("/docs/en/begrip/grens.html"), *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->body.find("boundary"), std::string::npos);
  r = ServeDocs(Get("/docs/assets/docs.css"), *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->headers.at("Content-Type"), "text/css; charset=utf-8");
  std::string etag = r->headers.at("ETag");
  Request again = Get("/docs/assets/docs.css");
  again.headers["If-None-Match"] = etag;
  r = ServeDocs(again, *store, state);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 304);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(ServeDocs(Get("/docs/nl/begrip/nope.html"), *store, state).error().code, Error::Code::kNotFound);
  EXPECT_EQ(ServeDocs(Get("/docs/../etc/passwd"), *store, state).error().code, Error::Code::kNotFound);
  Request post = Get("/docs/");
  post.method = "POST";
  EXPECT_EQ(ServeDocs(post, *store, state).error().code, Error::Code::kMethodNotAllowed);
}

TEST(ServeDocs, AWriteRegeneratesTheSite) {
  auto store = LoadFixture();
  DocsState state;
  ASSERT_TRUE(ServeDocs(Get("/docs/nl/index.html"), *store, state).ok());
  EXPECT_EQ(ServeDocs(Get("/docs/nl/begrip/nieuw.html"), *store, state).error().code, Error::Code::kNotFound);
  auto added = LoadPaths(*store, {std::string(KG_TEST_DATA) + "/docs/extra.ttl"});
  ASSERT_TRUE(added.ok()) << added.error().ToString();
  auto r = ServeDocs(Get("/docs/nl/begrip/nieuw.html"), *store, state);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_NE(r->body.find("nieuw begrip"), std::string::npos);
}

}  // namespace
}  // namespace kg::docs

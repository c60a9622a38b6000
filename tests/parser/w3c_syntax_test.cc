// The W3C SPARQL 1.0 / 1.1 syntax tests (and every query and update of the
// evaluation tests, which must parse) against ParseQuery / ParseUpdate.
//
// Test lists come from the manifests: a small Turtle statement splitter
// (strings, IRIs, comments and brackets aware) plus regular expressions for
// the test type and its mf:action / qt:query / ut:request — enough for the
// regular layout of these manifests, without an RDF library.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parser/parser.h"

namespace kg::sparql {
namespace {

namespace fs = std::filesystem;

// Tests we knowingly fail, each with the reason. Keep empty if possible.
const std::map<std::string, std::string> kExpectedFailures = {
};

fs::path FindSuites() {
  std::vector<fs::path> candidates;
  if (const char* s = std::getenv("KG_SHARED")) candidates.emplace_back(s);
#ifdef KG_SOURCE_DIR
  candidates.emplace_back(fs::path(KG_SOURCE_DIR) / ".." / "shared");
#endif
  candidates.emplace_back("/work/shared");
  for (const fs::path& c : candidates)
    if (fs::exists(c / "sparql-tests" / "sparql11")) return c / "sparql-tests";
  return {};
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Splits Turtle text into top-level statements (ending in '.').
std::vector<std::string> Statements(const std::string& ttl) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (std::size_t i = 0; i < ttl.size(); ++i) {
    char c = ttl[i];
    if (c == '#') {
      while (i < ttl.size() && ttl[i] != '\n') ++i;
      cur += '\n';
      continue;
    }
    if (c == '<') {
      std::size_t end = ttl.find('>', i);
      if (end == std::string::npos) end = ttl.size() - 1;
      cur += ttl.substr(i, end - i + 1);
      i = end;
      continue;
    }
    if (c == '"' || c == '\'') {
      bool lng = ttl.compare(i, 3, std::string(3, c)) == 0;
      std::size_t j = i + (lng ? 3 : 1);
      while (j < ttl.size()) {
        if (ttl[j] == '\\') {
          j += 2;
          continue;
        }
        if (lng ? ttl.compare(j, 3, std::string(3, c)) == 0 : ttl[j] == c) break;
        ++j;
      }
      j += lng ? 3 : 1;
      cur += ttl.substr(i, std::min(j, ttl.size()) - i);
      i = j - 1;
      continue;
    }
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') --depth;
    if (c == '.' && depth == 0 &&
        (i + 1 == ttl.size() || std::isspace(static_cast<unsigned char>(ttl[i + 1])))) {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  return out;
}

struct Case {
  fs::path file;
  std::string w3c_iri;  // the file's IRI in the W3C test space (base for relative IRIs)
  bool positive = true;
  bool update = false;
  std::string type;
};

std::vector<Case> CollectCases(const fs::path& root) {
  static const std::regex kType(R"((?:rdf:type|\ba)\s+mf:(\w+))");
  static const std::regex kAction(R"((?:mf:action|qt:query|ut:request)\s+<([^>]*)>)");
  std::map<std::string, Case> cases;  // by file, so a file listed twice counts once
  for (const char* suite : {"sparql10", "sparql11"}) {
    std::string w3c = std::string(suite) == "sparql10"
                          ? "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/"
                          : "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/";
    for (const auto& entry : fs::recursive_directory_iterator(root / suite)) {
      std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".ttl" || name.rfind("manifest", 0) != 0) continue;
      for (const std::string& st : Statements(ReadFile(entry.path()))) {
        std::smatch m;
        if (!std::regex_search(st, m, kType)) continue;
        std::string type = m[1];
        bool syntax = type.find("SyntaxTest") != std::string::npos;
        bool eval = type == "QueryEvaluationTest" || type == "UpdateEvaluationTest" ||
                    type == "CSVResultFormatTest";
        if (!syntax && !eval) continue;
        for (auto it = std::sregex_iterator(st.begin(), st.end(), kAction);
             it != std::sregex_iterator(); ++it) {
          std::string rel = (*it)[1];
          if (rel.empty() || rel.find(':') != std::string::npos) continue;
          fs::path file = (entry.path().parent_path() / rel).lexically_normal();
          std::string ext = file.extension().string();
          if (ext != ".rq" && ext != ".ru") continue;
          Case c;
          c.file = file;
          c.w3c_iri = w3c + fs::relative(file, root / suite).generic_string();
          c.positive = type.rfind("Negative", 0) != 0;
          c.update = ext == ".ru" || type.find("Update") != std::string::npos;
          c.type = type;
          cases[file.string()] = c;
        }
      }
    }
  }
  std::vector<Case> out;
  for (auto& [k, c] : cases) out.push_back(c);
  return out;
}

TEST(W3cSyntax, AllManifests) {
  fs::path root = FindSuites();
  if (root.empty()) GTEST_SKIP() << "W3C SPARQL test suites not found (set KG_SHARED)";
  std::vector<Case> cases = CollectCases(root);
  ASSERT_GT(cases.size(), 500u) << "manifest reader found too few tests";
  int pos_total = 0, pos_ok = 0, neg_total = 0, neg_ok = 0, expected_fail = 0;
  std::set<std::string> used_expected;
  for (const Case& c : cases) {
    std::string text = ReadFile(c.file);
    bool ok = c.update ? ParseUpdate(text, c.w3c_iri).ok() : ParseQuery(text, c.w3c_iri).ok();
    std::string msg;
    if (!ok) {
      msg = c.update ? ParseUpdate(text, c.w3c_iri).error().ToString()
                     : ParseQuery(text, c.w3c_iri).error().ToString();
    }
    bool pass = ok == c.positive;
    (c.positive ? pos_total : neg_total)++;
    if (pass) (c.positive ? pos_ok : neg_ok)++;
    std::string rel = fs::relative(c.file, root).generic_string();
    auto xf = kExpectedFailures.find(rel);
    if (xf != kExpectedFailures.end()) {
      used_expected.insert(rel);
      EXPECT_FALSE(pass) << rel << " is listed as an expected failure but now passes";
      ++expected_fail;
      continue;
    }
    EXPECT_TRUE(pass) << rel << " (" << c.type << ") should "
                      << (c.positive ? "parse but fails: " + msg : "fail but parses");
  }
  std::cout << "W3C syntax: positive " << pos_ok << "/" << pos_total << ", negative " << neg_ok
            << "/" << neg_total << " (expected failures: " << expected_fail << ")\n";
  for (const auto& [k, why] : kExpectedFailures)
    EXPECT_TRUE(used_expected.count(k)) << "expected failure " << k << " not in the suites";
}

}  // namespace
}  // namespace kg::sparql

#include "parse/rdf_input.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parse/jsonld.h"

namespace kg {

namespace fs = std::filesystem;

const std::vector<Format>& ReadableFormats() {
  static const std::vector<Format> v{Format::kTurtle, Format::kNTriples, Format::kRdfXml,
                                     Format::kJsonLd};
  return v;
}

Result<ParsedRdf> ParseRdfBody(std::string_view body, std::string_view media_type,
                               const std::string& base_iri) {
  auto format = FormatFromMediaType(media_type);
  // Plain JSON bodies are read as JSON-LD (what JSON-LD clients often send).
  if (format == Format::kJson) format = Format::kJsonLd;
  if (!format)
    return Error::UnsupportedMedia("cannot read Content-Type '" + std::string(media_type) +
                                   "'; readable: " + MediaTypeList(ReadableFormats()));
  switch (*format) {
    case Format::kTurtle:
      return RdfCodec::ForThisThread().Parse(body, RdfSyntax::kTurtle, base_iri);
    case Format::kNTriples:
      return RdfCodec::ForThisThread().Parse(body, RdfSyntax::kNTriples, base_iri);
    case Format::kRdfXml:
      return RdfCodec::ForThisThread().Parse(body, RdfSyntax::kRdfXml, base_iri);
    case Format::kJsonLd: {
      auto g = ReadJsonLd(body, base_iri);
      if (!g.ok()) return g.error();
      return ParsedRdf{std::move(g.value()), {}};
    }
    default:
      return Error::UnsupportedMedia("cannot read Content-Type '" + std::string(media_type) +
                                     "'; readable: " + MediaTypeList(ReadableFormats()));
  }
}

std::string FileIri(const std::string& path) {
  std::string abs = fs::absolute(path).lexically_normal().string();
  std::string out = "file://";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : abs) {
    bool keep = std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

bool IsRdfFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".jsonld" || RdfSyntaxFromExtension(p.string()).has_value();
}

Result<ParsedRdf> ParseFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error::Io("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string base = FileIri(p.string());
  if (p.extension() == ".jsonld") {
    auto g = ReadJsonLd(ss.str(), base);
    if (!g.ok()) return g.error();
    return ParsedRdf{std::move(g.value()), {}};
  }
  return RdfCodec::ForThisThread().Parse(ss.str(), *RdfSyntaxFromExtension(p.string()), base);
}

}  // namespace

Result<LoadReport> LoadPaths(Store& store, const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> in_dir;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.is_regular_file() && IsRdfFile(entry.path())) in_dir.push_back(entry.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(path, ec)) {
      if (!IsRdfFile(path)) return Error::Io(path + ": unknown RDF file extension");
      files.emplace_back(path);
    } else {
      return Error::Io(path + ": no such file or directory");
    }
  }
  LoadReport report;
  for (const auto& f : files) {
    auto parsed = ParseFile(f);
    if (!parsed.ok()) {
      Error e = parsed.error();
      e.message = f.string() + ": " + e.message;
      return e;
    }
    std::string graph = FileIri(f.string());
    if (auto st = store.Replace(graph, parsed->triples); !st.ok()) return st.error();
    store.AddPrefixes(parsed->prefixes);
    for (const auto& w : parsed->warnings) report.warnings.push_back(f.string() + ": " + w);
    report.files++;
    report.triples += parsed->triples.size();
    report.graphs.push_back(graph);
  }
  return report;
}

}  // namespace kg

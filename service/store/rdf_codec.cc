#include "store/rdf_codec.h"

#include <raptor2.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

#include "store/handle.h"
#include "store/rdf_world.h"

namespace kg {
namespace {

using store_internal::RaptorIostreamPtr;
using store_internal::RaptorParserPtr;
using store_internal::RaptorSerializerPtr;
using store_internal::RaptorUriPtr;

using RaptorWorldPtr =
    store_internal::Handle<raptor_world, raptor_free_world>;

const char* ParserName(RdfSyntax s) {
  switch (s) {
    case RdfSyntax::kTurtle: return "turtle";
    case RdfSyntax::kNTriples: return "ntriples";
    case RdfSyntax::kRdfXml: return "rdfxml";
    case RdfSyntax::kNQuads: return "nquads";
    case RdfSyntax::kTrig: return "trig";
  }
  return "turtle";
}

Term FromRaptorTerm(const raptor_term* t, const std::string& bnode_prefix) {
  switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::Iri(reinterpret_cast<const char*>(raptor_uri_as_string(t->value.uri)));
    case RAPTOR_TERM_TYPE_BLANK:
      return Term::Blank(bnode_prefix +
                         std::string(reinterpret_cast<const char*>(t->value.blank.string),
                                     t->value.blank.string_len));
    case RAPTOR_TERM_TYPE_LITERAL: {
      const auto& l = t->value.literal;
      std::string lex(reinterpret_cast<const char*>(l.string), l.string_len);
      std::string lang = l.language ? std::string(reinterpret_cast<const char*>(l.language),
                                                  l.language_len)
                                    : std::string();
      std::string dt =
          l.datatype ? reinterpret_cast<const char*>(raptor_uri_as_string(l.datatype)) : "";
      return Term::Literal(std::move(lex), std::move(lang), std::move(dt));
    }
    default:
      return Term::Blank(bnode_prefix + "unknown");
  }
}

struct Diag {
  int level;
  std::string text;
  int line, column;
};

void LogHandler(void* user_data, raptor_log_message* m) {
  auto* diags = static_cast<std::vector<Diag>*>(user_data);
  diags->push_back({static_cast<int>(m->level), m->text ? m->text : "",
                    m->locator ? raptor_locator_line(m->locator) : 0,
                    m->locator ? raptor_locator_column(m->locator) : 0});
}

}  // namespace

std::optional<RdfSyntax> RdfSyntaxFromExtension(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view ext = path.substr(dot + 1);
  if (ext == "ttl" || ext == "turtle") return RdfSyntax::kTurtle;
  if (ext == "nt") return RdfSyntax::kNTriples;
  if (ext == "rdf" || ext == "owl" || ext == "xml") return RdfSyntax::kRdfXml;
  if (ext == "nq") return RdfSyntax::kNQuads;
  if (ext == "trig") return RdfSyntax::kTrig;
  return std::nullopt;
}

struct RdfCodec::Impl {
  RaptorWorldPtr world;
  std::vector<Diag> diags;
};

RdfCodec::RdfCodec() : impl_(std::make_unique<Impl>()) {
  std::lock_guard<std::mutex> lock(store_internal::WorldLifecycleMutex());
  impl_->world.reset(raptor_new_world());
  raptor_world_set_log_handler(impl_->world.get(), &impl_->diags, LogHandler);
  raptor_world_open(impl_->world.get());
}

RdfCodec::~RdfCodec() {
  std::lock_guard<std::mutex> lock(store_internal::WorldLifecycleMutex());
  impl_.reset();
}

RdfCodec& RdfCodec::ForThisThread() {
  thread_local RdfCodec codec;
  return codec;
}

namespace {

struct ParseState {
  ParsedRdf* out;
  std::string bnode_prefix;
};

void OnStatement(void* user_data, raptor_statement* st) {
  auto* state = static_cast<ParseState*>(user_data);
  state->out->triples.push_back({FromRaptorTerm(st->subject, state->bnode_prefix),
                                 FromRaptorTerm(st->predicate, state->bnode_prefix),
                                 FromRaptorTerm(st->object, state->bnode_prefix)});
}

void OnNamespace(void* user_data, raptor_namespace* ns) {
  auto* state = static_cast<ParseState*>(user_data);
  const unsigned char* prefix = raptor_namespace_get_prefix(ns);
  raptor_uri* uri = raptor_namespace_get_uri(ns);
  if (!uri) return;
  std::string p = prefix ? reinterpret_cast<const char*>(prefix) : "";
  std::string u = reinterpret_cast<const char*>(raptor_uri_as_string(uri));
  for (auto& [have_p, have_u] : state->out->prefixes)
    if (have_p == p) {
      have_u = u;
      return;
    }
  state->out->prefixes.emplace_back(std::move(p), std::move(u));
}

}  // namespace

Result<ParsedRdf> RdfCodec::Parse(std::string_view data, RdfSyntax syntax,
                                  const std::string& base_iri) {
  raptor_world* w = impl_->world.get();
  impl_->diags.clear();
  RaptorParserPtr parser(raptor_new_parser(w, ParserName(syntax)));
  if (!parser) return Error::Internal("raptor has no parser for this syntax");
  // Blank node labels must not collide across documents loaded into one
  // store: prefix them with a per-call serial number.
  static std::atomic<unsigned long> serial{0};
  ParsedRdf result;
  ParseState state{&result, "b" + std::to_string(++serial) + "_"};
  raptor_parser_set_statement_handler(parser.get(), &state, OnStatement);
  raptor_parser_set_namespace_handler(parser.get(), &state, OnNamespace);
  // Never fetch anything from the network while parsing client data.
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
  RaptorUriPtr base(raptor_new_uri(w, reinterpret_cast<const unsigned char*>(base_iri.c_str())));
  if (!base) return Error::BadRequest("invalid base IRI: " + base_iri);
  int rc = raptor_parser_parse_start(parser.get(), base.get());
  if (rc == 0) {
    rc = raptor_parser_parse_chunk(parser.get(),
                                   reinterpret_cast<const unsigned char*>(data.data()),
                                   data.size(), 0);
  }
  if (rc == 0) rc = raptor_parser_parse_chunk(parser.get(), nullptr, 0, 1);
  for (const auto& d : impl_->diags) {
    if (d.level >= RAPTOR_LOG_LEVEL_ERROR) return Error::Syntax(d.text, d.line, d.column);
    if (d.level == RAPTOR_LOG_LEVEL_WARN)
      result.warnings.push_back(d.line > 0 ? d.text + " (line " + std::to_string(d.line) + ")"
                                           : d.text);
  }
  if (rc != 0) return Error::Syntax("RDF data could not be parsed");
  return result;
}

namespace {

// Fills a raptor_term on the stack-owned storage `uri_keep` (raptor terms
// built with raptor_new_term_* are reference-counted; we free them after).
raptor_term* ToRaptorTerm(raptor_world* w, const Term& t) {
  const auto* v = reinterpret_cast<const unsigned char*>(t.value.c_str());
  switch (t.kind) {
    case Term::Kind::kIri:
      return raptor_new_term_from_uri_string(w, v);
    case Term::Kind::kBlank:
      return raptor_new_term_from_blank(w, v);
    case Term::Kind::kLiteral: {
      if (t.language.size() > 255) return nullptr;  // raptor keeps the length in a byte
      RaptorUriPtr dt;
      if (!t.datatype.empty()) {
        dt.reset(raptor_new_uri(w, reinterpret_cast<const unsigned char*>(t.datatype.c_str())));
        if (!dt) return nullptr;
      }
      return raptor_new_term_from_counted_literal(
          w, v, t.value.size(), dt.get(),
          t.language.empty() ? nullptr
                             : reinterpret_cast<const unsigned char*>(t.language.c_str()),
          static_cast<unsigned char>(t.language.size()));
    }
  }
  return nullptr;
}

const char* SerializerName(RdfSyntax s) {
  switch (s) {
    case RdfSyntax::kTurtle: return "turtle";
    case RdfSyntax::kNTriples: return "ntriples";
    case RdfSyntax::kRdfXml: return "rdfxml-abbrev";
    case RdfSyntax::kNQuads: return "nquads";
    case RdfSyntax::kTrig: return "trig";
  }
  return "turtle";
}

}  // namespace

Result<std::string> RdfCodec::Serialize(const Graph& graph, RdfSyntax syntax,
                                        const PrefixMap& prefixes) {
  raptor_world* w = impl_->world.get();
  impl_->diags.clear();
  RaptorSerializerPtr ser(raptor_new_serializer(w, SerializerName(syntax)));
  if (!ser) return Error::Internal("raptor has no serializer for this syntax");
  for (const auto& [prefix, iri] : prefixes) {
    RaptorUriPtr u(raptor_new_uri(w, reinterpret_cast<const unsigned char*>(iri.c_str())));
    if (!u) continue;
    raptor_serializer_set_namespace(
        ser.get(), u.get(),
        prefix.empty() ? nullptr : reinterpret_cast<const unsigned char*>(prefix.c_str()));
  }
  void* buffer = nullptr;
  size_t length = 0;
  if (raptor_serializer_start_to_string(ser.get(), nullptr, &buffer, &length) != 0)
    return Error::Internal("raptor serializer could not start");
  for (const auto& t : graph) {
    raptor_term* s = ToRaptorTerm(w, t.subject);
    raptor_term* p = ToRaptorTerm(w, t.predicate);
    raptor_term* o = ToRaptorTerm(w, t.object);
    if (!s || !p || !o) {
      // Raptor cannot make a term of this (e.g. an empty IRI, a language tag
      // over 255 bytes); a NULL term in a statement crashes its serializers
      // (found by tests/fuzz/serialize_fuzz.cc).
      for (raptor_term* x : {s, p, o})
        if (x) raptor_free_term(x);
      raptor_serializer_serialize_end(ser.get());  // frees its string iostream
      ser.reset();
      if (buffer) raptor_free_memory(buffer);
      return Error::Internal("serializer: cannot write the term " +
                             std::string(!s ? "<" + t.subject.value + ">"
                                         : !p ? "<" + t.predicate.value + ">"
                                              : "\"" + t.object.value + "\""));
    }
    raptor_statement* st = raptor_new_statement_from_nodes(w, s, p, o, nullptr);
    if (st) {
      raptor_serializer_serialize_statement(ser.get(), st);
      raptor_free_statement(st);
    }
  }
  raptor_serializer_serialize_end(ser.get());
  ser.reset();  // flushes into buffer
  std::string out;
  if (buffer) {
    out.assign(static_cast<const char*>(buffer), length);
    raptor_free_memory(buffer);
  }
  for (const auto& d : impl_->diags)
    if (d.level >= RAPTOR_LOG_LEVEL_ERROR) return Error::Internal("serializer: " + d.text);
  return out;
}

}  // namespace kg

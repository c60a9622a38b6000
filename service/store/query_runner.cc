#include "store/query_runner.h"

#include <memory>
#include <regex>

#include "core/ntriples.h"

namespace kg::store_internal {
namespace {

// Rasqal's name for the SPARQL 1.1 query language.
constexpr const char* kLanguage = "sparql11-query";

std::string S(const unsigned char* p) { return p ? reinterpret_cast<const char*>(p) : ""; }
const unsigned char* U(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

Term FromRasqal(rasqal_literal* l) {
  switch (l->type) {
    case RASQAL_LITERAL_URI:
      return Term::Iri(S(raptor_uri_as_string(l->value.uri)));
    case RASQAL_LITERAL_BLANK:
      return Term::Blank(S(l->string));
    default: {
      std::string lex(reinterpret_cast<const char*>(l->string), l->string_len);
      std::string dt = l->datatype ? S(raptor_uri_as_string(l->datatype)) : "";
      return Term::Literal(std::move(lex), l->language ? l->language : "", std::move(dt));
    }
  }
}

Term FromRaptor(const raptor_term* t) {
  switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::Iri(S(raptor_uri_as_string(t->value.uri)));
    case RAPTOR_TERM_TYPE_BLANK:
      return Term::Blank(S(t->value.blank.string));
    default: {
      const auto& l = t->value.literal;
      return Term::Literal(std::string(reinterpret_cast<const char*>(l.string), l.string_len),
                           S(l.language), l.datatype ? S(raptor_uri_as_string(l.datatype)) : "");
    }
  }
}

bool HasGraphOperator(rasqal_graph_pattern* gp) {
  if (!gp) return false;
  if (rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH) return true;
  for (int i = 0;; ++i) {
    rasqal_graph_pattern* sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i);
    if (!sub) break;
    if (HasGraphOperator(sub)) return true;
  }
  return false;
}

// Rasqal 0.9.33 rejects some valid SPARQL 1.1 with a bare "syntax error".
// Name the feature so a client learns it is the engine, not their query.
std::string UnsupportedFeature(const std::string& q) {
  // A path element: <iri>, prefix:name, or the keyword a.
  static const std::string kElem = R"((?:<x>|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]+|\ba\b))";
  static const std::vector<std::pair<std::regex, std::string>> kFeatures = [] {
    auto icase = std::regex::ECMAScript | std::regex::icase;
    return std::vector<std::pair<std::regex, std::string>>{
        {std::regex(R"(\bNOT\s+EXISTS\b)", icase), "NOT EXISTS"},
        {std::regex(R"(\bEXISTS\s*\{)", icase), "EXISTS"},
        {std::regex(R"(\bMINUS\s*\{)", icase), "MINUS"},
        {std::regex(R"(\bSERVICE\b)", icase), "SERVICE (federated query)"},
        // Property paths: an element followed by a modifier (a '?' directly
        // followed by a name is a variable), a sequence, an alternative, an
        // inverse, or a negated property set.
        {std::regex(kElem + R"(\s*(?:[*+]|\?(?![\w])))"), "property paths"},
        {std::regex(kElem + R"(\s*(?:/|\|(?!\|))\s*(?:\^|!|\(|)" + kElem + ")"),
         "property paths"},
        {std::regex(R"((?:^|[\s{;.,(/|])\^\s*)" + kElem), "property paths"},
        {std::regex(R"(!\s*(?:\(\s*\^?\s*)" + kElem + "|" + kElem + ")"), "property paths"},
    };
  }();
  // Strip IRIs, strings and comments so their contents do not match.
  static const std::regex kNoise(R"(<[^<>\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|#[^\n]*)");
  std::string stripped = std::regex_replace(q, kNoise, "<x>");
  for (const auto& [re, name] : kFeatures)
    if (std::regex_search(stripped, re)) return name;
  return {};
}

}  // namespace

Error QueryRunner::ExecutionError(const std::string& sparql) const {
  Error e = world_.FirstError(Error::Code::kBadRequest, "the query could not be executed");
  std::string feature = UnsupportedFeature(sparql);
  if (!feature.empty()) {
    e.code = Error::Code::kUnsupported;
    e.message = "the query engine (Rasqal 0.9.33) cannot execute " + feature + "; it said: " +
                e.message;
  }
  return e;
}

Result<QueryRunner::Prepared> QueryRunner::Prepare(const std::string& sparql,
                                                   const std::string& base_iri) {
  world_.ClearDiagnostics();
  Prepared p;
  p.text = sparql;
  p.query.reset(rasqal_new_query(world_.rasqal(), kLanguage, nullptr));
  if (!p.query) return Error::Internal("rasqal could not create a query");
  RaptorUriPtr base;
  if (!base_iri.empty()) base.reset(raptor_new_uri(world_.raptor(), U(base_iri)));
  if (rasqal_query_prepare(p.query.get(), U(sparql), base.get()) != 0) {
    Error e = world_.FirstError(Error::Code::kSyntax, "query does not parse");
    std::string feature = UnsupportedFeature(sparql);
    if (!feature.empty()) {
      e.code = Error::Code::kUnsupported;
      e.message = "the query engine (Rasqal 0.9.33) does not support " + feature +
                  "; parser said: " + e.message;
    }
    return e;
  }
  for (int i = 0;; ++i) {
    rasqal_data_graph* dg = rasqal_query_get_data_graph(p.query.get(), i);
    if (!dg) break;
    std::string name = S(raptor_uri_as_string(dg->name_uri ? dg->name_uri : dg->uri));
    if (dg->flags & RASQAL_DATA_GRAPH_NAMED) p.query_dataset.named_graphs.push_back(name);
    else p.query_dataset.default_graphs.push_back(name);
  }
  p.is_describe = rasqal_query_get_verb(p.query.get()) == RASQAL_QUERY_VERB_DESCRIBE;
  if (p.is_describe) {
    raptor_sequence* seq = rasqal_query_get_describe_sequence(p.query.get());
    for (int i = 0; seq && i < raptor_sequence_size(seq); ++i) {
      auto* l = static_cast<rasqal_literal*>(raptor_sequence_get_at(seq, i));
      if (!l) continue;
      if (l->type == RASQAL_LITERAL_URI) p.describe_iris.push_back(S(raptor_uri_as_string(l->value.uri)));
      else if (l->type == RASQAL_LITERAL_VARIABLE && l->value.variable)
        p.describe_vars.push_back(S(l->value.variable->name));
    }
    if (!seq || raptor_sequence_size(seq) == 0) {  // DESCRIBE *
      for (int i = 0;; ++i) {
        rasqal_variable* v = rasqal_query_get_variable(p.query.get(), i);
        if (!v) break;
        p.describe_vars.push_back(S(v->name));
      }
    }
  }
  if (rasqal_query_get_verb(p.query.get()) == RASQAL_QUERY_VERB_CONSTRUCT) {
    raptor_sequence* tmpl = rasqal_query_get_construct_triples_sequence(p.query.get());
    p.empty_construct = !tmpl || raptor_sequence_size(tmpl) == 0;
  }
  p.uses_graph_keyword = HasGraphOperator(rasqal_query_get_query_graph_pattern(p.query.get()));
  return p;
}

namespace {

Result<QueryResult> FromLibrdfResults(librdf_query_results* r) {
  QueryResult out;
  if (librdf_query_results_is_boolean(r)) {
    out.value = librdf_query_results_get_boolean(r) > 0;
  } else if (librdf_query_results_is_graph(r)) {
    Graph g;
    StreamPtr stream(librdf_query_results_as_stream(r));
    while (stream && !librdf_stream_end(stream.get())) {
      librdf_statement* st = librdf_stream_get_object(stream.get());
      g.push_back({FromNode(librdf_statement_get_subject(st)),
                   FromNode(librdf_statement_get_predicate(st)),
                   FromNode(librdf_statement_get_object(st))});
      librdf_stream_next(stream.get());
    }
    out.value = std::move(g);
  } else {
    ResultSet rs;
    int n = librdf_query_results_get_bindings_count(r);
    for (int i = 0; i < n; ++i) rs.variables.push_back(librdf_query_results_get_binding_name(r, i));
    while (!librdf_query_results_finished(r)) {
      std::vector<ResultCell> row(n);
      for (int i = 0; i < n; ++i) {
        NodePtr node(librdf_query_results_get_binding_value(r, i));
        if (node) row[i] = FromNode(node.get());
      }
      rs.rows.push_back(std::move(row));
      librdf_query_results_next(r);
    }
    out.value = std::move(rs);
  }
  return out;
}

}  // namespace

Result<QueryResult> QueryRunner::RunOnModel(const std::string& sparql, const std::string& base_iri,
                                            const Model& model) {
  world_.ClearDiagnostics();
  UriPtr base;
  if (!base_iri.empty()) base.reset(librdf_new_uri(world_.librdf(), U(base_iri)));
  QueryPtr q(librdf_new_query(world_.librdf(), kLanguage, nullptr, U(sparql), base.get()));
  if (!q) return world_.FirstError(Error::Code::kSyntax, "query does not parse");
  QueryResultsPtr r(librdf_model_query_execute(model.get(), q.get()));
  if (!r) return ExecutionError(sparql);
  auto out = FromLibrdfResults(r.get());
  return out;
}

Result<QueryResult> QueryRunner::RunOnDataGraphs(Prepared prepared,
                                                 const std::vector<DataGraph>& graphs) {
  rasqal_query* q = prepared.query.get();
  // Replace the query's own FROM / FROM NAMED (which Rasqal would fetch from
  // the network) by the store's graphs.
  raptor_sequence* seq = rasqal_query_get_data_graph_sequence(q);
  while (seq && raptor_sequence_size(seq) > 0) {
    // pop hands the item over without freeing it.
    if (auto* dg = static_cast<rasqal_data_graph*>(raptor_sequence_pop(seq)))
      rasqal_free_data_graph(dg);
  }
  world_.ClearDiagnostics();
  // Rasqal reads the iostreams only when the query runs: the text must live
  // until then, at a stable address. Rasqal 0.9.33's data graph keeps the
  // iostream pointer but never frees it (rasqal_free_data_graph frees only
  // its URIs), so the iostreams are ours; they outlive the execution below,
  // and the data graphs (freed with the query) never touch them again.
  std::vector<std::unique_ptr<std::string>> texts;
  std::vector<RaptorIostreamPtr> streams;
  for (const auto& g : graphs) {
    auto& nt = *texts.emplace_back(std::make_unique<std::string>("# data graph\n"));
    for (const auto& t : g.triples) AppendNTriplesLine(nt, t);
    raptor_iostream* io = streams
                              .emplace_back(raptor_new_iostream_from_string(
                                  world_.raptor(), nt.data(), nt.size()))
                              .get();
    if (!io) return Error::Internal("raptor could not open a data graph stream");
    RaptorUriPtr base(raptor_new_uri(world_.raptor(), U("urn:kg:data")));
    RaptorUriPtr name;
    if (g.name) name.reset(raptor_new_uri(world_.raptor(), U(*g.name)));
    rasqal_data_graph* dg = rasqal_new_data_graph_from_iostream(
        world_.rasqal(), io, base.get(), name.get(),
        g.name ? RASQAL_DATA_GRAPH_NAMED : RASQAL_DATA_GRAPH_BACKGROUND, nullptr, "ntriples",
        nullptr);
    if (!dg) return Error::Internal("rasqal could not take a data graph");
    // On failure raptor_sequence_push frees the data graph itself.
    if (rasqal_query_add_data_graph(q, dg) != 0) return Error::Internal("rasqal add data graph");
  }
  RasqalResultsPtr r(rasqal_query_execute(q));
  if (!r) return ExecutionError(prepared.text);
  QueryResult out;
  if (rasqal_query_results_is_boolean(r.get())) {
    out.value = rasqal_query_results_get_boolean(r.get()) > 0;
  } else if (rasqal_query_results_is_graph(r.get())) {
    Graph g;
    while (raptor_statement* st = rasqal_query_results_get_triple(r.get())) {
      g.push_back({FromRaptor(st->subject), FromRaptor(st->predicate), FromRaptor(st->object)});
      if (rasqal_query_results_next_triple(r.get())) break;
    }
    out.value = std::move(g);
  } else {
    ResultSet rs;
    int n = rasqal_query_results_get_bindings_count(r.get());
    for (int i = 0; i < n; ++i)
      rs.variables.push_back(S(rasqal_query_results_get_binding_name(r.get(), i)));
    while (!rasqal_query_results_finished(r.get())) {
      std::vector<ResultCell> row(n);
      for (int i = 0; i < n; ++i)
        if (rasqal_literal* l = rasqal_query_results_get_binding_value(r.get(), i))
          row[i] = FromRasqal(l);
      rs.rows.push_back(std::move(row));
      rasqal_query_results_next(r.get());
    }
    out.value = std::move(rs);
  }
  return out;
}

}  // namespace kg::store_internal

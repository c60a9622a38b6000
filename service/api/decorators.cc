// The `#+` decorator header of a named query (queries/README.md).
#include <cctype>
#include <string_view>

#include "api/named_query.h"
#include "api/param_binding.h"

namespace kg::api {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    auto comma = s.find(',');
    std::string item = Trim(s.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    s = s.substr(comma + 1);
  }
  return out;
}

bool MentionsVariable(const std::string& text, const std::string& var) {
  for (char sigil : {'?', '$'}) {
    std::string needle = std::string(1, sigil) + var;
    for (auto pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + 1)) {
      auto end = pos + needle.size();
      if (end >= text.size()) return true;
      char c = text[end];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
            static_cast<unsigned char>(c) >= 0x80))
        return true;
    }
  }
  return false;
}

bool ParseType(const std::string& s, ParamType* t) {
  static const std::pair<const char*, ParamType> kTypes[] = {
      {"iri", ParamType::kIri},         {"string", ParamType::kString},
      {"langstring", ParamType::kLangString}, {"integer", ParamType::kInteger},
      {"date", ParamType::kDate},       {"enum", ParamType::kEnum}};
  for (const auto& [n, v] : kTypes)
    if (s == n) {
      *t = v;
      return true;
    }
  return false;
}

}  // namespace

const char* ParamTypeName(ParamType type) {
  switch (type) {
    case ParamType::kIri: return "iri";
    case ParamType::kString: return "string";
    case ParamType::kLangString: return "langstring";
    case ParamType::kInteger: return "integer";
    case ParamType::kDate: return "date";
    case ParamType::kEnum: return "enum";
  }
  return "string";
}

Result<NamedQuery> ParseNamedQuery(const std::string& name, const std::string& text) {
  NamedQuery q;
  q.name = name;
  q.text = text;
  std::vector<std::string> plain_comments;
  std::vector<int> param_lines;  // header line of each param, for later checks
  bool has_description = false;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view line(text.data() + pos,
                          (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    std::string trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (trimmed[0] != '#') break;  // the header ends at the first non-comment line
    if (trimmed.rfind("#+", 0) != 0) {
      plain_comments.push_back(Trim(std::string_view(trimmed).substr(1)));
      continue;
    }
    std::string_view body = std::string_view(line).substr(line.find("#+") + 2);
    bool indented = !body.empty() && (body[0] == ' ' || body[0] == '\t') &&
                    body.size() > 1 && (body[1] == ' ' || body[1] == '\t');
    auto colon = body.find(':');
    int column = static_cast<int>(line.find("#+")) + 3;
    if (colon == std::string_view::npos)
      return Error::Syntax(name + ": decorator without 'key: value'", line_no, column);
    std::string key = Trim(body.substr(0, colon));
    std::string value = Trim(body.substr(colon + 1));
    auto bad = [&](const std::string& why) {
      return Error::Syntax(name + ": " + why, line_no, column);
    };
    if (indented) {
      if (q.params.empty()) return bad("indented key '" + key + "' outside a 'param:' block");
      QueryParam& p = q.params.back();
      if (key == "type") {
        if (!ParseType(value, &p.type))
          return bad("unknown type '" + value +
                     "' (iri, string, langstring, integer, date, enum)");
      } else if (key == "required") {
        if (value != "true" && value != "false") return bad("required must be true or false");
        p.required = value == "true";
      } else if (key == "default") {
        if (value.empty()) return bad("empty default");
        p.default_value = value;
      } else if (key == "values") {
        p.values = SplitList(value);
        if (p.values.empty()) return bad("values: an empty list");
      } else if (key == "description") {
        p.description = value;
      } else {
        return bad("unknown parameter key '" + key +
                   "' (type, required, default, values, description)");
      }
      continue;
    }
    if (key == "summary") {
      q.summary = value;
    } else if (key == "description") {
      q.description = value;
      has_description = true;
    } else if (key == "tags") {
      q.tags = SplitList(value);
    } else if (key == "pagination") {
      int n = 0;
      for (char c : value) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || n > 100000)
          return bad("pagination must be a positive integer");
        n = n * 10 + (c - '0');
      }
      if (n <= 0) return bad("pagination must be a positive integer");
      q.pagination = n;
    } else if (key == "param") {
      if (value.empty()) return bad("param without a name");
      for (char c : value)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
          return bad("parameter name '" + value + "' is not a SPARQL variable name");
      if (value == "page" || value == "per_page" || value == "format")
        return bad("parameter name '" + value + "' is reserved");
      for (const auto& p : q.params)
        if (p.name == value) return bad("duplicate parameter '" + value + "'");
      q.params.push_back(QueryParam{value});
      param_lines.push_back(line_no);
    } else {
      return bad("unknown decorator '" + key +
                 "' (summary, description, tags, pagination, param)");
    }
  }
  for (std::size_t i = 0; i < q.params.size(); ++i) {
    const QueryParam& p = q.params[i];
    auto bad = [&](const std::string& why) {
      return Error::Syntax(name + ": parameter '" + p.name + "': " + why, param_lines[i], 1);
    };
    if (p.type == ParamType::kEnum && p.values.empty()) return bad("enum without values");
    if (p.type != ParamType::kEnum && !p.values.empty()) return bad("values given for a non-enum");
    if (p.required && !p.default_value.empty()) return bad("required and default both given");
    if (!p.default_value.empty()) {
      auto term = ParamTerm(p, p.default_value);
      if (!term.ok()) return bad("default: " + term.error().message);
    }
    if (!MentionsVariable(text, p.name)) return bad("the query has no ?" + p.name);
  }
  if (!has_description) {
    std::string d;
    for (const auto& c : plain_comments) d += (d.empty() ? "" : " ") + c;
    q.description = d;
  }
  if (q.summary.empty()) q.summary = plain_comments.empty() ? name : plain_comments.front();
  return q;
}

}  // namespace kg::api

#include "scenarios/json_schema.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <vector>

namespace b24::scenarios {

namespace {

struct SchemaNode {
  std::set<std::string> kinds;
  std::map<std::string, SchemaNode> properties;
  std::unique_ptr<SchemaNode> items;        // a sequence's items ("key[]")
  std::unique_ptr<SchemaNode> any_name;     // an entries mapping's values ("key.*")
  std::optional<std::string> default_json;  // the one default the readers took, as JSON
  std::vector<std::string> defaults_yaml;   // every default seen, when more than one
};

SchemaNode& item_of(std::unique_ptr<SchemaNode>& slot) {
  if (!slot) slot = std::make_unique<SchemaNode>();
  return *slot;
}

SchemaNode& node_at(SchemaNode& root, std::string_view path) {
  SchemaNode* node = &root;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    std::size_t levels = 0;
    while (part.ends_with("[]")) {
      part.remove_suffix(2);
      ++levels;
    }
    if (part == "*") {
      node = &item_of(node->any_name);
    } else if (!part.empty()) {
      node = &node->properties[std::string(part)];
    }
    for (std::size_t i = 0; i < levels; ++i) node = &item_of(node->items);
  }
  return *node;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// A plain YAML scalar as JSON: a number or a boolean when it reads as one, else a string
// ("30s", "round_robin"). A quoted scalar stays a string.
std::string json_scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return json_string(text);
  if (text == "true" || text == "false") return text;
  double number = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (!text.empty() && ec == std::errc() && ptr == end) return text;
  return json_string(text);
}

std::string json_value(const YAML::Node& node) {
  if (node.IsScalar()) return json_scalar(node);
  std::string out = node.IsMap() ? "{" : "[";
  for (const auto& entry : node) {
    if (out.size() > 1) out += ", ";
    if (node.IsMap()) {
      out += json_string(entry.first.Scalar()) + ": " + json_value(entry.second);
    } else {
      out += json_value(entry);
    }
  }
  return out + (node.IsMap() ? "}" : "]");
}

// The default text (default_text.hpp: YAML the loader reads back as the default) as JSON, or
// nullopt if it does not parse (it always should: a test loads every default back).
std::optional<std::string> default_as_json(const std::string& yaml) {
  try {
    const YAML::Node node = YAML::Load(yaml);
    if (!node.IsDefined() || node.IsNull()) return std::nullopt;
    return json_value(node);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

// Appends a line break and the indentation of `depth` (no "\n" + string temporaries: GCC 12
// warns about them with -Wrestrict, a false positive).
void new_line(std::string& out, int depth) {
  out += '\n';
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

// The JSON types a value read as `kind` may have in a YAML file.
void add_types(std::string_view kind, std::set<std::string>& types) {
  if (kind == "a mapping" || kind == "a mapping of names") {
    types.insert("object");
  } else if (kind == "a sequence") {
    types.insert("array");
  } else if (kind == "an integer") {
    types.insert("integer");
  } else if (kind == "a number") {
    types.insert("number");
  } else if (kind == "true or false") {
    types.insert("boolean");
  } else if (kind.starts_with("a fraction")) {
    types.insert({"number", "string"});  // 0.2 or "20%"
  } else {
    types.insert("string");  // durations, rates, sizes, times, names: text with a unit
  }
}

std::vector<std::string> choices_of(const std::set<std::string>& kinds) {
  std::vector<std::string> out;
  for (const std::string& kind : kinds) {
    if (!kind.starts_with("one of ")) continue;
    std::string_view rest = std::string_view(kind).substr(7);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(", ");
      out.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 2);
    }
  }
  return out;
}

void write(const SchemaNode& node, int depth, std::string& out);

void write_object_parts(const SchemaNode& node, int depth, std::vector<std::string>& fields) {
  std::string props = "\"properties\": {";
  bool first = true;
  for (const auto& [name, child] : node.properties) {
    if (!first) props += ',';
    new_line(props, depth + 1);
    props += json_string(name);
    props += ": ";
    write(child, depth + 1, props);
    first = false;
  }
  if (!first) new_line(props, depth);
  props += '}';
  fields.push_back(props);
  fields.push_back(R"("patternProperties": {"^x-": {}})");
  if (node.any_name) {
    std::string extra = "\"additionalProperties\": ";
    write(*node.any_name, depth, extra);
    fields.push_back(extra);
  } else {
    fields.emplace_back(R"("additionalProperties": false)");
  }
}

void write(const SchemaNode& node, int depth, std::string& out) {
  std::set<std::string> types;
  for (const std::string& kind : node.kinds) add_types(kind, types);
  if (!node.properties.empty() || node.any_name) types.insert("object");
  if (node.items) types.insert("array");
  std::vector<std::string> fields;
  if (!node.kinds.empty()) {
    std::string description;
    for (const std::string& kind : node.kinds)
      description += (description.empty() ? "" : "; ") + kind;
    // A default that follows another key (load_balancer.algorithm on its type): each one seen.
    if (!node.defaults_yaml.empty()) description += "; its default depends on other keys, one of";
    for (std::size_t i = 0; i < node.defaults_yaml.size(); ++i) {
      description += i == 0 ? " " : ", ";
      description += node.defaults_yaml[i];
    }
    fields.push_back("\"description\": " + json_string(description));
  }
  if (node.default_json) fields.push_back("\"default\": " + *node.default_json);
  if (types.size() == 1) {
    fields.push_back("\"type\": " + json_string(*types.begin()));
  } else if (!types.empty()) {
    std::string list = "\"type\": [";
    for (const std::string& type : types)
      list += (list.back() == '[' ? "" : ", ") + json_string(type);
    fields.push_back(list + "]");
  }
  const std::vector<std::string> choices = choices_of(node.kinds);
  if (!choices.empty() && types == std::set<std::string>{"string"}) {
    std::string list = "\"enum\": [";
    for (const std::string& c : choices) list += (list.back() == '[' ? "" : ", ") + json_string(c);
    fields.push_back(list + "]");
  }
  if (types.count("object") != 0) write_object_parts(node, depth, fields);
  if (node.items) {
    std::string items = "\"items\": ";
    write(*node.items, depth, items);
    fields.push_back(items);
  }
  out += "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += ',';
    new_line(out, depth + 1);
    out += fields[i];
  }
  if (!fields.empty()) new_line(out, depth);
  out += '}';
}

}  // namespace

std::string scenario_json_schema(const KeyLog& keys) {
  SchemaNode root;
  root.kinds.insert("a mapping");
  for (const auto& [path, kinds] : keys.keys()) {
    node_at(root, path).kinds.insert(kinds.begin(), kinds.end());
  }
  for (const auto& [path, texts] : keys.default_texts()) {
    SchemaNode& node = node_at(root, path);
    if (texts.size() == 1) {
      node.default_json = default_as_json(*texts.begin());
    } else {
      node.defaults_yaml.assign(texts.begin(), texts.end());
    }
  }
  // `include` is resolved before any section reader runs: the readers never ask for it.
  root.properties["include"].kinds = {"a string", "a sequence"};
  item_of(root.properties["include"].items).kinds = {"a string"};
  std::string body;
  write(root, 0, body);
  // Splice the schema header into the root object.
  return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
         "  \"title\": \"b24sim scenario\"," +
         body.substr(1) + "\n";
}

}  // namespace b24::scenarios

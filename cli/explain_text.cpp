#include "cli/explain_text.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/include.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/overrides.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/units.hpp"
#include "scenarios/yaml_loader.hpp"
#include "scenarios/yaml_writer.hpp"

namespace b24::cli {
namespace {

using scenarios::Document;
using scenarios::MapEntry;
using scenarios::Node;
using scenarios::NodeId;
using scenarios::NodeKind;

// The resolved text in the same steps as the loader (scenario_loader.cpp): the file, its
// includes merged in, then the overrides.
Document resolved_document(const std::string& path, const std::vector<std::string>& overrides,
                           scenarios::Diagnostics& ignored) {
  Document document = scenarios::load_yaml_file(path, ignored);
  (void)scenarios::resolve_includes(document, path, ignored);
  scenarios::apply_overrides(document, overrides, ignored);
  return document;
}

// An included file's `topology: path` is relative to that file: rewrite it relative to the
// scenario's own directory, so the explained text loads again when saved next to the scenario.
void rebase_topology_path(Document& document, const scenarios::Scenario& s) {
  if (s.topology_path.empty() || !document.loaded()) return;
  const MapEntry* entry = document.find(document.root(), "topology");
  if (entry == nullptr) return;
  Node& node = document.node(entry->value);
  if (node.kind != NodeKind::scalar) return;
  const std::filesystem::path dir = s.source_path.parent_path();
  const std::filesystem::path rebased =
      dir.empty() ? s.topology_path : s.topology_path.lexically_relative(dir);
  if (rebased.empty()) return;
  node.text = rebased.generic_string();
  node.quoted = true;
}

// Gives every value reached twice (a YAML alias, a merge key's copied entries) a copy of its
// own, so that a default added at one path never appears at another.
NodeId unshare(Document& document, NodeId id, std::set<NodeId>& seen) {
  if (!seen.insert(id).second) {
    Node copy = document.node(id);
    id = document.add(std::move(copy));
    seen.insert(id);
  }
  // By index, not by reference: add() may move the arena.
  for (std::size_t i = 0; i < document.node(id).entries.size(); ++i) {
    const NodeId child = unshare(document, document.node(id).entries[i].value, seen);
    document.node(id).entries[i].value = child;
  }
  for (std::size_t i = 0; i < document.node(id).items.size(); ++i) {
    const NodeId child = unshare(document, document.node(id).items[i], seen);
    document.node(id).items[i] = child;
  }
  return id;
}

// One step of a key path: "faults[2]" -> key "faults", items {2}.
struct Step {
  std::string key;
  std::vector<std::size_t> items;
};

std::optional<Step> parse_step(std::string_view part) {
  Step step;
  std::vector<std::size_t> reversed;
  while (part.ends_with(']')) {
    const std::size_t open = part.rfind('[');
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view digits = part.substr(open + 1, part.size() - open - 2);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    reversed.push_back(std::stoul(std::string(digits)));
    part = part.substr(0, open);
  }
  step.key = std::string(part);
  step.items.assign(reversed.rbegin(), reversed.rend());
  return step;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.')) {
    parts.push_back(path.substr(0, dot));
    path.remove_prefix(dot + 1);
  }
  parts.push_back(path);
  return parts;
}

// Adds the defaults of absent keys to a resolved document, never replacing a written value.
class DefaultFiller {
 public:
  explicit DefaultFiller(Document& document)
      : document_(document), file_(document.add_file("<default>")) {}

  // `path` as the readers name it ("web_node.cpu_time.mean", "faults[2].for"); `yaml` the
  // default's text. Mappings on the way are created when absent; a path through a written
  // scalar, a list item that is not written or a written key stops it.
  void add(std::string_view path, const std::string& yaml) {
    const std::vector<std::string_view> parts = split_path(path);
    NodeId node = document_.root();
    for (std::size_t i = 0; i < parts.size();) {
      if (!make_mapping(node)) return;
      std::size_t next = i;
      const std::optional<Step> step = find_step(node, parts, i, next);
      if (!step) return;
      const bool last = next == parts.size();
      const MapEntry* entry = document_.find(node, step->key);
      if (entry == nullptr) {
        if (!step->items.empty()) return;
        const NodeId value = last ? parse(yaml) : new_mapping();
        if (value == scenarios::no_node) return;
        append(node, step->key, value);
        defaults_.insert(value);
        node = value;
      } else {
        node = entry->value;
        for (const std::size_t item : step->items) {
          const Node& list = document_.node(node);
          if (list.kind != NodeKind::sequence || item >= list.items.size()) return;
          node = list.items[item];
        }
        if (last) return;  // written: the file's value stands
      }
      i = next;
    }
  }

  // A top-level scalar the readers do not note (the seed), unless written.
  void add_top_level(const std::string& key, const std::string& yaml) {
    if (document_.find(document_.root(), key) != nullptr) return;
    const NodeId value = parse(yaml);
    if (value == scenarios::no_node) return;
    append(document_.root(), key, value);
    defaults_.insert(value);
  }

  [[nodiscard]] const std::set<NodeId>& defaults() const { return defaults_; }

 private:
  // A null ("web_node:" with nothing after) reads as an empty mapping: it becomes one.
  bool make_mapping(NodeId id) {
    Node& node = document_.node(id);
    if (node.kind == NodeKind::null) node.kind = NodeKind::mapping;
    return node.kind == NodeKind::mapping;
  }

  // The key at parts[i]; a name with dots in it ("daily_profiles.a.b") is the longest run of
  // parts that the mapping holds. `next` is the part after it.
  std::optional<Step> find_step(NodeId mapping, const std::vector<std::string_view>& parts,
                                std::size_t i, std::size_t& next) const {
    std::string joined;
    for (std::size_t j = i; j < parts.size(); ++j) {
      if (j != i) joined += '.';
      joined += parts[j];
      const std::optional<Step> step = parse_step(joined);
      if (step && document_.find(mapping, step->key) != nullptr) {
        next = j + 1;
        return step;
      }
    }
    next = i + 1;
    return parse_step(parts[i]);
  }

  NodeId parse(const std::string& yaml) {
    scenarios::Diagnostics ignored;
    return scenarios::load_yaml_value(yaml, {.file = file_, .column = 1, .key_path = {}}, document_,
                                      ignored);
  }

  NodeId new_mapping() {
    Node node;
    node.kind = NodeKind::mapping;
    return document_.add(std::move(node));
  }

  // A scalar at the top goes after the scalars written there (name, seed, duration, ...), before
  // the first section; anything else at the end of its mapping.
  void append(NodeId mapping, const std::string& key, NodeId value) {
    std::vector<MapEntry>& entries = document_.node(mapping).entries;
    auto at = entries.end();
    if (mapping == document_.root() && document_.node(value).kind == NodeKind::scalar) {
      at = entries.begin();
      while (at != entries.end() && document_.node(at->value).kind == NodeKind::scalar) ++at;
    }
    entries.insert(at, MapEntry{key, {}, value});
  }

  Document& document_;
  scenarios::FileId file_;
  std::set<NodeId> defaults_;
};

// A DC's override (dcs.<name>.<rest>) is read merged over web_defaults, so its defaults repeat
// those of web_defaults.<rest>: only those that differ (a default that depends on another key
// the DC overrides, such as load_balancer.algorithm on load_balancer.type) are written there.
bool repeats_web_defaults(const std::string& path, const std::map<std::string, std::string>& all,
                          const std::string& yaml) {
  if (!path.starts_with("dcs.")) return false;
  const std::size_t dot = path.find('.', 4);
  if (dot == std::string::npos) return false;
  const auto found = all.find("web_defaults" + path.substr(dot));
  return found != all.end() && found->second == yaml;
}

// Every key the loader read with a default and the resolved text leaves out, written in; also
// the top-level name, seed and duration (the seed is read without a noted default).
std::set<NodeId> fill_defaults(Document& document, const scenarios::KeyLog& log,
                               const scenarios::Scenario& s) {
  if (!document.loaded() || document.node(document.root()).kind != NodeKind::mapping) return {};
  std::set<NodeId> seen;
  document.set_root(unshare(document, document.root(), seen));
  std::map<std::string, std::string> all;
  for (const scenarios::KeyLog::Default& d : log.defaults()) all.emplace(d.path, d.yaml);
  DefaultFiller filler(document);
  for (const scenarios::KeyLog::Default& d : log.defaults()) {
    if (!repeats_web_defaults(d.path, all, d.yaml)) filler.add(d.path, d.yaml);
  }
  filler.add_top_level("name", scenarios::yaml_double_quoted(s.name));
  filler.add_top_level("seed", std::to_string(s.seed));
  filler.add_top_level("duration", scenarios::format_duration_short(s.duration));
  return filler.defaults();
}

}  // namespace

std::string explain_text(const std::string& path, const std::vector<std::string>& overrides,
                         scenarios::Diagnostics& diagnostics) {
  scenarios::KeyLog log;
  scenarios::Scenario s;
  {
    const scenarios::KeyLogScope recording(log);
    s = scenarios::load_scenario(path, overrides, diagnostics);
  }
  if (!diagnostics.empty()) return {};
  scenarios::Diagnostics ignored;  // the same text loaded without errors just above
  Document document = resolved_document(path, overrides, ignored);
  rebase_topology_path(document, s);
  const std::set<NodeId> defaults = fill_defaults(document, log, s);
  std::string header = "# " + path + " resolved by b24sim explain: includes merged";
  header += overrides.empty() ? "" : ", --set overrides applied";
  header += ", defaults written out (# default)\n";
  return header + scenarios::write_yaml(document, defaults);
}

}  // namespace b24::cli

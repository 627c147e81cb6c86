#include "scenarios/include.hpp"

#include <algorithm>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {
namespace {

namespace fs = std::filesystem;

// The identity of a file for cycle detection: its canonical path where it exists, else an
// absolute, normalized one (never empty, so two unresolvable paths do not compare equal by
// accident).
fs::path identity(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (!ec && !canonical.empty()) return canonical;
  canonical = fs::absolute(path, ec);
  return (ec ? path : canonical).lexically_normal();
}

// An unquoted scalar that YAML 1.2 reads as a number, a boolean or null: not a file name (to
// include a file named "42", quote it).
bool is_non_string_scalar(const Node& node) {
  if (node.quoted) return false;
  static const std::regex non_string(
      R"(^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|)"
      R"(^[-+]?(\.[0-9][0-9_]*|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|)"
      R"(^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^0x[0-9a-fA-F_]+$|^0o[0-7_]+$)");
  return std::regex_match(node.text, non_string);
}

struct ChainLink {
  fs::path identity;  // for cycle detection
  std::string name;   // as diagnostics name the file
};

class Includer {
 public:
  explicit Includer(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // `chain`: the files being included, outermost first, `document`'s own file last. `steps[i]`
  // says where chain[i] includes chain[i + 1] ("a.yaml:3:10 includes b.yaml").
  void resolve(Document& document, const fs::path& base_dir, std::vector<ChainLink>& chain,
               std::vector<std::string>& steps) {
    if (!document.loaded()) return;
    const NodeId root = document.root();
    if (document.node(root).kind != NodeKind::mapping) return;
    const MapEntry* entry = document.find(root, "include");
    if (entry == nullptr) return;
    const MapEntry include = *entry;
    std::erase_if(document.node(root).entries,
                  [](const MapEntry& e) { return e.key == "include"; });
    NodeId merged = no_node;
    for (const auto& [path_node, key_path] : paths(document, include)) {
      const NodeId included = load(document, path_node, key_path, base_dir, chain, steps);
      if (included == no_node) continue;
      merged = merged == no_node ? included : merge(document, merged, included);
    }
    if (merged != no_node) document.set_root(merge(document, merged, root));
  }

 private:
  void error(const Document& document, Mark mark, std::string key_path, std::string message) {
    diagnostics_.add({document.file_name(mark.file), mark.line, mark.column, std::move(key_path),
                      std::move(message)});
  }

  static std::string position(const Document& document, Mark mark) {
    return document.file_name(mark.file) + ":" + std::to_string(mark.line) + ":" +
           std::to_string(mark.column);
  }

  // The path scalars of `include:` with their key paths: one path, or a list of them.
  std::vector<std::pair<NodeId, std::string>> paths(const Document& document,
                                                    const MapEntry& include) {
    std::vector<std::pair<NodeId, std::string>> out;
    if (include.value == no_node) return out;
    const Node& value = document.node(include.value);
    if (value.kind == NodeKind::scalar && !value.text.empty() && !is_non_string_scalar(value)) {
      out.emplace_back(include.value, "include");
      return out;
    }
    if (value.kind == NodeKind::sequence) {
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        const Node& item = document.node(value.items[i]);
        std::string key_path = "include[" + std::to_string(i) + "]";
        if (item.kind == NodeKind::scalar && !item.text.empty() && !is_non_string_scalar(item)) {
          out.emplace_back(value.items[i], std::move(key_path));
        } else {
          error(document, item.mark, std::move(key_path),
                "expected a file path, like platform/world.yaml, found " + describe_value(item) +
                    (item.kind == NodeKind::scalar && !item.text.empty()
                         ? " (quote it if it is a file name)"
                         : ""));
        }
      }
      return out;
    }
    error(document, value.mark, "include",
          "expected a file path or a list of file paths, like platform/world.yaml, found " +
              describe_value(value) +
              (value.kind == NodeKind::scalar && !value.text.empty()
                   ? " (quote it if it is a file name)"
                   : ""));
    return out;
  }

  // Loads one included file (resolving its own includes) and copies it into `document`.
  NodeId load(Document& document, NodeId path_node, const std::string& key_path,
              const fs::path& base_dir, std::vector<ChainLink>& chain,
              std::vector<std::string>& steps) {
    const Node node = document.node(path_node);  // a copy: `document` grows below
    const fs::path path = (base_dir / node.text).lexically_normal();
    const std::string name = path.string();
    const std::string step = position(document, node.mark) + " includes " + name;
    const fs::path id = identity(path);
    const auto seen = std::find_if(chain.begin(), chain.end(),
                                   [&](const ChainLink& link) { return link.identity == id; });
    if (seen != chain.end()) {
      std::string cycle;
      for (auto i = static_cast<std::size_t>(seen - chain.begin()); i < steps.size(); ++i) {
        cycle += steps[i] + ", ";
      }
      error(document, node.mark, key_path, "include cycle: " + cycle + step);
      return no_node;
    }
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      error(document, node.mark, key_path,
            "cannot read included file " + quote(name) +
                (fs::exists(path, ec) ? " (not a regular file)" : " (no such file)") +
                "; a relative path is relative to the directory of the file that includes it");
      return no_node;
    }
    Document sub = load_yaml_file(path, diagnostics_);
    if (!sub.loaded()) return no_node;  // reported by the YAML loader
    included_.push_back(path);
    chain.push_back({id, name});
    steps.push_back(step);
    resolve(sub, path.parent_path(), chain, steps);
    steps.pop_back();
    chain.pop_back();
    const NodeKind kind = sub.node(sub.root()).kind;
    if (kind == NodeKind::null) return no_node;  // an empty file adds nothing
    if (kind != NodeKind::mapping) {
      error(document, node.mark, key_path,
            "included file " + quote(name) + " is not a mapping of scenario keys (found " +
                describe_value(sub.node(sub.root())) + ")");
      return no_node;
    }
    return copy_in(document, sub);
  }

  // Copies every node of `sub` into `document`, renumbering nodes and files.
  static NodeId copy_in(Document& document, const Document& sub) {
    std::vector<FileId> files;
    files.reserve(sub.file_count());
    for (std::size_t f = 0; f < sub.file_count(); ++f) {
      files.push_back(document.add_file(sub.file_name(static_cast<FileId>(f))));
    }
    const auto offset = static_cast<NodeId>(document.size());
    for (std::size_t i = 0; i < sub.size(); ++i) {
      Node n = sub.node(static_cast<NodeId>(i));
      n.mark.file = files.at(n.mark.file);
      for (NodeId& item : n.items) item += offset;
      for (MapEntry& e : n.entries) {
        e.key_mark.file = files.at(e.key_mark.file);
        if (e.value != no_node) e.value += offset;
      }
      document.add(std::move(n));
    }
    return sub.root() + offset;
  }

  // `over` merged onto `base`: mappings key by key, anything else replaced whole.
  static NodeId merge(Document& document, NodeId base, NodeId over) {
    if (base == no_node) return over;
    if (over == no_node) return base;
    if (document.node(base).kind != NodeKind::mapping ||
        document.node(over).kind != NodeKind::mapping) {
      return over;
    }
    Node result = document.node(base);
    result.mark = document.node(over).mark;
    // A copy: the recursion adds nodes, which may move the document's node storage.
    const std::vector<MapEntry> over_entries = document.node(over).entries;
    for (const MapEntry& e : over_entries) {
      const auto same = std::find_if(result.entries.begin(), result.entries.end(),
                                     [&](const MapEntry& r) { return r.key == e.key; });
      if (same == result.entries.end()) {
        result.entries.push_back(e);
      } else {
        const NodeId merged = merge(document, same->value, e.value);
        same->key_mark = e.key_mark;  // errors point to the winning file
        same->value = merged;
      }
    }
    return document.add(std::move(result));
  }

  Diagnostics& diagnostics_;

 public:
  std::vector<fs::path> included_;  // every file loaded, in order
};

}  // namespace

std::vector<std::filesystem::path> resolve_includes(Document& document,
                                                    const std::filesystem::path& file,
                                                    Diagnostics& diagnostics) {
  if (!document.loaded()) return {};
  std::vector<ChainLink> chain{{identity(file), file.string()}};
  std::vector<std::string> steps;
  Includer includer(diagnostics);
  includer.resolve(document, file.parent_path(), chain, steps);
  return std::move(includer.included_);
}

}  // namespace b24::scenarios

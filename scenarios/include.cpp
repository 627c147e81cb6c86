#include "scenarios/include.hpp"

#include <string>
#include <vector>

#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {
namespace {

namespace fs = std::filesystem;

class Includer {
 public:
  Includer(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}  // NOLINT

  void resolve(Document& document, const fs::path& base_dir, std::vector<fs::path>& chain) {
    if (!document.loaded()) return;
    const NodeId root = document.root();
    if (document.node(root).kind != NodeKind::mapping) return;
    const MapEntry* entry = document.find(root, "include");
    if (entry == nullptr) return;
    const MapEntry include = *entry;
    std::erase_if(document.node(root).entries,
                  [](const MapEntry& e) { return e.key == "include"; });
    NodeId merged = no_node;
    for (const NodeId path_node : paths(document, include)) {
      const NodeId included = load(document, path_node, base_dir, chain);
      if (included == no_node) continue;
      merged = merged == no_node ? included : merge(document, merged, included);
    }
    if (merged != no_node) document.set_root(merge(document, merged, root));
  }

 private:
  void error(const Document& document, Mark mark, std::string message) {
    diagnostics_.add({document.file_name(mark.file), mark.line, mark.column, "include",
                      std::move(message)});
  }

  // The path scalars of `include:`: one path, or a list of them.
  std::vector<NodeId> paths(const Document& document, const MapEntry& include) {
    const Node& value = document.node(include.value);
    if (value.kind == NodeKind::scalar) return {include.value};
    std::vector<NodeId> out;
    if (value.kind == NodeKind::sequence) {
      for (const NodeId item : value.items) {
        if (document.node(item).kind == NodeKind::scalar && !document.node(item).text.empty()) {
          out.push_back(item);
        } else {
          error(document, document.node(item).mark,
                "expected a file path, found " + describe_value(document.node(item)));
        }
      }
      return out;
    }
    error(document, value.mark,
          "expected a file path or a list of file paths, found " + describe_value(value));
    return out;
  }

  // Loads one included file (resolving its own includes) and copies it into `document`.
  NodeId load(Document& document, NodeId path_node, const fs::path& base_dir,
              std::vector<fs::path>& chain) {
    const Node& node = document.node(path_node);
    const fs::path path = (base_dir / node.text).lexically_normal();
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    for (const fs::path& seen : chain) {
      if (seen == canonical) {
        std::string cycle;
        for (const fs::path& p : chain) cycle += p.filename().string() + " -> ";
        error(document, node.mark, "include cycle: " + cycle + canonical.filename().string());
        return no_node;
      }
    }
    if (!fs::is_regular_file(path, ec)) {
      error(document, node.mark, "cannot read included file '" + path.string() + "'");
      return no_node;
    }
    Document sub = load_yaml_file(path, diagnostics_);
    chain.push_back(canonical);
    resolve(sub, path.parent_path(), chain);
    chain.pop_back();
    if (!sub.loaded()) return no_node;
    if (sub.node(sub.root()).kind != NodeKind::mapping) {
      error(document, node.mark, "included file '" + path.string() + "' is not a mapping");
      return no_node;
    }
    return copy_in(document, sub);
  }

  // Copies every node of `sub` into `document`, renumbering nodes and files.
  static NodeId copy_in(Document& document, const Document& sub) {
    std::vector<FileId> files;
    for (std::size_t f = 0; f < sub.file_count(); ++f) {
      files.push_back(document.add_file(sub.file_name(static_cast<FileId>(f))));
    }
    const auto offset = static_cast<NodeId>(document.size());
    for (std::size_t i = 0; i < sub.size(); ++i) {
      Node n = sub.node(static_cast<NodeId>(i));
      n.mark.file = files[n.mark.file];
      for (NodeId& item : n.items) item += offset;
      for (MapEntry& e : n.entries) {
        e.key_mark.file = files[e.key_mark.file];
        if (e.value != no_node) e.value += offset;
      }
      document.add(std::move(n));
    }
    return sub.root() + offset;
  }

  // `over` merged onto `base`: mappings key by key, anything else replaced whole.
  static NodeId merge(Document& document, NodeId base, NodeId over) {
    if (document.node(base).kind != NodeKind::mapping ||
        document.node(over).kind != NodeKind::mapping) {
      return over;
    }
    Node result = document.node(base);
    result.mark = document.node(over).mark;
    // A copy: the recursion adds nodes, which may move the document's node storage.
    const std::vector<MapEntry> over_entries = document.node(over).entries;
    for (const MapEntry& e : over_entries) {
      MapEntry* same = nullptr;
      for (MapEntry& r : result.entries) {
        if (r.key == e.key) same = &r;
      }
      if (same == nullptr) {
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
};

}  // namespace

void resolve_includes(Document& document, const std::filesystem::path& file,
                      Diagnostics& diagnostics) {
  std::error_code ec;
  std::vector<fs::path> chain{fs::weakly_canonical(file, ec)};
  Includer(diagnostics).resolve(document, file.parent_path(), chain);
}

}  // namespace b24::scenarios

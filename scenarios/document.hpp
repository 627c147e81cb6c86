#pragma once
// A scenario as a tree of YAML values that remembers where each value is written. It is ours,
// not yaml-cpp's: yaml-cpp 0.7 silently keeps duplicate keys, loses the position of a missing
// key's parent and turns "yes" into true; this tree keeps positions for every key and value, holds
// exactly what was written (text, quoted or not) and stays free of yaml-cpp in its header.
// Includes and command-line overrides can later add nodes from other files: every mark names
// its file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace b24::scenarios {

using NodeId = std::uint32_t;
inline constexpr NodeId no_node = UINT32_MAX;

using FileId = std::uint32_t;

// A position in a file, 1-based (yaml-cpp's marks are 0-based; the loader adds 1). Columns count
// bytes, so a line with non-ASCII text before the value reads a little further right.
struct Mark {
  FileId file = 0;
  int line = 0;
  int column = 0;
};

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

struct MapEntry {
  std::string key;
  Mark key_mark;
  NodeId value = no_node;
};

struct Node {
  NodeKind kind = NodeKind::null;
  Mark mark;                      // where the value starts
  std::string text;               // scalar: the value after YAML unquoting and folding
  bool quoted = false;            // scalar written in quotes or as a block: "yes" in quotes is text
  std::string tag;                // an explicit tag such as "!include"; empty when none
  std::vector<NodeId> items;      // sequence
  std::vector<MapEntry> entries;  // mapping, in written order, no duplicate keys
};

class Document {
 public:
  FileId add_file(std::string name);
  [[nodiscard]] const std::string& file_name(FileId file) const { return files_.at(file); }
  [[nodiscard]] std::size_t file_count() const { return files_.size(); }

  NodeId add(Node node);
  [[nodiscard]] const Node& node(NodeId id) const { return nodes_.at(id); }
  [[nodiscard]] Node& node(NodeId id) { return nodes_.at(id); }
  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

  // The document's top value; no_node when the text could not be loaded at all.
  [[nodiscard]] NodeId root() const { return root_; }
  void set_root(NodeId id) { root_ = id; }
  [[nodiscard]] bool loaded() const { return root_ != no_node; }

  // The entry with this key in a mapping node, or nullptr.
  [[nodiscard]] const MapEntry* find(NodeId mapping, std::string_view key) const;

 private:
  std::vector<std::string> files_;
  std::vector<Node> nodes_;
  NodeId root_ = no_node;
};

// How a message names a value it found: 'abc' for a scalar, "an empty value", "a sequence",
// "a mapping".
[[nodiscard]] std::string describe_value(const Node& node);

}  // namespace b24::scenarios

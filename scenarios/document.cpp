#include "scenarios/document.hpp"

#include <stdexcept>

#include "scenarios/diagnostic.hpp"

namespace b24::scenarios {

FileId Document::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<FileId>(files_.size() - 1);
}

NodeId Document::add(Node node) {
  // Ids are positions in the arena: an alias is the same id reached twice, so a "billion laughs"
  // document costs its text size, not its expanded size.
  if (nodes_.size() >= no_node) throw std::length_error("scenario document too large");
  nodes_.push_back(std::move(node));
  return static_cast<NodeId>(nodes_.size() - 1);
}

const MapEntry* Document::find(NodeId mapping, std::string_view key) const {
  for (const MapEntry& entry : node(mapping).entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

std::string describe_value(const Node& node) {
  switch (node.kind) {
    case NodeKind::null:
      return "an empty value";
    case NodeKind::scalar:
      return quote(node.text);
    case NodeKind::sequence:
      return "a sequence";
    case NodeKind::mapping:
      return "a mapping";
  }
  return "a value";
}

}  // namespace b24::scenarios

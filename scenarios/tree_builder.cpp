#include "scenarios/tree_builder.hpp"

#include <algorithm>
#include <utility>

namespace b24::scenarios {

namespace {

// Merge keys copy entries; a document that merges big mappings into many others could grow
// quadratically, so copying stops (with an error) past this many entries.
constexpr std::size_t max_merged_entries = 100'000;

}  // namespace

TreeBuilder::TreeBuilder(Document& document, FileId file, Diagnostics& diagnostics,
                         TextOrigin origin)
    : document_(document), file_(file), diagnostics_(diagnostics), origin_(std::move(origin)) {}

Mark TreeBuilder::mark(const YAML::Mark& m) const {
  if (m.is_null()) return Mark{file_, 0, 0};
  const int offset = m.line == 0 ? origin_.first_line_column_offset : 0;
  return Mark{file_, m.line + 1, m.column + 1 + offset};
}

void TreeBuilder::OnDocumentStart(const YAML::Mark& /*mark*/) {}
void TreeBuilder::OnDocumentEnd() {}

NodeId TreeBuilder::add_node(NodeKind kind, const YAML::Mark& at, const std::string& tag,
                             YAML::anchor_t anchor) {
  Node node;
  node.kind = kind;
  node.mark = mark(at);
  // yaml-cpp's non-specific tags: "?" for plain scalars, "!" for quoted and block ones.
  node.quoted = tag == "!";
  if (tag != "?" && tag != "!") node.tag = tag;
  const NodeId id = document_.add(std::move(node));
  // Registered before the children are read, so that an alias inside the anchored value is seen
  // as the cycle it is.
  if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
  return id;
}

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  attach(add_node(NodeKind::null, mark, "?", anchor));
}

void TreeBuilder::OnAlias(const YAML::Mark& at, YAML::anchor_t anchor) {
  const auto found = anchors_.find(anchor);
  if (found == anchors_.end() || is_open(found->second)) {
    // yaml-cpp rejects undefined anchors itself; what is left is an alias inside its own anchor.
    error(mark(at), "an alias refers to a value that contains it (a cycle)");
    attach(add_node(NodeKind::null, at, "?", YAML::NullAnchor));
    return;
  }
  attach(found->second);
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  const NodeId id = add_node(NodeKind::scalar, mark, tag, anchor);
  document_.node(id).text = value;
  attach(id);
}

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                  YAML::anchor_t anchor, YAML::EmitterStyle::value /*style*/) {
  open(NodeKind::sequence, mark, tag, anchor);
}

void TreeBuilder::OnSequenceEnd() {
  close();
}

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value /*style*/) {
  open(NodeKind::mapping, mark, tag, anchor);
}

void TreeBuilder::OnMapEnd() {
  apply_merges(stack_.back());
  close();
}

void TreeBuilder::open(NodeKind kind, const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor) {
  Frame frame;
  frame.node = add_node(kind, mark, tag, anchor);
  stack_.push_back(std::move(frame));
}

void TreeBuilder::close() {
  const NodeId id = stack_.back().node;
  stack_.pop_back();
  attach(id);
}

bool TreeBuilder::is_open(NodeId id) const {
  return std::any_of(stack_.begin(), stack_.end(), [&](const Frame& f) { return f.node == id; });
}

void TreeBuilder::attach(NodeId id) {
  if (stack_.empty()) {
    root_ = id;
    return;
  }
  Frame& top = stack_.back();
  if (document_.node(top.node).kind == NodeKind::sequence) {
    document_.node(top.node).items.push_back(id);
  } else if (!top.have_key) {
    take_key(top, id);
  } else {
    take_value(top, id);
    top.have_key = false;  // after take_value: its errors name the key in their path
  }
}

void TreeBuilder::take_key(Frame& frame, NodeId id) {
  const Node& key = document_.node(id);
  frame.have_key = true;
  frame.key_usable = key.kind == NodeKind::scalar;
  frame.key = key.kind == NodeKind::scalar ? key.text : std::string{};
  frame.key_mark = key.mark;
  frame.key_is_merge = frame.key_usable && !key.quoted && key.text == "<<";
  if (!frame.key_usable) {
    error(key.mark, "a mapping key must be a name, found " + describe_value(key));
  }
}

void TreeBuilder::take_value(Frame& frame, NodeId id) {
  if (!frame.key_usable) return;
  Node& value = document_.node(id);
  // yaml-cpp marks an empty value ("key:" then a new line) at the next token; the key's position
  // is where a reader looks for it.
  if (value.kind == NodeKind::null && value.mark.line != frame.key_mark.line) {
    value.mark = frame.key_mark;
  }
  if (frame.key_is_merge) {
    if (frame.merge_seen) error(frame.key_mark, "duplicate merge key '<<'");
    frame.merge_seen = true;
    take_merge_source(id);
    return;
  }
  const auto [first, inserted] = frame.seen.try_emplace(frame.key, frame.key_mark);
  if (!inserted) {
    error(frame.key_mark, "duplicate key " + quote(frame.key) + " (first written at line " +
                              std::to_string(first->second.line) + ", column " +
                              std::to_string(first->second.column) + ")");
    return;
  }
  document_.node(frame.node).entries.push_back(MapEntry{frame.key, frame.key_mark, id});
}

void TreeBuilder::take_merge_source(NodeId id) {
  Frame& frame = stack_.back();
  const Node& value = document_.node(id);
  std::vector<NodeId> sources;
  if (value.kind == NodeKind::mapping) {
    sources.push_back(id);
  } else if (value.kind == NodeKind::sequence) {
    sources = value.items;
  }
  const bool all_mappings =
      !sources.empty() && std::all_of(sources.begin(), sources.end(), [&](NodeId s) {
        return document_.node(s).kind == NodeKind::mapping;
      });
  if (!all_mappings) {
    error(value.mark,
          "a merge key '<<' takes a mapping or a list of mappings, found " + describe_value(value));
    return;
  }
  frame.merge_sources = std::move(sources);
}

void TreeBuilder::apply_merges(Frame& frame) {
  for (const NodeId source : frame.merge_sources) {
    // Copied first: entries of this very node may grow while we read the source's entries.
    const std::vector<MapEntry> entries = document_.node(source).entries;
    for (const MapEntry& entry : entries) {
      if (frame.seen.count(entry.key) != 0) continue;  // written here or by an earlier source
      if (++merged_entries_ > max_merged_entries) {
        if (merged_entries_ == max_merged_entries + 1) {
          error(document_.node(frame.node).mark, "merge keys '<<' copy too many keys (over " +
                                                     std::to_string(max_merged_entries) + ")");
        }
        return;
      }
      frame.seen.emplace(entry.key, entry.key_mark);
      document_.node(frame.node).entries.push_back(entry);
    }
  }
}

std::string TreeBuilder::path() const {
  std::string out = origin_.key_path;
  for (const Frame& frame : stack_) {
    const Node& node = document_.node(frame.node);
    if (node.kind == NodeKind::sequence) {
      out += '[' + std::to_string(node.items.size()) + ']';
    } else if (frame.have_key && frame.key_usable) {
      if (!out.empty()) out += '.';
      out += frame.key;
    }
  }
  return out;
}

void TreeBuilder::error(Mark at, std::string message) {
  diagnostics_.add(
      Diagnostic{document_.file_name(at.file), at.line, at.column, path(), std::move(message)});
}

}  // namespace b24::scenarios

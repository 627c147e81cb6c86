#include "scenarios/reader.hpp"

#include <algorithm>

#include "scenarios/key_log.hpp"
#include "scenarios/suggest.hpp"

namespace b24::scenarios {

namespace {

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string>& known) {
  std::string message = "unknown key " + quote(key);
  if (const auto suggestion = closest_match(key, known)) {
    return message + " (did you mean " + quote(*suggestion) + "?)";
  }
  constexpr std::size_t max_listed = 12;
  if (!known.empty() && known.size() <= max_listed) {
    message += "; known keys here:";
    for (std::size_t i = 0; i < known.size(); ++i) message += (i == 0 ? " " : ", ") + known[i];
  }
  return message;
}

}  // namespace

// --- Reader -----------------------------------------------------------------------------------

Reader::Reader(const Document& document, Diagnostics& diagnostics)
    : document_(document), diagnostics_(diagnostics), key_log_(current_key_log()) {}

NodeView Reader::root() {
  if (!document_.loaded()) return NodeView(this, no_node, "", Mark{}, true);
  const NodeId id = document_.root();
  const Node& node = document_.node(id);
  if (node.kind == NodeKind::mapping) visit(id, "");
  return NodeView(this, id, "", node.mark, false);
}

void Reader::visit(NodeId mapping, const std::string& path) {
  visits_.try_emplace(mapping, Visit{path, {}});
}

void Reader::know(NodeId mapping, std::string_view key) {
  Visit& visit = visits_.at(mapping);
  if (visit.known.find(key) == visit.known.end()) visit.known.emplace(key);
}

void Reader::know_all(NodeId mapping) {
  for (const MapEntry& entry : document_.node(mapping).entries) know(mapping, entry.key);
}

bool Reader::first_complaint(NodeId node) {
  return complained_.insert(node).second;
}

void Reader::report(const Mark& mark, std::string path, std::string message) {
  const std::string file =
      mark.file < document_.file_count() ? document_.file_name(mark.file) : std::string{};
  diagnostics_.add(Diagnostic{file, mark.line, mark.column, std::move(path), std::move(message)});
}

void Reader::finish() {
  for (const auto& [id, visit] : visits_) {
    if (!finished_.insert(id).second) continue;
    const std::vector<std::string> known(visit.known.begin(), visit.known.end());
    for (const MapEntry& entry : document_.node(id).entries) {
      if (visit.known.count(entry.key) != 0 || entry.key.starts_with("x-")) continue;
      report(entry.key_mark, join(visit.path, entry.key), unknown_key_message(entry.key, known));
    }
  }
}

// --- NodeView: structure ----------------------------------------------------------------------

const Node* NodeView::node() const {
  return present() ? &reader_->document_.node(node_) : nullptr;
}

bool NodeView::is_null() const {
  return present() && node()->kind == NodeKind::null;
}
bool NodeView::is_scalar() const {
  return present() && node()->kind == NodeKind::scalar;
}
bool NodeView::is_sequence() const {
  return present() && node()->kind == NodeKind::sequence;
}
bool NodeView::is_mapping() const {
  return present() && node()->kind == NodeKind::mapping;
}

std::string_view NodeView::text() const {
  if (!is_scalar()) return {};
  // A reader that looks at the text itself ("target_tracking: none") accepts a scalar here.
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_kind(path_, "a word");
  return node()->text;
}

NodeView NodeView::absent_child(std::string path) const {
  return NodeView(reader_, no_node, std::move(path), mark_, quiet_);
}

bool NodeView::expect_mapping() const {
  if (is_mapping()) return true;
  if (reader_->first_complaint(node_)) {
    reader_->report(mark_, path_,
                    "expected a mapping (key: value lines), found " + describe_value(*node()));
  }
  return false;
}

NodeView NodeView::lookup(std::string_view key) const {
  std::string path = join(path_, key);
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_key(path);
  // Absent, or "section:" with nothing after it: an empty mapping, every key at its default.
  if (!present() || quiet_ || is_null()) return absent_child(std::move(path));
  if (!expect_mapping()) return NodeView(reader_, no_node, std::move(path), mark_, true);
  reader_->visit(node_, path_);
  reader_->know(node_, key);
  const MapEntry* entry = reader_->document_.find(node_, key);
  if (entry == nullptr) return absent_child(std::move(path));
  const Mark& mark = reader_->document_.node(entry->value).mark;
  return NodeView(reader_, entry->value, std::move(path), mark, false);
}

void NodeView::report_missing(std::string_view key) const {
  if (quiet_) return;
  reader_->report(mark_, join(path_, key), "missing required key " + quote(key));
}

bool NodeView::has(std::string_view key) const {
  return lookup(key).present();
}

NodeView NodeView::value(std::string_view key) const {
  return lookup(key);
}

NodeView NodeView::require_value(std::string_view key) const {
  NodeView found = lookup(key);
  if (found.present() || found.quiet_) return found;
  report_missing(key);
  found.quiet_ = true;  // its own required keys would only repeat the error
  return found;
}

NodeView NodeView::child(std::string_view key) const {
  NodeView found = lookup(key);
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_kind(found.path_, "a mapping");
  if (!found.present() || found.is_null()) return found;
  if (!found.expect_mapping()) return NodeView(reader_, no_node, found.path_, found.mark_, true);
  reader_->visit(found.node_, found.path_);
  return found;
}

NodeView NodeView::require_child(std::string_view key) const {
  NodeView found = require_value(key);
  if (!found.present() || found.is_null()) return found;
  return child(key);
}

std::vector<NodeView> NodeView::items(std::string_view key) const {
  return lookup(key).items();
}

std::vector<NodeView> NodeView::items() const {
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_kind(path_, "a sequence");
  if (!present() || quiet_ || is_null()) return {};
  if (!is_sequence()) {
    if (reader_->first_complaint(node_)) {
      reader_->report(
          mark_, path_,
          "expected a sequence (a list of '- ' items), found " + describe_value(*node()));
    }
    return {};
  }
  std::vector<NodeView> out;
  const std::vector<NodeId>& ids = node()->items;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Node& item = reader_->document_.node(ids[i]);
    std::string path = path_ + "[" + std::to_string(i) + "]";
    if (item.kind == NodeKind::mapping) reader_->visit(ids[i], path);
    out.push_back(NodeView(reader_, ids[i], std::move(path), item.mark, false));
  }
  return out;
}

std::vector<std::pair<std::string, NodeView>> NodeView::entries(std::string_view key) const {
  return lookup(key).entries();
}

std::vector<std::pair<std::string, NodeView>> NodeView::entries() const {
  if (reader_->key_log_ != nullptr) reader_->key_log_->note_entries(path_);
  if (!present() || quiet_ || is_null() || !expect_mapping()) return {};
  reader_->visit(node_, path_);
  reader_->know_all(node_);
  std::vector<std::pair<std::string, NodeView>> out;
  for (const MapEntry& entry : node()->entries) {
    const Node& value = reader_->document_.node(entry.value);
    std::string path = join(path_, entry.key);
    if (value.kind == NodeKind::mapping) reader_->visit(entry.value, path);
    out.emplace_back(entry.key, NodeView(reader_, entry.value, std::move(path), value.mark, false));
  }
  return out;
}

void NodeView::error(std::string message) const {
  if (quiet_) return;
  reader_->report(mark_, path_, std::move(message));
}

void NodeView::error(std::string_view key, std::string message) const {
  lookup(key).error(std::move(message));
}

}  // namespace b24::scenarios

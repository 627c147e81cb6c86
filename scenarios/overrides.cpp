// Command-line overrides: parse `key.path=value`, follow the path through the loaded Document
// (checking first, changing nothing on a path that cannot be followed), then set the value,
// copying the nodes on the path so that nothing else that refers to them changes.

#include "scenarios/overrides.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {

namespace {

// One step of a key path: a key of a mapping, or the index of an item of a sequence.
struct Step {
  std::string key;                   // empty for an index
  std::optional<std::size_t> index;  // SIZE_MAX for one too large to read
  int column = 0;                    // 1-based, of the key or of its '['
};

// "auto_scaling.max_size", "faults[0].at": how diagnostics name a path.
std::string path_of(std::span<const Step> steps) {
  std::string out;
  for (const Step& step : steps) {
    if (step.index) {
      out += '[' + std::to_string(*step.index) + ']';
    } else {
      if (!out.empty()) out += '.';
      out += step.key;
    }
  }
  return out;
}

// The override being applied and where its diagnostics go.
struct Context {
  const Document& document;
  FileId file;
  std::string_view text;
  Diagnostics& diagnostics;

  // `at` is a 0-based offset into the override text.
  void error(std::size_t at, std::string key_path, std::string message) const {
    diagnostics.add(Diagnostic{document.file_name(file), 1, static_cast<int>(at) + 1,
                               std::move(key_path), std::move(message)});
  }
  bool malformed(std::size_t at, const std::string& what) const {
    error(at, "", "malformed override " + quote(text) + ": " + what);
    return false;
  }
};

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

class PathParser {
 public:
  PathParser(const Context& context, std::size_t begin, std::size_t end)
      : c_(context), pos_(begin), end_(end) {}

  std::optional<std::vector<Step>> parse() {
    if (pos_ == end_) {
      c_.malformed(pos_, "the key path before '=' is empty; write key.path=value");
      return std::nullopt;
    }
    while (true) {
      if (!key()) return std::nullopt;
      while (pos_ < end_ && c_.text[pos_] == '[') {
        if (!index()) return std::nullopt;
      }
      if (pos_ == end_) return std::move(steps_);
      if (c_.text[pos_] != '.') {
        c_.malformed(pos_,
                     "expected '.' or '[' after ']', found " + quote(c_.text.substr(pos_, 1)));
        return std::nullopt;
      }
      ++pos_;
    }
  }

 private:
  bool key() {
    const std::size_t start = pos_;
    while (pos_ < end_ && c_.text[pos_] != '.' && c_.text[pos_] != '[' && c_.text[pos_] != ']') {
      ++pos_;
    }
    if (pos_ < end_ && c_.text[pos_] == ']') return c_.malformed(pos_, "']' without '['");
    if (pos_ == start) {
      return c_.malformed(start,
                          "a key of the path is empty; separate keys with single dots, as in "
                          "auto_scaling.max_size");
    }
    steps_.push_back(Step{std::string(c_.text.substr(start, pos_ - start)), std::nullopt,
                          static_cast<int>(start) + 1});
    return true;
  }

  bool index() {
    const std::size_t open = pos_;
    const std::size_t close = c_.text.find(']', open);
    if (close == std::string_view::npos || close >= end_) {
      return c_.malformed(open, "'[' is not closed by ']'");
    }
    const std::string_view digits = c_.text.substr(open + 1, close - open - 1);
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    const bool all_digits = !digits.empty() && end == digits.data() + digits.size();
    if (!all_digits || (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
      return c_.malformed(open,
                          "an index is a whole number from 0 in brackets, as in faults[0], "
                          "found " +
                              quote(c_.text.substr(open, close + 1 - open)));
    }
    if (ec == std::errc::result_out_of_range) value = SIZE_MAX;
    steps_.push_back(Step{"", value, static_cast<int>(open) + 1});
    pos_ = close + 1;
    return true;
  }

  const Context& c_;
  std::size_t pos_;
  std::size_t end_;
  std::vector<Step> steps_;
};

// "s.yaml:40:20", where a value on the path is written.
std::string where(const Document& document, const Mark& mark) {
  std::string out = document.file_name(mark.file);
  if (mark.line > 0) out += ':' + std::to_string(mark.line) + ':' + std::to_string(mark.column);
  return out;
}

std::string items_count(std::size_t n) {
  return n == 1 ? "1 item" : std::to_string(n) + " items";
}

// Why `step` cannot go into `node` (written, not null) at `parent`, or nullopt if it can.
std::optional<std::string> blocked(const Document& document, NodeId node, const Step& step,
                                   const std::string& parent) {
  const Node& n = document.node(node);
  const std::string name = parent.empty() ? "the top level of the scenario" : parent;
  const std::string found =
      name + " is " + describe_value(n) + " (at " + where(document, n.mark) + "), ";
  const std::string replace = parent.empty() ? "" : "; to replace it, set " + parent + " itself";
  if (!step.index) {
    if (n.kind == NodeKind::mapping) return std::nullopt;
    if (n.kind == NodeKind::sequence) {
      return found + "not a mapping: choose an item, as in " + parent + "[0]." + step.key;
    }
    return found + "not a mapping, so it has no key " + quote(step.key) + replace;
  }
  if (n.kind != NodeKind::sequence) {
    return found + "not a sequence, so it has no item [" + std::to_string(*step.index) + "]" +
           replace;
  }
  if (*step.index < n.items.size()) return std::nullopt;
  return "index [" + std::to_string(*step.index) + "] is out of range: " + parent + " has " +
         items_count(n.items.size());
}

// Follows the path without changing anything. A key that is not written is fine (it will be
// created, with the mappings on the way); anything else that cannot be followed is reported.
bool check_path(const Context& c, std::span<const Step> steps) {
  NodeId node = c.document.root();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    const std::string parent = path_of(steps.first(i));
    const bool empty = node == no_node || c.document.node(node).kind == NodeKind::null;
    std::optional<std::string> problem;
    if (empty && step.index) {
      problem = "index [" + std::to_string(*step.index) + "] is out of range: " + parent + " is " +
                (node == no_node ? "not written" : "empty") + ", so it has no items; set " +
                parent + "=[...] to write the whole list";
    } else if (!empty) {
      problem = blocked(c.document, node, step, parent);
    }
    if (problem) {
      c.error(static_cast<std::size_t>(step.column - 1), path_of(steps), std::move(*problem));
      return false;
    }
    if (empty) continue;  // node stays no_node: the rest of the path is created
    const Node& n = c.document.node(node);
    if (step.index) {
      node = n.items[*step.index];
    } else {
      const MapEntry* entry = c.document.find(node, step.key);
      node = entry == nullptr ? no_node : entry->value;
    }
  }
  return true;
}

// A copy of `id` that the override may change, so that whatever else refers to `id` (an alias,
// a merge key) keeps the written value. Absent or null becomes an empty mapping, as a key goes
// into it next (check_path lets no index into an empty value).
NodeId writable_copy(Document& document, NodeId id, Mark mark) {
  Node copy;
  copy.mark = mark;
  if (id != no_node) copy = document.node(id);
  if (copy.kind == NodeKind::null) copy.kind = NodeKind::mapping;
  return document.add(std::move(copy));
}

NodeId child_at(const Document& document, NodeId parent, const Step& step) {
  if (step.index) return document.node(parent).items[*step.index];
  const MapEntry* entry = document.find(parent, step.key);
  return entry == nullptr ? no_node : entry->value;
}

void put_child(Document& document, NodeId parent, const Step& step, NodeId child, Mark mark) {
  Node& node = document.node(parent);
  if (step.index) {
    node.items[*step.index] = child;
    return;
  }
  for (MapEntry& entry : node.entries) {
    if (entry.key == step.key) {
      entry.value = child;  // the key keeps its written position
      return;
    }
  }
  node.entries.push_back(MapEntry{step.key, mark, child});
}

// Sets `value` at the end of a path check_path has accepted.
void set_at(Document& document, FileId file, std::span<const Step> steps, NodeId value) {
  NodeId node = writable_copy(document, document.root(), Mark{file, 1, steps.front().column});
  document.set_root(node);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    const bool last = i + 1 == steps.size();
    const NodeId child = last ? value
                              : writable_copy(document, child_at(document, node, step),
                                              Mark{file, 1, steps[i + 1].column});
    put_child(document, node, step, child, Mark{file, 1, step.column});
    node = child;
  }
}

void apply_one(Document& document, FileId file, std::string_view text, Diagnostics& diagnostics) {
  const Context c{document, file, text, diagnostics};
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    c.malformed(0, "expected key.path=value, found no '='");
    return;
  }
  std::size_t begin = 0;
  std::size_t end = equals;
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  const std::optional<std::vector<Step>> steps = PathParser(c, begin, end).parse();
  // The value is loaded even under a malformed path, so that its own mistakes show in this pass.
  const std::string key_path = steps ? path_of(*steps) : std::string{};
  const ValueOrigin origin{file, static_cast<int>(equals) + 2, key_path};
  const NodeId value = load_yaml_value(text.substr(equals + 1), origin, document, diagnostics);
  if (!steps || value == no_node || !document.loaded()) return;
  if (!check_path(c, *steps)) return;
  set_at(document, file, *steps, value);
}

}  // namespace

std::string override_source_name(std::size_t index, std::size_t count) {
  if (count == 1) return "--set";
  return "--set[" + std::to_string(index) + "]";
}

void apply_overrides(Document& document, std::span<const std::string> overrides,
                     Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const FileId file = document.add_file(override_source_name(i, overrides.size()));
    apply_one(document, file, overrides[i], diagnostics);
  }
}

}  // namespace b24::scenarios

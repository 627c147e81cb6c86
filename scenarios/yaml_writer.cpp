#include "scenarios/yaml_writer.hpp"

#include <cstdio>
#include <string_view>

namespace b24::scenarios {

std::string yaml_double_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

constexpr std::string_view default_mark = "  # default";

std::string double_quoted(std::string_view text) {
  return yaml_double_quoted(text);
}

// A key written plain only when it cannot be mistaken for anything else.
std::string key_text(std::string_view key) {
  bool plain = !key.empty() && key != "<<";
  for (const char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) plain = false;
  }
  if (plain && (key.front() == '-' || key.front() == '.')) plain = false;
  return plain ? std::string(key) : double_quoted(key);
}

std::string scalar_text(const Node& node) {
  std::string out = node.tag.empty() ? std::string{} : node.tag + " ";
  // A plain scalar was plain in the source, and plain text stays valid written on one line.
  return out + (node.quoted || node.text.find('\n') != std::string::npos ? double_quoted(node.text)
                                                                         : node.text);
}

class Writer {
 public:
  Writer(const Document& document, const std::set<NodeId>& defaults)
      : document_(document), defaults_(defaults) {}

  // The value of a key or item: after "key:" or "- " on the same line when it is a scalar or
  // empty, on the following lines (indented by `depth`) when it is a collection. `in_default`:
  // below a value already marked as a default.
  void value(NodeId id, int depth, bool in_default = false) {
    const Node& node = document_.node(id);
    const bool marked = !in_default && defaults_.count(id) != 0;
    const std::string_view mark = marked ? default_mark : std::string_view{};
    const bool empty_collection = (node.kind == NodeKind::mapping && node.entries.empty()) ||
                                  (node.kind == NodeKind::sequence && node.items.empty());
    if (node.kind == NodeKind::scalar) {
      out_ += ' ';
      out_ += scalar_text(node);
      out_ += mark;
      out_ += '\n';
    } else if (empty_collection) {
      out_ += node.kind == NodeKind::mapping ? " {}" : " []";
      out_ += mark;
      out_ += '\n';
    } else {  // null (written as nothing) or a collection on the next lines
      if (!node.tag.empty()) {
        out_ += ' ';
        out_ += node.tag;
      }
      out_ += mark;
      out_ += '\n';
      if (node.kind != NodeKind::null) collection(node, depth, in_default || marked);
    }
  }

  void collection(const Node& node, int depth, bool in_default = false) {
    const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    if (node.kind == NodeKind::mapping) {
      for (const MapEntry& entry : node.entries) {
        out_ += pad + key_text(entry.key) + ":";
        value(entry.value, depth + 1, in_default);
      }
      return;
    }
    for (const NodeId item : node.items) {
      out_ += pad + "-";
      value(item, depth + 1, in_default);
    }
  }

  std::string take() { return std::move(out_); }
  std::string& out() { return out_; }

 private:
  const Document& document_;
  const std::set<NodeId>& defaults_;
  std::string out_;
};

}  // namespace

std::string write_yaml(const Document& document, const std::set<NodeId>& defaults) {
  if (!document.loaded()) return "{}\n";
  Writer writer(document, defaults);
  const Node& root = document.node(document.root());
  if (root.kind == NodeKind::mapping || root.kind == NodeKind::sequence) {
    if (root.entries.empty() && root.items.empty()) return "{}\n";
    writer.collection(root, 0);
  } else {
    writer.out() += "---";
    writer.value(document.root(), 0);
  }
  return writer.take();
}

}  // namespace b24::scenarios

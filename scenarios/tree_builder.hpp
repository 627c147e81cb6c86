#pragma once
// Internal to the loader (includes yaml-cpp): turns yaml-cpp's parse events for one document into
// Document nodes, checking what yaml-cpp lets through (duplicate keys, non-string keys, alias
// cycles) and applying merge keys.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"

namespace b24::scenarios {

// Where the text being parsed sits: a whole file starts at its line 1, column 1 and its top value
// has an empty key path; a value given on the command line (`--set key.path=value`) starts
// further right on its line and stands at that key path.
struct TextOrigin {
  int first_line_column_offset = 0;  // added to the columns of the text's first line
  std::string key_path;              // prefixed to the key paths of errors found in the text
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, FileId file, Diagnostics& diagnostics, TextOrigin origin = {});

  // The document's top value, no_node until one is complete.
  [[nodiscard]] NodeId root() const { return root_; }
  [[nodiscard]] Mark mark(const YAML::Mark& m) const;

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  struct Frame {
    NodeId node = no_node;
    // Mapping only: the key whose value comes next.
    bool have_key = false;
    bool key_usable = false;  // false after a bad key: its value is dropped
    bool key_is_merge = false;
    std::string key;
    Mark key_mark;
    std::map<std::string, Mark, std::less<>> seen;  // keys written so far, first position
    bool merge_seen = false;
    std::vector<NodeId> merge_sources;
  };

  NodeId add_node(NodeKind kind, const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor);
  void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor);
  void close();
  void attach(NodeId id);
  void take_key(Frame& frame, NodeId id);
  void take_value(Frame& frame, NodeId id);
  void take_merge_source(NodeId id);
  void apply_merges(Frame& frame);
  [[nodiscard]] bool is_open(NodeId id) const;
  [[nodiscard]] std::string path() const;
  void error(Mark at, std::string message);

  Document& document_;
  FileId file_;
  Diagnostics& diagnostics_;
  TextOrigin origin_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, NodeId> anchors_;
  std::size_t merged_entries_ = 0;
  NodeId root_ = no_node;
};

}  // namespace b24::scenarios

#pragma once
// The keys the loader accepts, as the section readers ask for them. The reading code is the
// schema (reader.hpp): rather than a second table to keep in step, a KeyLog records every key a
// Reader looks up, every mapping read as author-chosen names (`dcs: {fra: ...}`) and the kind of
// value each key is read as ("an integer", "a duration with a unit, like 30s", "one of ...").
// Loading a set of scenarios under a KeyLogScope therefore yields the loader's own key list,
// which `b24sim schema` turns into a JSON Schema and a test compares with scenarios/README.md.
//
// Paths are normalized: sequence items are written `[]` ("dcs[].name") and the author-chosen
// names of an entries mapping `*` ("dcs.*.web.min_size"). A key the readers only ask for under
// a condition (another key's value) is recorded only when some loaded scenario meets it: the
// list is as complete as the corpus it is harvested from (scenario_key_list).
//
// The log also records the default each absent key takes, as YAML text that the loader reads
// back as the same value (default_text.hpp): `b24sim explain` writes them into the resolved
// scenario, `b24sim schema` gives them as "default".

#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace b24::scenarios {

class KeyLog {
 public:
  // A key asked for at this full path ("dcs[2].web.min_size"); also every parent on the way.
  void note_key(std::string_view path);
  // The value at `path` was read as this kind (the reader's "expected ..." text).
  void note_kind(std::string_view path, std::string_view kind);
  // The mapping at `path` holds author-chosen names: its children are recorded as `*`.
  void note_entries(std::string_view path);
  // The value at `path` is absent and the reader takes this default (`yaml`: YAML text of it).
  void note_default(std::string_view path, std::string yaml);
  // Whether note_default records anything now (not paused, not inside KeyLogNoDefaults).
  [[nodiscard]] bool records_defaults() const { return paused == 0 && no_defaults == 0; }

  // Normalized path -> the kinds it was read as (empty for a key only looked up or a parent).
  [[nodiscard]] const std::map<std::string, std::set<std::string>>& keys() const { return keys_; }
  // The defaults of the scenario's own keys by full path ("web_node.cpu_time"), in the order
  // read, each path once (the first reading wins). Keys read under a prefix (a topology file,
  // which is not part of the scenario's text) are not among them.
  struct Default {
    std::string path;
    std::string yaml;
  };
  [[nodiscard]] const std::vector<Default>& defaults() const { return defaults_; }
  // Normalized path -> every default text it was seen with (one, unless it depends on another
  // key, such as load_balancer.algorithm on load_balancer.type).
  [[nodiscard]] const std::map<std::string, std::set<std::string>>& default_texts() const {
    return default_texts_;
  }
  [[nodiscard]] bool is_entries(std::string_view normalized) const;
  [[nodiscard]] std::string normalize(std::string_view path) const;
  std::string prefix;   // put before every path recorded (KeyLogPrefix)
  int paused = 0;       // KeyLogPause: record nothing while above 0
  int no_defaults = 0;  // KeyLogNoDefaults: record no default while above 0

 private:
  std::map<std::string, std::set<std::string>> keys_;
  std::set<std::string, std::less<>> entries_;
  std::vector<Default> defaults_;
  std::set<std::string, std::less<>> default_paths_;
  std::map<std::string, std::set<std::string>> default_texts_;
};

// While alive, every Reader constructed on this thread records into `log`. Scopes nest.
class KeyLogScope {
 public:
  explicit KeyLogScope(KeyLog& log);
  ~KeyLogScope();
  KeyLogScope(const KeyLogScope&) = delete;
  KeyLogScope& operator=(const KeyLogScope&) = delete;

 private:
  KeyLog* previous_;
};

// While alive, keys recorded into the current log (if any) are placed under `prefix`: a file
// read on its own whose keys belong under a key of the scenario (a topology file).
class KeyLogPrefix {
 public:
  explicit KeyLogPrefix(std::string prefix);
  ~KeyLogPrefix();
  KeyLogPrefix(const KeyLogPrefix&) = delete;
  KeyLogPrefix& operator=(const KeyLogPrefix&) = delete;

 private:
  std::string previous_;
};

// While alive, nothing is recorded into the current log: for reads that only mark keys as
// known on behalf of another reader (platform_tiers_section.cpp's per-DC overrides), which would
// otherwise record a DC's sections as mappings of author-chosen names.
class KeyLogPause {
 public:
  KeyLogPause();
  ~KeyLogPause();
  KeyLogPause(const KeyLogPause&) = delete;
  KeyLogPause& operator=(const KeyLogPause&) = delete;
};

// While alive (and `when` is true), no default is recorded into the current log: for a read
// whose absence means something its default written out would not (a key that is an error in
// some configurations even when it holds the default, like an ALB's surge_queue_limit).
class KeyLogNoDefaults {
 public:
  explicit KeyLogNoDefaults(bool when = true);
  ~KeyLogNoDefaults();
  KeyLogNoDefaults(const KeyLogNoDefaults&) = delete;
  KeyLogNoDefaults& operator=(const KeyLogNoDefaults&) = delete;

 private:
  KeyLog* log_;
};

// The log a new Reader records into, or nullptr.
[[nodiscard]] KeyLog* current_key_log();

// The loader's key list: the keys asked for while loading each scenario file (with its
// includes); load errors are ignored. Used by `b24sim schema` and the documented-keys test.
[[nodiscard]] KeyLog scenario_key_list(std::span<const std::filesystem::path> files);
// The shipped scenarios, every *.yaml directly in `dir` (scenarios/), and the key corpus in
// dir/key-corpus/ (scenarios that read the keys the shipped ones leave out), sorted by path.
[[nodiscard]] std::vector<std::filesystem::path> shipped_key_corpus(
    const std::filesystem::path& dir);
[[nodiscard]] KeyLog shipped_key_list(const std::filesystem::path& dir);

}  // namespace b24::scenarios

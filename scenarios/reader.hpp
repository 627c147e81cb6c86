#pragma once
// Reading typed values out of a loaded scenario, the way every model reads its parameters:
//
//   Diagnostics diagnostics;
//   const Document document = load_yaml_file(path, diagnostics);
//   Reader reader(document, diagnostics);
//   const NodeView web = reader.root().child("web");
//   config.min_nodes = web.get_int("min_nodes", 2, {.min = 0, .max = 10'000});
//   config.interval = web.get_duration("interval", 30s);
//   config.target_cpu = web.get_fraction("target_cpu", 0.5);              // "50%" or 0.5
//   config.algorithm = web.get_enum("algorithm", {{"round_robin", Algorithm::round_robin},
//                                                 {"least_outstanding_requests", ...}},
//                                   Algorithm::round_robin);
//   for (const NodeView& dc : reader.root().items("dcs")) dc.require_string("name");
//   reader.finish();                       // unknown keys, with "did you mean"
//   if (!diagnostics.empty()) throw ScenarioError(std::move(diagnostics));
//
// Nothing throws on bad input. A read that finds a problem records a Diagnostic (file, line,
// column, key path, what was found and what was expected), returns the default and carries on,
// so one pass reports every error. A read of a key that is absent returns the default silently;
// require_* reads report "missing required key" at the enclosing mapping's position.
//
// Every key asked for is recorded as known at its mapping; finish() then reports each key that is
// written but was never asked for, with the closest known key as a suggestion. So a model's
// reading code is its schema: no separate list of keys to keep in step. Keys starting with "x-"
// are never unknown: they hold anchors for merge keys and notes ("x-web-defaults: &web {...}"),
// as in Docker Compose files.
//
// After one problem with a value, nothing below it is reported again: a mapping written as a
// number gives one "expected a mapping" error, not one per key read from it.
//
// Views are cheap to copy and must not outlive their Reader.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/calendar.hpp"
#include "scenarios/diagnostic.hpp"
#include "scenarios/document.hpp"
#include "scenarios/units.hpp"
#include "sim/time.hpp"

namespace b24::scenarios {

struct IntRange {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

struct RealRange {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

struct StringOptions {
  bool allow_empty = true;
};

template <class E>
struct EnumChoice {
  std::string_view name;
  E value;
};

class Reader;
class KeyLog;

class NodeView {
 public:
  // --- What this view is ---------------------------------------------------------------------
  [[nodiscard]] bool present() const { return node_ != no_node; }  // written (maybe as null)
  [[nodiscard]] bool is_null() const;
  [[nodiscard]] bool is_scalar() const;
  [[nodiscard]] bool is_sequence() const;
  [[nodiscard]] bool is_mapping() const;
  [[nodiscard]] const std::string& path() const { return path_; }  // "dcs[2].web"
  // Where the value is written; for an absent value, where its nearest written parent is.
  [[nodiscard]] const Mark& mark() const { return mark_; }
  [[nodiscard]] std::string_view text() const;  // a scalar's text, else empty

  // --- Structure ------------------------------------------------------------------------------
  // Whether the key is written; also makes it a known key.
  [[nodiscard]] bool has(std::string_view key) const;
  // The value at `key`, whatever its kind; absent if not written.
  [[nodiscard]] NodeView value(std::string_view key) const;
  [[nodiscard]] NodeView require_value(std::string_view key) const;
  // A mapping at `key`. Absent or null ("web:" with nothing after) reads as an empty mapping.
  [[nodiscard]] NodeView child(std::string_view key) const;
  [[nodiscard]] NodeView require_child(std::string_view key) const;
  // The items of a sequence at `key` (absent or null: none), paths "key[0]", "key[1]", ...
  [[nodiscard]] std::vector<NodeView> items(std::string_view key) const;
  [[nodiscard]] std::vector<NodeView> items() const;
  // A mapping whose keys are names chosen by the author ("dcs: {fra: ..., ams: ...}"), in written
  // order; every key counts as known. Paths "key.name".
  [[nodiscard]] std::vector<std::pair<std::string, NodeView>> entries(std::string_view key) const;
  [[nodiscard]] std::vector<std::pair<std::string, NodeView>> entries() const;

  // --- This value, converted (nullopt when absent or invalid; invalid is recorded) -----------
  [[nodiscard]] std::optional<int> as_int(IntRange range = {}) const;
  [[nodiscard]] std::optional<std::int64_t> as_int64(IntRange range = {}) const;
  [[nodiscard]] std::optional<double> as_double(RealRange range = {}) const;
  [[nodiscard]] std::optional<double> as_fraction(FractionOptions options = {}) const;
  [[nodiscard]] std::optional<sim::Duration> as_duration(DurationOptions options = {}) const;
  [[nodiscard]] std::optional<double> as_rate_per_s(RateOptions options = {}) const;
  [[nodiscard]] std::optional<double> as_bandwidth_bps(BandwidthOptions options = {}) const;
  [[nodiscard]] std::optional<std::int64_t> as_size_bytes(SizeOptions options = {}) const;
  [[nodiscard]] std::optional<std::string> as_string(StringOptions options = {}) const;
  [[nodiscard]] std::optional<bool> as_bool() const;  // true or false only, never yes/no/on/off
  [[nodiscard]] std::optional<TimeOfDay> as_time_of_day() const;
  [[nodiscard]] std::optional<DateTime> as_date_time() const;
  // The index of the written choice; an unknown one is reported with the closest choice.
  [[nodiscard]] std::optional<std::size_t> as_choice(
      std::span<const std::string_view> choices) const;

  // --- Keyed reads: default when absent --------------------------------------------------------
  [[nodiscard]] int get_int(std::string_view key, int fallback, IntRange range = {}) const;
  [[nodiscard]] std::int64_t get_int64(std::string_view key, std::int64_t fallback,
                                       IntRange range = {}) const;
  [[nodiscard]] double get_double(std::string_view key, double fallback,
                                  RealRange range = {}) const;
  [[nodiscard]] double get_fraction(std::string_view key, double fallback,
                                    FractionOptions options = {}) const;
  [[nodiscard]] sim::Duration get_duration(std::string_view key, sim::Duration fallback,
                                           DurationOptions options = {}) const;
  [[nodiscard]] double get_rate_per_s(std::string_view key, double fallback,
                                      RateOptions options = {}) const;
  [[nodiscard]] double get_bandwidth_bps(std::string_view key, double fallback,
                                         BandwidthOptions options = {}) const;
  [[nodiscard]] std::int64_t get_size_bytes(std::string_view key, std::int64_t fallback,
                                            SizeOptions options = {}) const;
  [[nodiscard]] std::string get_string(std::string_view key, std::string_view fallback,
                                       StringOptions options = {}) const;
  [[nodiscard]] bool get_bool(std::string_view key, bool fallback) const;
  [[nodiscard]] TimeOfDay get_time_of_day(std::string_view key, TimeOfDay fallback) const;
  [[nodiscard]] DateTime get_date_time(std::string_view key, DateTime fallback) const;
  [[nodiscard]] std::string get_enum(std::string_view key,
                                     std::initializer_list<std::string_view> choices,
                                     std::string_view fallback) const;
  template <class E>
  [[nodiscard]] E get_enum(std::string_view key, std::initializer_list<EnumChoice<E>> choices,
                           E fallback) const;

  // --- Keyed reads: "missing required key" when absent (the result is then value-initialized) -
  [[nodiscard]] int require_int(std::string_view key, IntRange range = {}) const;
  [[nodiscard]] std::int64_t require_int64(std::string_view key, IntRange range = {}) const;
  [[nodiscard]] double require_double(std::string_view key, RealRange range = {}) const;
  [[nodiscard]] double require_fraction(std::string_view key, FractionOptions options = {}) const;
  [[nodiscard]] sim::Duration require_duration(std::string_view key,
                                               DurationOptions options = {}) const;
  [[nodiscard]] double require_rate_per_s(std::string_view key, RateOptions options = {}) const;
  [[nodiscard]] double require_bandwidth_bps(std::string_view key,
                                             BandwidthOptions options = {}) const;
  [[nodiscard]] std::int64_t require_size_bytes(std::string_view key,
                                                SizeOptions options = {}) const;
  [[nodiscard]] std::string require_string(std::string_view key, StringOptions options = {}) const;
  [[nodiscard]] bool require_bool(std::string_view key) const;
  [[nodiscard]] TimeOfDay require_time_of_day(std::string_view key) const;
  [[nodiscard]] DateTime require_date_time(std::string_view key) const;
  [[nodiscard]] std::string require_enum(std::string_view key,
                                         std::initializer_list<std::string_view> choices) const;
  // E cannot be deduced from the braces here: write require_enum<Algorithm>("key", {...}).
  template <class E>
  [[nodiscard]] E require_enum(std::string_view key,
                               std::initializer_list<EnumChoice<E>> choices) const;

  // --- Defaults, for `b24sim explain` and `b24sim schema` (key_log.hpp) -----------------------
  // Whether the key log wants this value's default: a log is active and the value is absent.
  // One pointer test when no log is active, so a reader builds the default's text only then:
  //   if (v.records_default()) v.note_default(duration_text(out));
  // get_* and the detail::read_* helpers do it themselves; a reader that takes a default some
  // other way (value(key).as_*(), then its own default) says so with note_default. A default
  // whose absence means more than its value (a key that is an error when written in some
  // configurations) is not noted: KeyLogNoDefaults.
  [[nodiscard]] bool records_default() const;
  // `yaml`: YAML text that this reader reads back as the default taken (default_text.hpp);
  // nullopt when there is none.
  void note_default(const std::optional<std::string>& yaml) const;

  // --- Errors the model finds itself (min_nodes > max_nodes, an unknown DC name, ...) ---------
  // At this value, with this view's path. Not reported under a value already found invalid.
  void error(std::string message) const;
  // At the value of `key` (or, when absent, at this mapping), with the key's path.
  void error(std::string_view key, std::string message) const;

 private:
  friend class Reader;
  NodeView(Reader* reader, NodeId node, std::string path, Mark mark, bool quiet)
      : reader_(reader), node_(node), path_(std::move(path)), mark_(mark), quiet_(quiet) {}

  [[nodiscard]] const Node* node() const;
  [[nodiscard]] NodeView absent_child(std::string path) const;
  [[nodiscard]] NodeView lookup(std::string_view key) const;
  [[nodiscard]] bool expect_mapping() const;
  void report_missing(std::string_view key) const;
  // The scalar's text if this view holds a usable scalar; reports other kinds as not `expected`.
  [[nodiscard]] std::optional<std::string_view> scalar_for(std::string_view expected) const;
  template <class T>
  [[nodiscard]] std::optional<T> take(const Parsed<T>& parsed) const;
  void note_default_choice(std::string_view name) const;  // a get_enum's fallback, by name
  template <class E>
  [[nodiscard]] std::optional<E> pick(std::initializer_list<EnumChoice<E>> choices) const;

  Reader* reader_ = nullptr;
  NodeId node_ = no_node;
  std::string path_;
  Mark mark_;
  // Set below a value already reported as invalid, and in a document that failed to load:
  // reads there give defaults without further errors.
  bool quiet_ = false;
};

class Reader {
 public:
  Reader(const Document& document, Diagnostics& diagnostics);
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The document's top value, normally a mapping. Quiet (no errors) if the document failed to
  // load: its load errors are already recorded.
  [[nodiscard]] NodeView root();

  // Reports every key written in a mapping that was read but never asked for. Call once, after
  // all reading; later calls report nothing new.
  void finish();

  [[nodiscard]] const Document& document() const { return document_; }
  [[nodiscard]] Diagnostics& diagnostics() { return diagnostics_; }

 private:
  friend class NodeView;
  struct Visit {
    std::string path;
    std::set<std::string, std::less<>> known;
  };

  void visit(NodeId mapping, const std::string& path);
  void know(NodeId mapping, std::string_view key);
  void know_all(NodeId mapping);
  // False if this node already had an error: report each broken value once.
  bool first_complaint(NodeId node);
  void report(const Mark& mark, std::string path, std::string message);

  const Document& document_;
  Diagnostics& diagnostics_;
  std::map<NodeId, Visit> visits_;  // mappings read, in document order
  std::set<NodeId> complained_;
  std::set<NodeId> finished_;
  KeyLog* key_log_;  // scenarios/key_log.hpp: records the keys asked for; usually nullptr
};

// --- Inline and template definitions ------------------------------------------------------------

inline bool NodeView::records_default() const {
  return reader_->key_log_ != nullptr && !present() && !quiet_;
}

template <class E>
std::optional<E> NodeView::pick(std::initializer_list<EnumChoice<E>> choices) const {
  std::vector<std::string_view> names;
  names.reserve(choices.size());
  for (const EnumChoice<E>& choice : choices) names.push_back(choice.name);
  const std::optional<std::size_t> index = as_choice(names);
  if (!index) return std::nullopt;
  return (choices.begin() + static_cast<std::ptrdiff_t>(*index))->value;
}

template <class E>
E NodeView::get_enum(std::string_view key, std::initializer_list<EnumChoice<E>> choices,
                     E fallback) const {
  const NodeView found = value(key);
  if (found.records_default()) {
    for (const EnumChoice<E>& choice : choices) {
      if (choice.value != fallback) continue;
      found.note_default_choice(choice.name);
      break;
    }
  }
  return found.pick(choices).value_or(fallback);
}

template <class E>
E NodeView::require_enum(std::string_view key, std::initializer_list<EnumChoice<E>> choices) const {
  return require_value(key).pick(choices).value_or(E{});
}

}  // namespace b24::scenarios

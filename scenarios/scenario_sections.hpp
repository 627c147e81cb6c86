#pragma once
// Internal to the scenario loader: one reader per YAML section of a scenario, and the field
// reads they share. Not part of the public API (scenario.hpp is).
//
// Every read_* helper leaves `out` untouched when the key is absent, so the default is always
// the one of the default-constructed model struct the caller reads into; it returns false only
// when the key is written and invalid (the error is then recorded). Cross-field checks run only
// on values that are valid, so one mistake gives one error, never a second one about a value
// that was replaced by its default.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/object_store_params.hpp"
#include "models/platform_params.hpp"
#include "models/web_tier.hpp"
#include "models/web_tier_params.hpp"
#include "scenarios/check.hpp"
#include "scenarios/default_text.hpp"
#include "scenarios/document.hpp"
#include "scenarios/reader.hpp"
#include "sim/distributions.hpp"
#include "sim/time.hpp"

namespace b24::scenarios::detail {

// A whole file's bytes; nullopt when it cannot be read (missing, a directory, an I/O error).
[[nodiscard]] std::optional<std::string> read_file_text(const std::filesystem::path& path);

// --- Field reads ---------------------------------------------------------------------------------

bool read_int(const NodeView& map, std::string_view key, int& out, IntRange range);
bool read_u32(const NodeView& map, std::string_view key, std::uint32_t& out, IntRange range);
bool read_duration(const NodeView& map, std::string_view key, sim::Duration& out,
                   DurationOptions options = {});
// A duration that must be a whole number of seconds (the policy structs count in seconds).
bool read_seconds(const NodeView& map, std::string_view key, std::chrono::seconds& out,
                  DurationOptions options = {});
bool read_fraction(const NodeView& map, std::string_view key, double& out,
                   FractionOptions options = {});
bool read_bool(const NodeView& map, std::string_view key, bool& out);

// The name of `current` among `choices` (the first, when several name it) as the default of an
// absent value.
template <class E>
void note_default_choice(const NodeView& value, std::initializer_list<EnumChoice<E>> choices,
                         const E& current) {
  for (const EnumChoice<E>& choice : choices) {
    if (choice.value != current) continue;
    value.note_default(word_text(choice.name));
    return;
  }
}

template <class E>
bool read_enum(const NodeView& map, std::string_view key, E& out,
               std::initializer_list<EnumChoice<E>> choices) {
  const NodeView value = map.value(key);
  std::vector<std::string_view> names;
  names.reserve(choices.size());
  for (const EnumChoice<E>& choice : choices) names.push_back(choice.name);
  if (!value.present()) {
    (void)value.as_choice(names);  // absent: the key log learns the kind (and the default)
    if (value.records_default()) note_default_choice(value, choices, out);
    return true;
  }
  const std::optional<std::size_t> index = value.as_choice(names);
  if (!index) return false;
  out = (choices.begin() + static_cast<std::ptrdiff_t>(*index))->value;
  return true;
}

// A time-valued distribution (CPU time, launch delay), written as a bare duration ("40ms", a
// constant) or as {distribution: exponential|lognormal|..., <its parameters as durations>}.
// Converted to seconds, the unit of the models' sim::Distribution. Absent: `out` untouched.
bool read_time_distribution(const NodeView& map, std::string_view key, sim::Distribution& out);

// Letters, digits, '-' and '_': a name that becomes part of a record's entity ("dc/<name>/...").
[[nodiscard]] bool is_entity_name(std::string_view name);

// An alarm's datapoints may span at most a day (CloudWatch, DOMAIN.md 2): reported at `key`.
void check_alarm_span(const NodeView& map, std::string_view key, int datapoints,
                      std::chrono::seconds period);

// --- Sections ------------------------------------------------------------------------------------

// Values a later cross-section check needs: nullopt when the key was written but invalid.
struct CheckedValues {
  std::optional<sim::Duration> duration;
  std::optional<sim::Duration> sample_step;
  std::optional<sim::Duration> cloudwatch_period;
};

void read_slo(const NodeView& slo, models::SloParams& out);
void read_dc(const NodeView& dc, models::WebTierParams& out);
void read_workload(const NodeView& workload, models::WorkloadParams& out);
// A daily profile: the list of {at, of_peak} points at `key` of `map` (workload.daily_profile,
// a cohort's daily_profile, daily_profiles.<name>). Absent: `out` untouched.
void read_daily_profile(const NodeView& map, std::string_view key, models::DailyProfile& out);
void read_web_node(const NodeView& node, models::WebNodeParams& out);
void read_load_balancer(const NodeView& lb, models::WebTierParams& out);
// Returns the period when valid (10 s, 30 s or a multiple of 60 s).
std::optional<sim::Duration> read_cloudwatch(const NodeView& cloudwatch,
                                             models::CloudWatchParams& out);
void read_auto_scaling(const NodeView& auto_scaling, const CheckedValues& checked,
                       models::AutoScalingParams& out);
// auto_scaling.step_scaling and auto_scaling.simple_scaling: the rules with their alarms.
// `default_warmup` is the group's DefaultInstanceWarmup, when written and valid.
void read_scaling_policies(const NodeView& auto_scaling, const CheckedValues& checked,
                           std::optional<std::chrono::seconds> default_warmup,
                           models::AutoScalingParams& out);
void read_faults(const NodeView& root, const CheckedValues& checked,
                 const models::WorkloadParams& workload, std::vector<models::NodeCrash>& out);

// --- Storage scenarios (issue 5): a scenario with a top-level `storage:` key ------------------

// storage.* into `out`; replicas <= zones and the PG x tenant bound are checked here.
void read_storage(const NodeView& storage, models::ObjectStoreParams& out);

// `deploy:` of a single-DC scenario; "12:00 local" is in the zone of `utc_offset`.
void read_deploy(const NodeView& root, const CheckedValues& checked, sim::Duration utc_offset,
                 std::optional<models::DeployParams>& out);

// --- Platform scenarios (issue 4): a scenario with a top-level `topology:` key ------------------

// The topology's DCs and links by name, for the cross-checks of a platform scenario. When the
// topology itself had errors (`checkable` false) an unknown name is not reported again: the
// mistake may be in the topology.
class PlatformNames {
 public:
  PlatformNames(const models::TopologyParams& topology, bool checkable)
      : topology_(topology), checkable_(checkable) {}
  // The DC index of the written name; an unknown one is reported with a "did you mean".
  [[nodiscard]] std::optional<std::size_t> dc(const NodeView& value) const;
  // The same for a name that is a key (dcs.<name>), reported at `at`.
  [[nodiscard]] std::optional<std::size_t> dc_named(const NodeView& at,
                                                    const std::string& name) const;
  // A link written "<a>-<b>" in either order: its index in topology.links.
  [[nodiscard]] std::optional<std::size_t> link(const NodeView& value) const;
  // "<a>-<b>" as the topology writes the link.
  [[nodiscard]] std::string link_name(std::size_t link) const;
  [[nodiscard]] const models::TopologyParams& topology() const { return topology_; }
  [[nodiscard]] bool checkable() const { return checkable_; }

 private:
  void unknown(const NodeView& value, std::string_view what, const std::string& name,
               const std::vector<std::string>& candidates) const;

  const models::TopologyParams& topology_;
  bool checkable_;
};

// `topology:` as a path or an inline mapping. A path is relative to the directory of the file
// that writes it: `scenario_dir` for the scenario itself (and a --set override), the included
// file's directory for a value that comes from an `include:` (its mark names that file in
// `document`). Returns false when it added a diagnostic. `text` and `path` are the file's, empty
// for an inline topology.
bool read_platform_topology(const NodeView& root, const Document& document,
                            const std::filesystem::path& scenario_dir, Diagnostics& diagnostics,
                            models::TopologyParams& out, std::string& text,
                            std::filesystem::path& path);
// Top-level single-DC keys (dc, workload, web_node, ...) are errors in a platform scenario.
void reject_single_dc_keys(const NodeView& root);
void read_placement(const NodeView& placement, policy::PlacementPolicy& out);
void read_health_detection(const NodeView& health, models::DcHealthParams& out);
// Also reads `composite:` (read_composite), which names cohorts.
void read_cohorts(const NodeView& root, const PlatformNames& names, models::PlatformParams& out);
// composite: the composite site; its cohorts must be in out.cohorts. Absent: out untouched.
void read_composite(const NodeView& root, models::PlatformParams& out);
// `calls:` (issue 5): absent leaves out.calls empty. Storms name cohorts: call after
// read_cohorts.
void read_calls(const NodeView& root, models::PlatformParams& out);
// Rings, pairs and edges with their per-edge checks; when those pass (and the topology is
// valid), the graph as a whole is checked by models::validate_replication_graph, whose message is
// reported at the `replication` key (`document` gives that key's file and position).
void read_replication(const NodeView& root, const Document& document, Diagnostics& diagnostics,
                      const PlatformNames& names, models::PlatformParams& out);
void read_platform_faults(const NodeView& root, const PlatformNames& names,
                          const CheckedValues& checked, models::PlatformParams& out);
// `deploy:` of a platform scenario: dcs (names or `all`) deployed in sequence from `at`.
void read_platform_deploy(const NodeView& root, const PlatformNames& names,
                          const CheckedValues& checked,
                          std::optional<models::PlatformDeployParams>& out);

// `checks:` (issue 6, scenarios/check.hpp): each expression parsed and checked against what the
// scenario has (`features`: ScenarioFeature bits); a (dc: <name>) must name a topology DC
// (`names`: null outside a platform scenario, where no check takes an argument), a
// (plan: <name>) a plan of `cohorts` that counts tenants, a (cohort: <name>) one of `cohorts`
// that counts tenants (`cohorts`: empty outside a platform scenario).
void read_checks(const NodeView& root, std::uint8_t features, const PlatformNames* names,
                 std::span<const models::CohortParams> cohorts, std::vector<Check>& out);

// One tier's sections (web_node, load_balancer, cloudwatch, auto_scaling,
// instance_price_usd_per_hour) from `map` into `out`. Returns the CloudWatch period when valid.
std::optional<sim::Duration> read_tier(const NodeView& map, const CheckedValues& checked,
                                       models::WebTierParams& out);
// web_defaults: read once into every tier (in topology order, named after the DC); dcs: only
// the names are checked here. `periods` gets each tier's valid CloudWatch period.
void read_web_defaults(const NodeView& root, const PlatformNames& names,
                       const CheckedValues& checked, models::PlatformParams& out,
                       std::vector<std::optional<sim::Duration>>& periods);
// dcs.<name>: each DC's overrides merged key by key over web_defaults and read again, with a
// reader of their own over a copy of `document`. Call after the scenario's Reader::finish():
// errors already reported (in web_defaults) are not repeated.
void read_dc_overrides(const Document& document, Diagnostics& diagnostics,
                       const CheckedValues& checked, models::PlatformParams& out,
                       std::vector<std::optional<sim::Duration>>& periods);

}  // namespace b24::scenarios::detail

#include "models/fault_plan.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "sim/assert.hpp"
#include "sim/distributions.hpp"

namespace b24::models {
namespace {

// More expected faults per target than this is a unit mistake (a mean time between faults in
// seconds where hours were meant), and the whole plan is held in memory.
constexpr double max_expected_faults = 1e6;

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument("fault plan: " + what);
}

// One target's alternating up/down process (see the header): two draws per fault, gap then
// length, in that order.
void draw_target(const RandomFaultSpec& spec, const std::string& target, sim::Duration horizon,
                 std::uint64_t seed, std::vector<FaultSpec>& out) {
  sim::Rng rng = sim::Rng::stream(seed, fault_stream_name(spec, target));
  const sim::Exponential gap(sim::to_seconds(spec.mean_time_between));
  const sim::Exponential length(sim::to_seconds(spec.mean_length));
  const bool lasts = spec.kind != FaultKind::node_crash;
  const double horizon_s = sim::to_seconds(horizon);
  // Poisson-like count of mean <= max_expected_faults: ten times that is never reached.
  const auto bound = static_cast<std::size_t>(10 * max_expected_faults + 1000);
  sim::Duration ready{0};  // the target is up from here on
  for (std::size_t n = 0;; ++n) {
    B24_ASSERT_MSG(n <= bound, "fault plan: runaway fault process");
    const double gap_s = gap.sample(rng);
    const double length_s = length.sample(rng);
    // Compare in seconds first: a huge gap would overflow the microsecond count.
    if (sim::to_seconds(ready) + gap_s >= horizon_s) break;
    const sim::Duration at = ready + sim::from_seconds(gap_s);
    if (at >= horizon) break;
    const sim::Duration lasting =
        lasts ? std::max<sim::Duration>(std::chrono::seconds{1}, sim::from_seconds(length_s))
              : sim::Duration{0};
    FaultSpec fault;
    fault.kind = spec.kind;
    fault.targets = {target};
    fault.at = at;
    fault.length = lasting;
    fault.server = spec.server;
    fault.nodes = spec.nodes;
    out.push_back(std::move(fault));
    ready = at + lasting;
  }
}

void validate_fixed(const FaultSpec& fault) {
  require(!fault.targets.empty(), "a fault needs at least one target");
  require(fault.at.count() >= 0, "a fault's `at` must be >= 0");
  require(fault.length.count() >= 0, "a fault's length must be >= 0");
}

auto sort_key(const FaultSpec& f) {
  return std::tie(f.at, f.kind, f.targets, f.server, f.nodes, f.length);
}

}  // namespace

std::string_view fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::dc_failure:
      return "dc_failure";
    case FaultKind::db_crash:
      return "db_crash";
    case FaultKind::partition:
      return "partition";
    case FaultKind::node_crash:
      return "node_crash";
    case FaultKind::turn_failure:
      return "turn_failure";
  }
  return "?";
}

std::string fault_stream_name(const RandomFaultSpec& spec, std::string_view target) {
  std::string name = "faults/";
  name += fault_kind_name(spec.kind);
  name += '/';
  name += target;
  if (spec.kind == FaultKind::db_crash) name += "/s" + std::to_string(spec.server);
  return name;
}

void validate(const RandomFaultSpec& spec, sim::Duration horizon) {
  const std::string kind(fault_kind_name(spec.kind));
  require(horizon.count() >= 0, "horizon must be >= 0");
  require(!spec.targets.empty(), "random " + kind + " faults need at least one target");
  std::vector<std::string> names = spec.targets;
  std::sort(names.begin(), names.end());
  require(std::adjacent_find(names.begin(), names.end()) == names.end(),
          "random " + kind + " faults name a target twice");
  require(!names.front().empty(), "random " + kind + " faults name an empty target");
  require(spec.mean_time_between.count() > 0,
          "random " + kind + " faults: mean_time_between must be > 0");
  require(spec.mean_length.count() > 0, "random " + kind + " faults: mean_length must be > 0");
  require(spec.kind != FaultKind::db_crash || spec.server == 0 || spec.server == 1,
          "random db_crash faults: server must be 0 or 1");
  require(spec.kind != FaultKind::node_crash || spec.nodes > 0,
          "random node_crash faults: nodes must be > 0");
  require(sim::to_seconds(horizon) / sim::to_seconds(spec.mean_time_between) <= max_expected_faults,
          "random " + kind + " faults: more than a million expected per target (check units)");
}

std::vector<FaultSpec> draw_random_faults(const RandomFaultSpec& spec, sim::Duration horizon,
                                          std::uint64_t seed) {
  validate(spec, horizon);
  std::vector<FaultSpec> faults;
  for (const std::string& target : spec.targets) draw_target(spec, target, horizon, seed, faults);
  return faults;
}

std::vector<FaultSpec> resolve_faults(const std::vector<FaultSpec>& fixed,
                                      const std::vector<RandomFaultSpec>& random,
                                      sim::Duration horizon, std::uint64_t seed) {
  std::vector<std::string> streams;
  for (const RandomFaultSpec& spec : random) {
    validate(spec, horizon);
    for (const std::string& target : spec.targets) {
      streams.push_back(fault_stream_name(spec, target));
    }
  }
  std::sort(streams.begin(), streams.end());
  const auto repeated = std::adjacent_find(streams.begin(), streams.end());
  require(repeated == streams.end(), "two random fault specs draw from the same stream " +
                                         (repeated == streams.end() ? std::string{} : *repeated));

  std::vector<FaultSpec> all;
  for (const FaultSpec& fault : fixed) {
    validate_fixed(fault);
    all.push_back(fault);
  }
  for (const RandomFaultSpec& spec : random) {
    std::vector<FaultSpec> drawn = draw_random_faults(spec, horizon, seed);
    all.insert(all.end(), std::make_move_iterator(drawn.begin()),
               std::make_move_iterator(drawn.end()));
  }
  std::stable_sort(all.begin(), all.end(), [](const FaultSpec& a, const FaultSpec& b) {
    return sort_key(a) < sort_key(b);
  });
  return all;
}

}  // namespace b24::models

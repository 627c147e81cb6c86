#pragma once
// Tenant placement and failover: which data center serves a cohort of tenants now. Source: issue 4,
// "Tenants and routing": each cohort works with exactly one DC at a time; home while healthy,
// otherwise the best allowed DC (same jurisdiction first, then the scenario's explicit
// cross-border permissions, then the freshest copy of the cohort's data), with hysteresis so
// failback does not flap; a residency violation is impossible unless the scenario allows it, and
// is flagged when it happens.
//
// The rules, in order (the first that applies decides):
//  1. home: the cohort is on its home DC and home is healthy: stay.
//  2. failback: the cohort is elsewhere, home has been healthy for at least
//     `failback_stability` (measured from `healthy_since`; exactly equal is enough) and home's
//     copy of the cohort's data lags the current DC's by at most `failback_max_lag` (or home
//     holds no replica, or the current DC is down): go home. The issue's order: "when the failed
//     DC returns, replication catches up and cohorts fail back".
//  3. keep current: the current DC is healthy and lawful (same jurisdiction or permitted):
//     stay, even when another DC holds a fresher copy (no flapping).
//  4. fail over: the best healthy candidate, by tier: same jurisdiction, then permitted foreign
//     jurisdictions, then (only when the scenario allows violations) any other jurisdiction,
//     flagged as a residency violation. Within the first non-empty tier: the freshest replica
//     (least lag; DCs holding no replica last), then the lowest DC id. A home that is healthy
//     but not yet stable is an ordinary candidate here. When the current DC is healthy and in
//     that tier (a violation tier only: a lawful current DC was kept by rule 3) it is kept.
//  5. no allowed DC: nothing healthy is allowed: no target; the cohort stays assigned to its
//     current DC and its requests fail (the model counts them).
//
// Our reading where the issue is silent: failback_stability defaults to 10 min (an assumption,
// a parameter); a cohort on a permitted foreign DC is not moved to a recovered same-jurisdiction
// DC (rule 3) but waits for failback home; a cohort on a violating DC moves to a lawful DC as
// soon as one is healthy. The model decides when health detection declares home healthy.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policy/time.hpp"

namespace b24::policy {

using DataCenterId = std::uint32_t;  // the simulator passes models::DcId::index
using CohortId = std::uint64_t;

// Cohorts of jurisdiction `from` may be served from DCs of jurisdiction `to` (one direction).
struct CrossBorderPermission {
  std::string from;  // e.g. "KZ"
  std::string to;    // e.g. "RU"
};

struct PlacementPolicy {
  // Home must have been healthy this long before a cohort fails back. Assumption: 10 min, long
  // enough for a DC that flaps under health detection not to drag its cohorts back and forth.
  std::chrono::seconds failback_stability{600};
  // Failback also waits until home's replica of the cohort's data is this close to the current
  // DC's, so that the cohort does not return to a copy missing its latest writes. Assumption:
  // 30 s, a few seconds of normal cross-DC lag with room to spare.
  std::chrono::seconds failback_max_lag{30};
  std::vector<CrossBorderPermission> cross_border_permissions{};  // the scenario's, explicit
  bool allow_residency_violations = false;                        // the scenario's switch
};

struct CohortState {
  CohortId id = 0;
  std::string jurisdiction;      // where its data must live, e.g. "EU"
  DataCenterId home = 0;         // lawful for the jurisdiction (checked)
  DataCenterId current = 0;      // the DC it works with now
  Timestamp on_current_since{};  // when it arrived there (<= now); shown in the reason
};

struct DataCenterState {
  DataCenterId id = 0;
  std::string name;           // for the reason, e.g. "fra"
  std::string jurisdiction;   // e.g. "EU"
  bool healthy = false;       // as declared by DC health detection
  Timestamp healthy_since{};  // when detection last declared it healthy (<= now); if healthy
  // How far this DC's copy of the cohort's data lags behind the cohort's primary (zero on the
  // current DC itself); none when it holds no replica of the cohort.
  std::optional<Duration> replication_lag{};
};

struct PlacementObservation {
  Timestamp now{};
  CohortState cohort{};
  // Every DC, in any order, ids unique. A view: the caller's array must outlive the call (so a
  // caller deciding for many cohorts copies no names).
  std::span<const DataCenterState> data_centers{};
};

enum class PlacementRule { home, failback, keep_current, fail_over, no_allowed_dc };

// How a DC stands with respect to a cohort's data residency.
enum class Residency { same_jurisdiction, permitted_foreign, violation };

struct PlacementDecision {
  PlacementRule rule = PlacementRule::no_allowed_dc;
  std::optional<DataCenterId> target{};  // none: no allowed DC is healthy
  bool move = false;                     // target differs from the current DC
  bool failback = false;                 // a move back to home
  bool residency_violation = false;      // target's jurisdiction is neither own nor permitted
  std::string reason{};
};

// Applies the rules above. Throws std::invalid_argument on duplicate DC ids, a cohort home or
// current DC missing from the list, a home that is not lawful for the cohort, empty
// jurisdictions, negative lag or failback stability, or instants after `now`.
[[nodiscard]] PlacementDecision decide_placement(const PlacementPolicy& policy,
                                                 const PlacementObservation& observation);

// Whether cohorts of `cohort_jurisdiction` may live in a DC of `dc_jurisdiction` lawfully.
[[nodiscard]] Residency classify_residency(const PlacementPolicy& policy,
                                           std::string_view cohort_jurisdiction,
                                           std::string_view dc_jurisdiction);

[[nodiscard]] std::string_view to_string(PlacementRule rule);

}  // namespace b24::policy

#include "policy/placement.hpp"

#include <algorithm>
#include <tuple>

#include "policy/contract.hpp"
#include "policy/format.hpp"

namespace b24::policy {
namespace {

const DataCenterState* find_dc(std::span<const DataCenterState> dcs, DataCenterId id) {
  for (const DataCenterState& dc : dcs) {
    if (dc.id == id) return &dc;
  }
  return nullptr;
}

void validate(const PlacementPolicy& policy, const PlacementObservation& observation) {
  require(policy.failback_stability >= std::chrono::seconds{0}, "failback stability >= 0");
  require(policy.failback_max_lag >= std::chrono::seconds{0}, "failback max lag >= 0");
  for (const CrossBorderPermission& permission : policy.cross_border_permissions) {
    require(!permission.from.empty() && !permission.to.empty(),
            "cross-border permissions name two jurisdictions");
  }
  const CohortState& cohort = observation.cohort;
  require(!cohort.jurisdiction.empty(), "the cohort has a jurisdiction");
  require(cohort.on_current_since <= observation.now, "cohort on its current DC since <= now");
  std::vector<DataCenterId> ids;
  ids.reserve(observation.data_centers.size());
  for (const DataCenterState& dc : observation.data_centers) {
    require(!dc.jurisdiction.empty(), "every DC has a jurisdiction");
    require(!dc.replication_lag || *dc.replication_lag >= Duration::zero(), "replication lag >= 0");
    require(!dc.healthy || dc.healthy_since <= observation.now, "DC healthy since <= now");
    ids.push_back(dc.id);
  }
  std::sort(ids.begin(), ids.end());
  require(std::adjacent_find(ids.begin(), ids.end()) == ids.end(), "DC ids are unique");
  const DataCenterState* home = find_dc(observation.data_centers, cohort.home);
  require(home != nullptr, "the cohort's home DC is in the DC list");
  require(find_dc(observation.data_centers, cohort.current) != nullptr,
          "the cohort's current DC is in the DC list");
  require(
      classify_residency(policy, cohort.jurisdiction, home->jurisdiction) != Residency::violation,
      "the cohort's home DC is lawful for its jurisdiction");
}

struct Candidate {
  const DataCenterState* dc = nullptr;
  Residency residency = Residency::violation;
  bool eligible = false;  // healthy and allowed
};

// Eligible DCs first, by tier, then replica present, then least lag, then lowest id; the rest
// after them by lowest id.
bool better(const Candidate& a, const Candidate& b) {
  const auto key = [](const Candidate& c) {
    const bool eligible = c.eligible;
    const bool no_replica = eligible && !c.dc->replication_lag;
    const Duration lag =
        eligible ? c.dc->replication_lag.value_or(Duration::zero()) : Duration::zero();
    const int tier = eligible ? static_cast<int>(c.residency) : 0;
    return std::tuple{!eligible, tier, no_replica, lag, c.dc->id};
  };
  return key(a) < key(b);
}

std::vector<Candidate> rank(const PlacementPolicy& policy,
                            const PlacementObservation& observation) {
  std::vector<Candidate> ranked;
  ranked.reserve(observation.data_centers.size());
  for (const DataCenterState& dc : observation.data_centers) {
    const Residency residency =
        classify_residency(policy, observation.cohort.jurisdiction, dc.jurisdiction);
    const bool allowed = residency != Residency::violation || policy.allow_residency_violations;
    ranked.push_back({&dc, residency, dc.healthy && allowed});
  }
  std::sort(ranked.begin(), ranked.end(), better);
  return ranked;
}

std::string_view residency_text(Residency residency) {
  switch (residency) {
    case Residency::same_jurisdiction:
      return "same jurisdiction";
    case Residency::permitted_foreign:
      return "permitted";
    case Residency::violation:
      return "not permitted";
  }
  return "?";
}

std::string describe(const Candidate& candidate) {
  const DataCenterState& dc = *candidate.dc;
  std::string text = dc.name + " (" + dc.jurisdiction + ", " +
                     std::string(residency_text(candidate.residency)) + ", ";
  if (!dc.healthy) return text + "down)";
  if (!dc.replication_lag) return text + "no replica)";
  return text + "lag " + format_duration(*dc.replication_lag) + ")";
}

std::string candidates_text(const std::vector<Candidate>& ranked) {
  std::string text = "candidates, best first: ";
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (i > 0) text += "; ";
    text += describe(ranked[i]);
  }
  return text;
}

// Why the cohort is not (or not yet) going home.
// Home's copy of the cohort's data is close enough to the current DC's to go back: within
// failback_max_lag, or home holds no replica at all (nothing can catch up: waiting is useless).
bool home_caught_up(const PlacementPolicy& policy, const DataCenterState& home) {
  return !home.replication_lag || *home.replication_lag <= Duration{policy.failback_max_lag};
}

std::string home_text(const PlacementPolicy& policy, const DataCenterState& home) {
  if (!home.healthy) return "home " + home.name + " is down";
  std::string text = "home " + home.name + " healthy since " +
                     format_timestamp(home.healthy_since) + ", failback waits until " +
                     format_timestamp(home.healthy_since + Duration{policy.failback_stability}) +
                     " (" + format_duration(policy.failback_stability) + " stability)";
  if (!home_caught_up(policy, home)) {
    text += " and for home's replica to catch up (lag " + format_duration(*home.replication_lag) +
            " > " + format_duration(policy.failback_max_lag) + ")";
  }
  return text;
}

PlacementDecision fail_over(const PlacementPolicy& policy, const PlacementObservation& observation,
                            const DataCenterState& home, const DataCenterState& current,
                            std::string prefix) {
  const std::vector<Candidate> ranked = rank(policy, observation);
  const std::string situation = prefix + home_text(policy, home) + "; current " + current.name +
                                (current.healthy ? " is not lawful" : " is down");
  PlacementDecision decision;
  if (ranked.empty() || !ranked.front().eligible) {
    decision.rule = PlacementRule::no_allowed_dc;
    decision.reason = situation + "; no allowed DC is healthy" +
                      (policy.allow_residency_violations
                           ? ""
                           : " (residency violations are not allowed by the scenario)") +
                      ": stays on " + current.name + ", its requests fail; " +
                      candidates_text(ranked);
    return decision;
  }
  const Candidate* chosen = &ranked.front();
  for (const Candidate& candidate : ranked) {
    if (candidate.eligible && candidate.residency == chosen->residency &&
        candidate.dc == &current) {
      chosen = &candidate;  // a healthy current DC in the best tier is kept: no hopping
    }
  }
  decision.rule = PlacementRule::fail_over;
  decision.target = chosen->dc->id;
  decision.move = chosen->dc != &current;
  decision.failback = decision.move && chosen->dc == &home;
  decision.residency_violation = chosen->residency == Residency::violation;
  decision.reason =
      situation + "; " + (decision.move ? "fails over to " : "keeps ") + describe(*chosen) +
      (decision.move ? ", the best healthy allowed DC (own jurisdiction, then permitted, then "
                       "violation if allowed; freshest replica; lowest id)"
                     : ", already in the best healthy allowed tier") +
      (decision.residency_violation ? ": RESIDENCY VIOLATION (allowed by the scenario)" : "") +
      "; " + candidates_text(ranked);
  return decision;
}

}  // namespace

Residency classify_residency(const PlacementPolicy& policy, std::string_view cohort_jurisdiction,
                             std::string_view dc_jurisdiction) {
  if (cohort_jurisdiction == dc_jurisdiction) return Residency::same_jurisdiction;
  for (const CrossBorderPermission& permission : policy.cross_border_permissions) {
    if (permission.from == cohort_jurisdiction && permission.to == dc_jurisdiction) {
      return Residency::permitted_foreign;
    }
  }
  return Residency::violation;
}

PlacementDecision decide_placement(const PlacementPolicy& policy,
                                   const PlacementObservation& observation) {
  validate(policy, observation);
  const CohortState& cohort = observation.cohort;
  const DataCenterState& home = *find_dc(observation.data_centers, cohort.home);
  const DataCenterState& current = *find_dc(observation.data_centers, cohort.current);
  const std::string prefix = "cohort " + std::to_string(cohort.id) + " (" + cohort.jurisdiction +
                             ") on " + current.name + " since " +
                             format_timestamp(cohort.on_current_since) + ": ";
  PlacementDecision decision;
  if (home.healthy && &current == &home) {
    decision.rule = PlacementRule::home;
    decision.target = home.id;
    decision.reason = prefix + "home " + home.name + " is healthy: stays home";
    return decision;
  }
  // A current DC that is down does not wait for home's replica: home is the better place.
  const bool replica_ready = home_caught_up(policy, home) || !current.healthy;
  if (home.healthy && observation.now - home.healthy_since >= policy.failback_stability &&
      replica_ready) {
    decision.rule = PlacementRule::failback;
    decision.target = home.id;
    decision.move = decision.failback = true;
    decision.reason =
        prefix + "home " + home.name + " healthy since " + format_timestamp(home.healthy_since) +
        ", at least the " + format_duration(policy.failback_stability) +
        " failback stability: fails back home (home replica lag " +
        (home.replication_lag ? format_duration(*home.replication_lag) : "none") + ")";
    return decision;
  }
  const Residency residency = classify_residency(policy, cohort.jurisdiction, current.jurisdiction);
  if (current.healthy && residency != Residency::violation) {
    decision.rule = PlacementRule::keep_current;
    decision.target = current.id;
    decision.reason = prefix + home_text(policy, home) + "; keeps current " +
                      describe({&current, residency, true}) +
                      ": healthy and lawful, a fresher replica elsewhere is no reason to move";
    return decision;
  }
  return fail_over(policy, observation, home, current, prefix);
}

std::string_view to_string(PlacementRule rule) {
  switch (rule) {
    case PlacementRule::home:
      return "home";
    case PlacementRule::failback:
      return "failback";
    case PlacementRule::keep_current:
      return "keep current";
    case PlacementRule::fail_over:
      return "fail over";
    case PlacementRule::no_allowed_dc:
      return "no allowed DC";
  }
  return "?";
}

}  // namespace b24::policy

#pragma once
// DC health detection: an orchestrator probes every DC on a fixed interval and feeds each probe's
// result to policy::TargetHealth, whose thresholds decide when a DC is declared failed or
// healthy again (DcHealthParams: 30 s interval, 3 failures, 3 successes). The placement policy
// acts on these declarations, never on the true state, so failover time includes detection.
//
// Vantage point (our reading of "a DC is declared failed"): the orchestrator runs on the side of
// the largest group of DCs that are up and can reach each other (ties: the group of the lowest
// DC id). A probe succeeds when the DC is up and in that group. A DC cut off from it by a
// partition is therefore declared failed while it is still running: the split brain that makes
// conflicting writes possible. A DC that is merely missing one link stays healthy.

#include <cstdint>
#include <functional>
#include <vector>

#include "models/platform_params.hpp"
#include "models/topology.hpp"
#include "policy/target_health.hpp"
#include "sim/recorder.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

class DcHealthMonitor {
 public:
  // Called after a DC's declared state changed.
  using Listener = std::function<void(DcId dc, bool healthy)>;

  // All references must outlive the monitor; the monitor must outlive the run.
  DcHealthMonitor(sim::Simulator& sim, const Topology& topology, const DcHealthParams& params,
                  sim::Recorder& recorder, Listener listener);
  DcHealthMonitor(const DcHealthMonitor&) = delete;
  DcHealthMonitor& operator=(const DcHealthMonitor&) = delete;

  // Every DC starts declared healthy (it passed its checks before the run); the first probes
  // are spread over one interval so that 17 DCs are not all probed at the same instant.
  void start();

  [[nodiscard]] bool healthy(DcId dc) const { return state_.at(dc.index).healthy; }
  [[nodiscard]] sim::Instant healthy_since(DcId dc) const {
    return state_.at(dc.index).healthy_since;
  }
  // What a probe would see now.
  [[nodiscard]] bool probe_succeeds(DcId dc) const;

 private:
  struct DcState {
    policy::TargetHealth health;
    bool healthy = true;
    sim::Instant healthy_since{};
  };
  void probe(std::uint32_t dc);

  sim::Simulator* sim_;
  const Topology* topology_;
  DcHealthParams params_;
  sim::Recorder* recorder_;
  Listener listener_;
  std::vector<DcState> state_;
};

}  // namespace b24::models

#pragma once
// A one-line progress bar on stderr for long runs: simulated time done, events/s and ETA.
// It appears only after about 2 s of wall time, only on a terminal, and never under --quiet,
// so short runs, pipes and CI logs stay clean.

#include <chrono>
#include <cstdint>

#include "sim/simulator.hpp"

namespace b24::cli {

class ProgressBar {
 public:
  ProgressBar(sim::Instant start, sim::Instant end, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(sim::Instant now, std::uint64_t events);
  void finish();

 private:
  using WallClock = std::chrono::steady_clock;
  sim::Instant start_;
  sim::Instant end_;
  bool enabled_;
  bool shown_ = false;
  WallClock::time_point wall_start_;
  WallClock::time_point last_draw_;
};

// True when a progress bar may be drawn: stderr is a terminal and the user did not ask for quiet.
[[nodiscard]] bool progress_wanted(bool quiet);

// Runs `sim` up to `end` in slices, updating `bar` between them.
void run_with_progress(sim::Simulator& sim, sim::Instant end, ProgressBar& bar);

}  // namespace b24::cli

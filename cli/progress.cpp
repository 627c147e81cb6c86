#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace b24::cli {

ProgressBar::ProgressBar(sim::Instant start, sim::Instant end, bool enabled)
    : start_(start),
      end_(end),
      enabled_(enabled),
      wall_start_(WallClock::now()),
      last_draw_(wall_start_) {}

ProgressBar::~ProgressBar() {
  finish();
}

bool progress_wanted(bool quiet) {
  return !quiet && isatty(STDERR_FILENO) == 1;
}

void ProgressBar::update(sim::Instant now, std::uint64_t events) {
  if (!enabled_) return;
  const auto wall_now = WallClock::now();
  const double elapsed_s = std::chrono::duration<double>(wall_now - wall_start_).count();
  if (elapsed_s < 2.0 || wall_now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = wall_now;
  shown_ = true;
  const double total = sim::to_seconds(end_ - start_);
  const double done = std::clamp(sim::to_seconds(now - start_) / std::max(total, 1e-9), 0.0, 1.0);
  constexpr int width = 30;
  const int filled = static_cast<int>(done * width);
  const std::string bar = std::string(static_cast<std::size_t>(filled), '#') +
                          std::string(static_cast<std::size_t>(width - filled), '.');
  const double rate = static_cast<double>(events) / elapsed_s;
  const double eta_s = done > 0 ? elapsed_s * (1.0 - done) / done : 0.0;
  std::fprintf(stderr, "\r[%s] %5.1f%% sim %s  %.2fM events/s  ETA %.0fs ", bar.c_str(),
               done * 100.0, sim::format_instant(now).c_str(), rate / 1e6, eta_s);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r%*s\r", 100, "");
  std::fflush(stderr);
  shown_ = false;
}

void run_with_progress(sim::Simulator& sim, sim::Instant end, ProgressBar& bar) {
  const sim::Instant start = sim.now();
  // A thousand slices: the bar moves smoothly and the clock is read rarely.
  const sim::Duration slice = std::max(sim::Duration{1}, (end - start) / 1000);
  while (sim.now() < end && !sim.stopped()) {
    const sim::Instant next = sim.now() + std::min(slice, end - sim.now());
    sim.run_until(next);
    bar.update(sim.now(), sim.events_handled());
    if (sim.events_pending() == 0) sim.run_until(end);  // nothing left: jump to the end
  }
  bar.finish();
}

}  // namespace b24::cli

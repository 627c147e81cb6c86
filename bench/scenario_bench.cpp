// b24-bench: runs a shipped scenario (or any scenario file) and prints how fast the simulator
// goes: simulated requests, events, events/s, requests per wall second, wall time, peak memory.
//   build/release/bench/b24-bench single-dc-day
//   build/release/bench/b24-bench single-dc-day --hours 48    # memory must stay flat
//   build/release/bench/b24-bench bitrix24-day                # all 17 DCs: target < 60 s
// Models publish to a NullRecorder here: this measures the simulation, not SQLite.

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "models/platform.hpp"
#include "models/web_tier.hpp"
#include "scenarios/scenario.hpp"
#include "sim/recorder.hpp"

#ifndef B24_SOURCE_DIR
#define B24_SOURCE_DIR "."
#endif

namespace {

std::filesystem::path resolve(const std::string& name) {
  if (std::filesystem::exists(name)) return name;
  return std::filesystem::path(B24_SOURCE_DIR) / "scenarios" / (name + ".yaml");
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"b24-bench: simulation speed on a scenario"};
  std::string name = "single-dc-day";
  double hours = 0.0;
  app.add_option("scenario", name, "shipped scenario name or a YAML path");
  app.add_option("--hours", hours, "simulated hours (default: the scenario's duration)")
      ->check(CLI::Range(0.0, 24.0 * 365));
  CLI11_PARSE(app, argc, argv);

  b24::scenarios::Diagnostics diagnostics;
  b24::scenarios::Scenario s = b24::scenarios::load_scenario(resolve(name), diagnostics);
  if (!diagnostics.empty()) return b24::scenarios::report(diagnostics, std::cerr);
  if (hours > 0.0) s.duration = b24::sim::from_seconds(hours * 3600.0);

  b24::sim::NullRecorder recorder;
  b24::sim::Simulator sim(s.seed);
  std::optional<b24::models::WebTier> tier;
  std::optional<b24::models::Platform> platform;
  const auto t0 = std::chrono::steady_clock::now();  // building a platform is part of the run
  if (s.platform) {
    b24::models::PlatformParams params = *s.platform;
    params.horizon = s.duration;
    platform.emplace(sim, params, recorder);
    platform->start();
  } else {
    tier.emplace(sim, s.web, s.slo, recorder);
    tier->start();
  }
  sim.run_until(b24::sim::start_instant + s.duration);
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::uint64_t requests =
      platform ? platform->totals().requests_arrived : tier->totals().requests.arrived;
  std::printf("scenario=%s simulated=%s dcs=%zu\n", s.name.c_str(),
              b24::sim::format_duration(s.duration).c_str(),
              platform ? platform->topology().dc_count() : std::size_t{1});
  std::printf("requests=%llu events=%llu wall_s=%.3f\n", static_cast<unsigned long long>(requests),
              static_cast<unsigned long long>(sim.events_handled()), wall_s);
  std::printf("events/s=%.0f requests/wall_s=%.0f peak_rss_kib=%ld trace_hash=%s\n",
              static_cast<double>(sim.events_handled()) / wall_s,
              static_cast<double>(requests) / wall_s, peak_rss_kib(),
              b24::sim::format_hash(sim.trace().hash()).c_str());
  return 0;
}

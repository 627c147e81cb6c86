#pragma once
// PHOLD (Fujimoto's "phold" benchmark), shared by the kernel version (b24-phold) and the bare
// priority-queue floor (b24-phold-floor) so that both make exactly the same draws from the same
// streams and handle the same events: their event counts must agree for any seed.

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/rng.hpp"

namespace b24::bench {

struct PholdParams {
  std::uint32_t lps = 1024;
  std::uint32_t events_per_lp = 16;
  double lookahead_s = 0.1;
  double mean_s = 1.0;
  double end_s = 1400.0;  // about 20 million events with the defaults
  std::uint64_t seed = 1;
};

inline void add_phold_options(CLI::App& app, PholdParams& p) {
  app.add_option("--lps", p.lps, "logical processes")->check(CLI::Range(1u, 1u << 20));
  app.add_option("--events-per-lp", p.events_per_lp, "initial events per LP")
      ->check(CLI::Range(1u, 1u << 12));
  app.add_option("--lookahead", p.lookahead_s, "minimum delay, seconds")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--mean", p.mean_s, "mean of the exponential part of the delay, seconds")
      ->check(CLI::Range(1e-6, 1e6));
  app.add_option("--end", p.end_s, "simulated seconds to run")->check(CLI::Range(0.0, 1e9));
  app.add_option("--seed", p.seed, "run seed");
}

// One stream per LP, derived from its name: the PHOLD counterpart of per-entity streams.
inline std::vector<sim::Rng> make_lp_streams(const PholdParams& p) {
  std::vector<sim::Rng> streams;
  streams.reserve(p.lps);
  for (std::uint32_t i = 0; i < p.lps; ++i) {
    streams.push_back(sim::Rng::stream(p.seed, "phold/lp/" + std::to_string(i)));
  }
  return streams;
}

struct PholdDraw {
  std::int64_t delay_us;
  std::uint32_t destination;
};

// The work of one event: pick a destination uniformly and a delay of lookahead + Exp(mean),
// both from the handling LP's own stream, in this order.
inline PholdDraw draw_next(sim::Rng& rng, const PholdParams& p) {
  const auto destination = static_cast<std::uint32_t>(rng.below(p.lps));
  const double exp_s = -p.mean_s * std::log(rng.uniform01_open_zero());
  const auto delay_us = static_cast<std::int64_t>(std::llround((p.lookahead_s + exp_s) * 1e6));
  return {delay_us, destination};
}

// Initial events: at Exp(mean) from the start, on the LP itself.
inline std::int64_t draw_initial_us(sim::Rng& rng, const PholdParams& p) {
  return static_cast<std::int64_t>(
      std::llround(-p.mean_s * std::log(rng.uniform01_open_zero()) * 1e6));
}

}  // namespace b24::bench

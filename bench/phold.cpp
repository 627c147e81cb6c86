// b24-phold: PHOLD on the b24sim kernel. Compare with b24-phold-floor (bench/phold_floor.cpp);
// bench/README.md gives the measurement protocol.

#include <chrono>
#include <cstdio>

#include "bench/alloc_counter.hpp"
#include "bench/phold_params.hpp"
#include "sim/simulator.hpp"

namespace {

using b24::bench::PholdParams;

struct Phold {
  b24::sim::Simulator sim;
  PholdParams params;
  std::vector<b24::sim::Rng> streams;

  explicit Phold(const PholdParams& p)
      : sim(p.seed), params(p), streams(b24::bench::make_lp_streams(p)) {}

  void schedule(std::int64_t at_us, std::uint32_t lp) {
    sim.schedule_at(b24::sim::Instant{b24::sim::Duration{at_us}}, [this, lp] { handle(lp); });
  }
  void handle(std::uint32_t lp) {
    const auto next = b24::bench::draw_next(streams[lp], params);
    schedule(sim.now().time_since_epoch().count() + next.delay_us, next.destination);
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PHOLD benchmark on the b24sim kernel"};
  PholdParams params;
  b24::bench::add_phold_options(app, params);
  CLI11_PARSE(app, argc, argv);

  Phold model(params);
  for (std::uint32_t lp = 0; lp < params.lps; ++lp) {
    for (std::uint32_t e = 0; e < params.events_per_lp; ++e) {
      model.schedule(b24::bench::draw_initial_us(model.streams[lp], params), lp);
    }
  }
  const auto end = b24::sim::start_instant + b24::sim::from_seconds(params.end_s);
  const std::uint64_t allocations_before = b24::bench::allocations();
  const auto t0 = std::chrono::steady_clock::now();
  model.sim.run_until(end);
  const auto t1 = std::chrono::steady_clock::now();
  const std::uint64_t allocations = b24::bench::allocations() - allocations_before;
  const double wall_s = std::chrono::duration<double>(t1 - t0).count();
  const auto handled = model.sim.events_handled();
  std::printf("events=%llu simtime=%g\n", static_cast<unsigned long long>(handled), params.end_s);
  std::printf("events/s=%.0f wall_s=%.3f pending=%zu heap_allocations_during_run=%llu\n",
              static_cast<double>(handled) / wall_s, wall_s, model.sim.events_pending(),
              static_cast<unsigned long long>(allocations));
  return 0;
}

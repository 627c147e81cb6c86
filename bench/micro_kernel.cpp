// Google Benchmark micro-benchmarks of the kernel's hot operations.
//   build/release/bench/b24-micro --benchmark_min_time=0.2

#include <benchmark/benchmark.h>

#include <cmath>

#include "sim/rng.hpp"
#include "sim/simulator.hpp"

namespace {

using b24::sim::Duration;
using b24::sim::Rng;
using b24::sim::Simulator;

// The "hold" model: keep `pending` events queued; each handled event schedules one more at a
// random offset. Measures one schedule + one pop at a realistic queue size.
void bm_schedule_pop(benchmark::State& state) {
  Simulator sim(1);
  Rng rng(7);
  struct Hold {
    Simulator* sim;
    Rng* rng;
    void operator()() const {
      sim->schedule_in(Duration{1 + static_cast<std::int64_t>(rng->below(1'000'000))}, *this);
    }
  };
  for (std::int64_t i = 0; i < state.range(0); ++i) sim.schedule_in(Duration{i}, Hold{&sim, &rng});
  for (auto _ : state) sim.step();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_schedule_pop)->Arg(1 << 10)->Arg(1 << 14)->Arg(1 << 18);

// Schedule a timer and cancel it (the request-timeout pattern: most timeouts never fire).
void bm_schedule_cancel(benchmark::State& state) {
  Simulator sim(1);
  std::int64_t t = 0;
  for (auto _ : state) {
    const auto h = sim.schedule_in(Duration{60'000'000 + (t++ & 1023)}, [] {});
    benchmark::DoNotOptimize(sim.cancel(h));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_schedule_cancel);

void bm_rng_next(benchmark::State& state) {
  Rng rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(rng.next());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_next);

void bm_rng_below(benchmark::State& state) {
  Rng rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(rng.below(1000));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_below);

void bm_rng_exponential(benchmark::State& state) {
  Rng rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(-std::log(rng.uniform01_open_zero()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_exponential);

void bm_stream_derivation(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Rng::stream(42, "dc/fra/web/node-17"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_stream_derivation);

}  // namespace

BENCHMARK_MAIN();

#include "cli/demo_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/progress.hpp"
#include "models/mmc_station.hpp"
#include "models/queueing_theory.hpp"

namespace b24::cli {
namespace {

struct DemoOptions {
  models::MmcParams params;
  double hours = 24.0;
  std::uint64_t seed = 1;
  std::string trace_path;
  bool quiet = false;
};

void print_row(const char* name, double simulated, double theory) {
  std::printf("  %-26s %12.5f %12.5f %+8.2f%%\n", name, simulated, theory,
              theory != 0.0 ? 100.0 * (simulated - theory) / theory : 0.0);
}

int run_demo(const DemoOptions& o) {
  sim::Simulator sim(o.seed);
  std::ofstream trace_file;
  std::unique_ptr<sim::TextTraceSink> sink;
  if (!o.trace_path.empty()) {
    trace_file.open(o.trace_path);
    if (!trace_file) {
      std::fprintf(stderr, "b24sim: cannot write trace file %s\n", o.trace_path.c_str());
      return 1;
    }
    sink = std::make_unique<sim::TextTraceSink>(trace_file);
    sim.trace().add_sink(*sink);
  }
  models::MmcStation station(sim, o.params);
  station.start();
  const sim::Instant end = sim::start_instant + sim::from_seconds(o.hours * 3600.0);
  ProgressBar bar(sim.now(), end, progress_wanted(o.quiet));
  run_with_progress(sim, end, bar);

  const models::MmcResult r = station.result();
  const models::MmcTheory t =
      models::mmc_theory(o.params.servers, o.params.arrival_rate_per_s, o.params.mean_service_s);
  std::printf("b24sim kernel demo: M/M/%u station, lambda=%g/s, mean service=%gs, seed=%llu\n",
              o.params.servers, o.params.arrival_rate_per_s, o.params.mean_service_s,
              static_cast<unsigned long long>(o.seed));
  std::printf("  simulated %s (warm-up %s), %llu events, %llu customers measured\n",
              sim::format_instant(sim.now()).c_str(), sim::format_duration(o.params.warmup).c_str(),
              static_cast<unsigned long long>(sim.events_handled()),
              static_cast<unsigned long long>(r.arrivals));
  std::printf("  %-26s %12s %12s %9s\n", "", "simulated", "theory", "diff");
  print_row("utilization", r.utilization, t.utilization);
  print_row("P(wait) (Erlang C)", r.waited_fraction, t.wait_probability);
  print_row("mean wait [s]", r.wait_s.mean(), t.mean_wait_s);
  print_row("mean response [s]", r.response_s.mean(), t.mean_response_s);
  print_row("mean in system (Little)", r.mean_in_system, t.mean_in_system);
  std::printf("  trace: %llu records, hash %s\n",
              static_cast<unsigned long long>(sim.trace().records()),
              sim::format_hash(sim.trace().hash()).c_str());
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto opts = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand(
      "demo", "Kernel demo: an M/M/c station compared with Erlang C and Little's law");
  cmd->add_option("--servers", opts->params.servers, "servers (c)")->check(CLI::Range(1u, 100000u));
  cmd->add_option("--rate", opts->params.arrival_rate_per_s, "arrivals per second (lambda)")
      ->check(CLI::Range(1e-9, 1e9));
  cmd->add_option("--service", opts->params.mean_service_s, "mean service time, seconds")
      ->check(CLI::Range(1e-9, 1e9));
  cmd->add_option("--hours", opts->hours, "simulated hours after the start")
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_option("--seed", opts->seed, "run seed");
  cmd->add_option("--trace", opts->trace_path, "write the trace as text to this file");
  cmd->add_flag("-q,--quiet", opts->quiet, "no progress bar");
  cmd->callback([opts] {
    if (opts->params.arrival_rate_per_s * opts->params.mean_service_s >= opts->params.servers) {
      throw CLI::ValidationError("--rate", "offered load rate x service must be below servers");
    }
    if (const int rc = run_demo(*opts); rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace b24::cli

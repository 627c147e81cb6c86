#include "cli/scenario_run.hpp"

#include <chrono>
#include <ctime>

#include "b24/version.hpp"
#include "cli/platform_summary.hpp"
#include "cli/progress.hpp"
#include "cli/report_run_meta.hpp"
#include "cli/storage_summary.hpp"
#include "models/platform.hpp"
#include "reports/report_html.hpp"
#include "reports/run_directory.hpp"
#include "reports/sqlite_recorder.hpp"
#include "reports/summary_json.hpp"
#include "sim/rng.hpp"

namespace b24::cli {
namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Everything the run was built from besides the scenario file: each included file as
// "# file: <path>" followed by its text.
std::string included_texts(const scenarios::Scenario& s) {
  std::string all;
  for (const scenarios::Scenario::IncludedFile& f : s.included) {
    all += "# file: " + f.path.string() + "\n" + f.text;
    if (!all.empty() && all.back() != '\n') all += '\n';
  }
  return all;
}

void write_meta(reports::SqliteRecorder& rec, const scenarios::Scenario& s) {
  rec.set_meta("scenario_name", s.name);
  rec.set_meta("scenario_file", s.source_path.string());
  rec.set_meta("scenario_hash", scenario_hash(s));
  rec.set_meta("scenario_text", s.source_text);
  rec.set_meta("included_text", included_texts(s));
  rec.set_meta("seed", std::to_string(s.seed));
  rec.set_meta("overrides", join_overrides(s));
  rec.set_meta("version", version_string);
  rec.set_meta("duration_us", std::to_string(s.duration.count()));
  write_report_meta(rec, s);  // issue 7: what the HTML report shows beyond the figures
  if (s.storage) {
    rec.set_meta("sample_step_us", std::to_string(s.storage->sample_step.count()));
    rec.set_meta("dc_entities", "storage/" + s.storage->name);
    return;
  }
  if (!s.platform) {
    rec.set_meta("sample_step_us", std::to_string(s.web.sample_step.count()));
    rec.set_meta("dc_entities", "dc/" + s.web.name);
    return;
  }
  rec.set_meta("sample_step_us", std::to_string(s.platform->sample_step.count()));
  std::string entities;
  for (const models::DcSpec& dc : s.platform->topology.dcs) {
    entities += (entities.empty() ? "dc/" : ",dc/") + dc.name;
  }
  rec.set_meta("dc_entities", entities);
  rec.set_meta("topology_text", s.topology_text);
}

void simulate_web_tier(sim::Simulator& sim, const scenarios::Scenario& scenario,
                       reports::SqliteRecorder& recorder, const RunOptions& options,
                       RunOutcome& outcome) {
  models::WebTier tier(sim, scenario.web, scenario.slo, recorder);
  tier.start();
  const sim::Instant end = sim::start_instant + scenario.duration;
  ProgressBar bar(sim.now(), end, options.progress);
  run_with_progress(sim, end, bar);
  outcome.totals = tier.totals();
  outcome.trace_hash = sim.trace().hash();
  outcome.events = sim.events_handled();
  outcome.summary = make_summary(scenario, outcome.totals, outcome.trace_hash, outcome.events);
  recorder.histogram(sim.now(), tier.entity(), "latency_us", tier.load_balancer().latency());
}

void simulate_platform(sim::Simulator& sim, const scenarios::Scenario& scenario,
                       reports::SqliteRecorder& recorder, const RunOptions& options,
                       RunOutcome& outcome) {
  models::PlatformParams params = *scenario.platform;
  params.horizon = scenario.duration;
  models::Platform platform(sim, params, recorder);
  platform.start();
  const sim::Instant end = sim::start_instant + scenario.duration;
  ProgressBar bar(sim.now(), end, options.progress);
  run_with_progress(sim, end, bar);
  outcome.platform = platform.totals();
  outcome.trace_hash = sim.trace().hash();
  outcome.events = sim.events_handled();
  outcome.summary = make_platform_summary(
      make_run_block(scenario, outcome.trace_hash, outcome.events), *outcome.platform);
  for (std::uint32_t i = 0; i < platform.topology().dc_count(); ++i) {
    const models::WebTier& tier = platform.tier(models::DcId{i});
    recorder.histogram(sim.now(), tier.entity(), "latency_us", tier.load_balancer().latency());
  }
}

// Issue 5: only the region's object store, years of device failures fast-forwarded.
void simulate_storage(sim::Simulator& sim, const scenarios::Scenario& scenario,
                      reports::SqliteRecorder& recorder, const RunOptions& options,
                      RunOutcome& outcome) {
  models::ObjectStore store(sim, *scenario.storage, recorder);
  store.start();
  const sim::Instant end = sim::start_instant + scenario.duration;
  ProgressBar bar(sim.now(), end, options.progress);
  run_with_progress(sim, end, bar);
  outcome.storage = store.totals();
  outcome.trace_hash = sim.trace().hash();
  outcome.events = sim.events_handled();
  outcome.summary =
      make_storage_summary(make_run_block(scenario, outcome.trace_hash, outcome.events),
                           *scenario.storage, *outcome.storage);
  recorder.histogram(sim.now(), store.entity(), "ack_latency_us", store.ack_latency());
}

}  // namespace

std::string join_overrides(const scenarios::Scenario& scenario) {
  std::string joined;
  for (const std::string& o : scenario.overrides) {
    if (!joined.empty()) joined += ' ';
    joined += "--set '" + o + "'";
  }
  return joined;
}

// Covers the included files and the topology file too: a change in a shared platform file
// changes the hash of every scenario built from it.
std::string scenario_hash(const scenarios::Scenario& scenario) {
  return sim::format_hash(sim::hash_name(scenario.source_text + '\0' + included_texts(scenario) +
                                         '\0' + scenario.topology_text));
}

reports::Summary make_run_block(const scenarios::Scenario& s, std::uint64_t trace_hash,
                                std::uint64_t events) {
  reports::Summary run;
  run.add("scenario", s.name)
      .add("scenario_hash", scenario_hash(s))
      .add("seed", s.seed)
      .add("overrides", join_overrides(s))
      .add("version", version_string)
      .add("simulated_s", sim::to_seconds(s.duration))
      .add("events", events)
      .add("trace_hash", sim::format_hash(trace_hash));
  return run;
}

reports::Summary make_summary(const scenarios::Scenario& s, const models::WebTierTotals& t,
                              std::uint64_t trace_hash, std::uint64_t events) {
  const auto ms = [](std::int64_t us) { return static_cast<double>(us) / 1000.0; };
  reports::Summary requests;
  requests.add("arrived", t.requests.arrived)
      .add("served", t.requests.served)
      .add("failed", t.requests.failed())
      .add("failed_502", t.requests.failed_502)
      .add("failed_503", t.requests.failed_503)
      .add("failed_504", t.requests.failed_504)
      .add("in_flight_at_end", t.in_flight_at_end);
  reports::Summary latency;
  latency.add("mean_ms", t.mean_latency_s * 1000.0)
      .add("p50_ms", ms(t.p50_us))
      .add("p95_ms", ms(t.p95_us))
      .add("p99_ms", ms(t.p99_us))
      .add("max_ms", ms(t.max_us));
  reports::Summary nodes;
  nodes.add("peak_in_service", t.peak_nodes)
      .add("mean_in_service", t.mean_nodes)
      .add("node_hours", t.node_hours)
      .add("cost_usd", t.cost_usd)
      .add("scaling_actions", t.scaling_actions);
  reports::Summary summary;
  summary.add("run", make_run_block(s, trace_hash, events))
      .add("requests", std::move(requests))
      .add("availability_pct", 100.0 * t.availability)
      .add("latency", std::move(latency))
      .add("slo_violation_minutes", t.slo_violation_minutes)
      .add("nodes", std::move(nodes))
      .add("littles_law", reports::Summary{}
                              .add("mean_in_system", t.littles_l)
                              .add("arrival_rate_x_mean_time", t.littles_lambda_w));
  if (!t.deploys.empty()) summary.add("deploys", deploys_summary(t.deploys));
  return summary;
}

RunOutcome run_scenario(const scenarios::Scenario& scenario, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  reports::RunDirectory directory(options.out);
  reports::SqliteRecorder recorder(directory.path());
  recorder.set_wall_clock("started_utc", utc_now());
  write_meta(recorder, scenario);

  sim::Simulator sim(scenario.seed);
  RunOutcome outcome;
  if (scenario.storage) {
    simulate_storage(sim, scenario, recorder, options, outcome);
  } else if (scenario.platform) {
    simulate_platform(sim, scenario, recorder, options, outcome);
  } else {
    simulate_web_tier(sim, scenario, recorder, options, outcome);
  }
  recorder.set_meta("trace_hash", sim::format_hash(outcome.trace_hash));
  // Issue 6: the verdicts go into the summary with the figures they read.
  outcome.checks = evaluate_checks(scenario.checks, outcome.summary);
  if (!outcome.checks.empty()) outcome.summary.add("checks", checks_summary(outcome.checks));
  recorder.set_summary(outcome.summary);
  outcome.wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  recorder.set_wall_clock("elapsed_s", std::to_string(outcome.wall_s));
  recorder.close();
  reports::write_summary_json(directory.path() / "summary.json", outcome.summary);
  // Issue 7: the report is part of the run directory, so it is written before the commit and
  // a run directory never lacks it.
  reports::write_report_html(directory.path());
  directory.commit();
  outcome.directory = directory.final_path();
  return outcome;
}

}  // namespace b24::cli

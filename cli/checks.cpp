#include "cli/checks.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace b24::cli {
namespace {

using Path = std::array<std::string_view, 4>;  // keys from the summary's root; "" ends it
constexpr std::string_view dc_key = "<dc>";    // stands for the check's argument's <name>
constexpr double infinite = std::numeric_limits<double>::infinity();
constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Where each figure is in the summary: for the whole run, and per DC for figures that take
// (dc: ...). `never_is_infinite`: the summary writes -1 for "never happened" (a failover never
// served, a deploy never finished, no loss possible), which a check reads as +infinity.
struct Source {
  std::string_view figure;
  Path total;
  Path per_dc;
  double scale = 1.0;
  bool never_is_infinite = false;
};

constexpr std::array sources{
    Source{"requests_failed", {"requests", "failed"}, {"dcs", dc_key, "failed"}},
    Source{"p50_latency", {"latency", "p50_ms"}, {}},
    Source{"p99_latency", {"latency", "p99_ms"}, {"dcs", dc_key, "p99_ms"}},
    Source{"slo_violation_minutes",
           {"slo_violation_minutes"},
           {"dcs", dc_key, "slo_violation_minutes"}},
    Source{"node_hours", {"nodes", "node_hours"}, {"dcs", dc_key, "node_hours"}},
    Source{"cost", {"nodes", "cost_usd"}, {"dcs", dc_key, "cost_usd"}},
    Source{"residency_violations", {"placement", "residency_violations"}, {}},
    Source{"cohort_moves", {"placement", "cohort_moves"}, {}},
    Source{"writes_at_risk", {"writes", "at_risk"}, {}},
    Source{"writes_lost", {"writes", "lost"}, {}},
    Source{"writes_conflicting", {"writes", "conflicting"}, {}},
    Source{"max_replication_lag", {"replication", "max_lag_s"}, {}},
    Source{"calls_failed", {"calls", "failed"}, {}},
    Source{"calls_dropped", {"calls", "dropped"}, {}},
    Source{"call_setup_p99", {"calls", "setup_p99_ms"}, {}},
    Source{"relayed_share", {"calls", "relayed_share"}, {}, 100.0},
    Source{"phone_blocked", {"calls", "phone_blocked"}, {}},
    Source{"deploy_failed_requests", {"deploys", "requests_failed"}, {}},
    Source{"deploy_duration", {"deploys", "total_duration_s"}, {}, 1.0, true},
    Source{"upload_p99_latency", {"storage", "ack_latency", "p99_ms"}, {}},
    Source{"objects_lost", {"storage", "objects", "lost"}, {}},
    Source{"durability_nines", {"storage", "durability", "implied_nines"}, {}, 1.0, true},
};

const reports::Summary::Entry* find_entry(const reports::Summary& s, std::string_view key) {
  for (const reports::Summary::Entry& e : s.entries()) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const reports::Summary* find_object(const reports::Summary& s, std::string_view key) {
  const reports::Summary::Entry* e = find_entry(s, key);
  return e ? std::get_if<reports::Summary>(&e->value) : nullptr;
}

double as_number(const reports::SummaryScalar& scalar) {
  const auto& v = scalar.value();
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  return missing;
}

// The number at `path` (with <dc> replaced by `dc`), NaN when the summary does not hold it.
double lookup(const reports::Summary& summary, const Path& path, std::string_view dc) {
  const reports::Summary* object = &summary;
  for (std::size_t i = 0; i < path.size() && !path[i].empty(); ++i) {
    const std::string_view key = path[i] == dc_key ? dc : path[i];
    const bool last = i + 1 == path.size() || path[i + 1].empty();
    if (!last) {
      object = find_object(*object, key);
      if (!object) return missing;
      continue;
    }
    const reports::Summary::Entry* e = find_entry(*object, key);
    const auto* scalar = e ? std::get_if<reports::SummaryScalar>(&e->value) : nullptr;
    return scalar ? as_number(*scalar) : missing;
  }
  return missing;
}

// The longest failure-to-served-elsewhere time of the failovers of `dc` (all DCs when empty);
// 0 when none failed, +infinity when one was never served elsewhere.
double failover_time(const reports::Summary& summary, const std::string& dc) {
  const reports::Summary* failovers = find_object(summary, "failovers");
  if (!failovers) return missing;
  double longest = 0.0;
  for (const reports::Summary::Entry& e : failovers->entries()) {
    if (!dc.empty() && e.key != dc && !e.key.starts_with(dc + "#")) continue;
    const auto* f = std::get_if<reports::Summary>(&e.value);
    if (!f) continue;
    const double t = lookup(*f, {"failover_time_s"}, "");
    longest = std::max(longest, t < 0.0 ? infinite : t);
  }
  return longest;
}

// Served share in percent: the run's figure, or 1 - failed / arrived of one DC.
double availability(const reports::Summary& summary, const std::string& dc) {
  if (dc.empty()) return lookup(summary, {"availability_pct"}, "");
  const double arrived = lookup(summary, {"dcs", dc_key, "arrived"}, dc);
  const double failed = lookup(summary, {"dcs", dc_key, "failed"}, dc);
  return arrived > 0.0 ? 100.0 * (1.0 - failed / arrived) : 100.0;
}

// A plan's or a cohort's node cost per tenant over 30 days (models/platform_cost.cpp); missing
// when it counts no tenants (the loader rejects such a check, a hand-made one fails).
double cost_per_tenant_month(const reports::Summary& summary, const scenarios::Check& check) {
  const std::string_view block = check.argument_key == "cohort" ? "cohorts" : "plans";
  return lookup(summary, {block, dc_key, "cost_per_tenant_month_usd"}, check.argument);
}

double peak_nodes(const reports::Summary& summary, const std::string& dc) {
  if (!dc.empty()) return lookup(summary, {"dcs", dc_key, "peak_nodes"}, dc);
  const double web = lookup(summary, {"nodes", "peak_in_service"}, "");
  return std::isnan(web) ? lookup(summary, {"nodes", "sum_of_dc_peaks"}, "") : web;
}

}  // namespace

double measure(const scenarios::Check& check, const reports::Summary& summary) {
  const std::string& dc = check.argument;
  if (check.figure == "availability") return availability(summary, dc);
  if (check.figure == "failover_time") return failover_time(summary, dc);
  if (check.figure == "peak_nodes") return peak_nodes(summary, dc);
  if (check.figure == "cost_per_tenant_month") return cost_per_tenant_month(summary, check);
  if (check.figure == "cost_per_month") {
    // The run's cost scaled to 30 days: a one-day run times 30.
    scenarios::Check cost = check;
    cost.figure = "cost";
    const double simulated_s = lookup(summary, {"run", "simulated_s"}, "");
    return simulated_s > 0.0 ? measure(cost, summary) * 30.0 * 86'400.0 / simulated_s : missing;
  }
  for (const Source& s : sources) {
    if (s.figure != check.figure) continue;
    const double v = dc.empty() ? lookup(summary, s.total, "") : lookup(summary, s.per_dc, dc);
    if (s.never_is_infinite && v < 0.0) return infinite;
    return v * s.scale;
  }
  return missing;
}

std::vector<CheckResult> evaluate_checks(const std::vector<scenarios::Check>& checks,
                                         const reports::Summary& summary) {
  std::vector<CheckResult> results;
  results.reserve(checks.size());
  for (const scenarios::Check& c : checks) {
    const double measured = measure(c, summary);
    // A figure the summary lacks fails: a gate must not pass on a value it could not read.
    const bool passed = !std::isnan(measured) && scenarios::compare(measured, c.op, c.threshold);
    results.push_back({c, measured, passed});
  }
  return results;
}

bool all_passed(const std::vector<CheckResult>& results) {
  return std::all_of(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; });
}

// One entry per check under its 1-based number ("checks.2.verdict" in run.sqlite's flattened
// summary): expressions contain dots and spaces, which make poor keys.
reports::Summary checks_summary(const std::vector<CheckResult>& results) {
  const auto passed =
      std::count_if(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; });
  reports::Summary out;
  out.add("passed", passed).add("failed", static_cast<std::int64_t>(results.size()) - passed);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const CheckResult& r = results[i];
    reports::Summary one;
    one.add("expression", r.check.expression);
    // JSON has no infinity or NaN: those are written as words.
    if (std::isnan(r.measured)) {
      one.add("measured", "missing");
    } else if (std::isinf(r.measured)) {
      one.add("measured", "infinite");
    } else {
      one.add("measured", r.measured);
    }
    one.add("unit", scenarios::unit_symbol(r.check.unit))
        .add("threshold", r.check.threshold)
        .add("verdict", r.passed ? "pass" : "fail");
    out.add(std::to_string(i + 1), std::move(one));
  }
  return out;
}

void print_checks(const std::vector<CheckResult>& results, std::FILE* out) {
  for (const CheckResult& r : results) {
    const std::string_view unit = scenarios::unit_symbol(r.check.unit);
    char measured[64];
    if (std::isnan(r.measured)) {
      std::snprintf(measured, sizeof measured, "missing");
    } else if (std::isinf(r.measured)) {
      std::snprintf(measured, sizeof measured, "infinite");
    } else {
      // Six significant digits, but money and counts in the millions without an exponent.
      std::snprintf(measured, sizeof measured, std::fabs(r.measured) < 1e6 ? "%.6g" : "%.0f",
                    r.measured);
    }
    std::fprintf(out, "  check %s: measured %s%s%.*s -> %s\n", r.check.expression.c_str(), measured,
                 unit.empty() ? "" : " ", static_cast<int>(unit.size()), unit.data(),
                 r.passed ? "pass" : "FAIL");
  }
}

}  // namespace b24::cli

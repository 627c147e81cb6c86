#include "compare_plans_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "../reports/sqlite_dump.hpp"
#include "cli/scenario_run.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::vector<fs::path> run_plan(const PlanComparison& p, const std::vector<std::string>& plan,
                               const fs::path& dir) {
  std::vector<std::string> overrides = p.common_overrides;
  overrides.insert(overrides.end(), plan.begin(), plan.end());
  std::vector<fs::path> runs;
  for (const std::uint64_t seed : p.seeds) {
    scenarios::Diagnostics diagnostics;
    scenarios::Scenario s = scenarios::load_scenario(p.scenario, overrides, diagnostics);
    if (!diagnostics.empty()) {
      (void)scenarios::report(diagnostics, std::cerr);
      ADD_FAILURE() << p.scenario << ": the overrides do not apply";
      return runs;
    }
    s.seed = seed;
    runs.push_back(run_scenario(s, {.out = dir / ("seed-" + std::to_string(seed))}).directory);
  }
  return runs;
}

// Straight from the run database, not through reports/.
double summary_value(const fs::path& run, const std::string& key) {
  const auto rows = reports::testing::query(run / "run.sqlite",
                                            "SELECT value FROM summary WHERE key = '" + key + "'");
  EXPECT_EQ(rows.size(), 1u) << run << " " << key;
  return rows.empty() ? std::nan("") : std::stod(rows[0][0]);
}

struct Interval {
  double mean = 0.0;
  double half_width = 0.0;
};

// Mean and 95 % Student-t half-width, computed the textbook way.
Interval interval(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  double sum = 0.0;
  for (const double v : x) sum += v;
  const double mean = sum / n;
  double squares = 0.0;
  for (const double v : x) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / (n - 1.0));
  const boost::math::students_t t(n - 1.0);
  return {mean, boost::math::quantile(t, 0.975) * sd / std::sqrt(n)};
}

void expect_close(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

const nlohmann::json& find_figure(const nlohmann::json& compare, const std::string& key) {
  for (const auto& f : compare["figures"]) {
    if (f["key"] == key) return f;
  }
  ADD_FAILURE() << "compare.json has no figure " << key;
  static const nlohmann::json none;
  return none;
}

// One figure of compare.json against SQL; returns the paired difference interval computed here.
Interval check_figure(const nlohmann::json& compare, const std::string& key,
                      const std::vector<fs::path>& a, const std::vector<fs::path>& b) {
  std::vector<double> va;
  std::vector<double> vb;
  std::vector<double> differences;
  for (const fs::path& r : a) va.push_back(summary_value(r, key));
  for (const fs::path& r : b) vb.push_back(summary_value(r, key));
  for (std::size_t i = 0; i < va.size(); ++i) differences.push_back(vb[i] - va[i]);
  const nlohmann::json& f = find_figure(compare, key);
  if (f.is_null()) return {};
  EXPECT_EQ(f["groups"][0]["values"].get<std::vector<double>>(), va) << key;
  EXPECT_EQ(f["groups"][1]["values"].get<std::vector<double>>(), vb) << key;
  for (std::size_t g = 0; g < 2; ++g) {
    const Interval mine = interval(g == 0 ? va : vb);
    expect_close(f["groups"][g]["mean"], mine.mean, key + " mean");
    expect_close(f["groups"][g]["ci_half_width"], mine.half_width, key + " half-width");
  }
  const Interval d = interval(differences);
  const nlohmann::json& diff = f["differences"][0];
  EXPECT_EQ(diff["method"], "paired") << key;  // the same seeds: common random numbers
  expect_close(diff["difference"], d.mean, key + " difference");
  expect_close(diff["ci_half_width"], d.half_width, key + " difference half-width");
  expect_close(diff["difference"], interval(vb).mean - interval(va).mean, key + " B - A");
  return d;
}

std::string shell_quote(const fs::path& p) {
  std::string quoted = p.string();
  quoted.insert(quoted.begin(), '\'');
  quoted.push_back('\'');
  return quoted;
}

}  // namespace

void check_plan_comparison(const PlanComparison& plans, const fs::path& scratch) {
  const std::vector<fs::path> a = run_plan(plans, plans.plan_a, scratch / "a");
  const std::vector<fs::path> b = run_plan(plans, plans.plan_b, scratch / "b");

  // The real command, as a user types it.
  std::string command = B24SIM_PATH;
  const auto arg = [&](const std::string& text) { (command += ' ') += text; };
  arg("compare -g");
  for (const fs::path& r : a) arg(shell_quote(r));
  arg("-g");
  for (const fs::path& r : b) arg(shell_quote(r));
  const fs::path out = scratch / "compare";
  arg("--out");
  arg(shell_quote(out));
  arg(">");
  arg(shell_quote(scratch / "stdout.txt"));
  arg("2>");
  arg(shell_quote(scratch / "stderr.txt"));
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << command << "\n"
      << reports::testing::read_file(scratch / "stderr.txt");
  const std::string text = reports::testing::read_file(scratch / "stdout.txt");
  EXPECT_THAT(text, HasSubstr("cost (USD)"));
  EXPECT_THAT(text, HasSubstr("p99 latency (ms)"));
  EXPECT_THAT(text, HasSubstr("B - A: paired by seed"));
  EXPECT_TRUE(fs::exists(out / "compare.html"));

  const auto compare = nlohmann::json::parse(reports::testing::read_file(out / "compare.json"));
  const Interval cost = check_figure(compare, "nodes.cost_usd", a, b);
  const Interval p99 = check_figure(compare, "latency.p99_ms", a, b);
  // The plans really differ, in opposite directions: more nodes cost more and answer faster.
  const double sign = plans.b_costs_more ? 1.0 : -1.0;
  if (plans.require_significance) {
    EXPECT_GT(sign * cost.mean - cost.half_width, 0.0)
        << "cost B - A " << cost.mean << " ± " << cost.half_width;
    EXPECT_GT(-sign * p99.mean - p99.half_width, 0.0)
        << "p99 B - A " << p99.mean << " ± " << p99.half_width;
  } else {
    EXPECT_GT(sign * cost.mean, 0.0) << "cost B - A " << cost.mean << " ± " << cost.half_width;
    EXPECT_GE(-sign * p99.mean, 0.0) << "p99 B - A " << p99.mean << " ± " << p99.half_width;
  }
}

}  // namespace b24::cli::testing

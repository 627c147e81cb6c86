// `b24sim compare` on run databases written here with the real recorder (just metadata and a
// summary, so each takes milliseconds): the statistics against published Student t values and
// hand-computed intervals, pairing by seed, Welch, single runs, replication warnings, and the
// three outputs (text, compare.json, compare.html without any remote reference).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/compare_html.hpp"
#include "reports/compare_json.hpp"
#include "reports/compare_output.hpp"
#include "reports/compare_result.hpp"
#include "reports/compare_series.hpp"
#include "reports/compare_text.hpp"
#include "reports/report_error.hpp"
#include "reports/sqlite_recorder.hpp"
#include "sqlite_dump.hpp"

namespace b24::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read_file;
using testing::ScratchDirectory;

struct FakeRun {
  std::string seed;
  double cost = 0.0;
  double p99 = 0.0;
  std::string overrides = "--set 'auto_scaling.max_size=8'";
  std::string hash = "00000000000000aa";
};

fs::path write_run(const fs::path& dir, const FakeRun& f) {
  fs::create_directories(dir);
  SqliteRecorder r(dir);
  r.set_meta("scenario_name", "plan");
  r.set_meta("scenario_hash", f.hash);
  r.set_meta("overrides", f.overrides);
  r.set_meta("seed", f.seed);
  r.set_summary(Summary{}
                    .add("run", Summary{}.add("seed", std::stoi(f.seed)).add("scenario", "plan"))
                    .add("availability_pct", 100.0)
                    .add("latency", Summary{}.add("p99_ms", f.p99))
                    .add("nodes", Summary{}.add("cost_usd", f.cost))
                    .add("littles_law", Summary{}.add("mean_in_system", 3.5)));
  r.close();
  return dir;
}

CompareGroup group(const fs::path& root, const std::string& label,
                   const std::vector<FakeRun>& runs) {
  CompareGroup g;
  g.label = label;
  for (std::size_t i = 0; i < runs.size(); ++i) {  // by index: a test may repeat a seed
    g.runs.push_back(load_compare_run(write_run(root / (label + std::to_string(i)), runs[i])));
  }
  return g;
}

const CompareFigure& figure(const CompareResult& r, std::string_view key) {
  for (const CompareFigure& f : r.figures) {
    if (f.key == key) return f;
  }
  throw std::runtime_error("no figure " + std::string(key));
}

TEST(CompareStatistics, StudentQuantilesMatchPublishedTables) {
  // Two-sided 95 %: the 0.975 quantiles of any t table.
  EXPECT_NEAR(student_t_two_sided(0.95, 1), 12.7062047, 1e-6);
  EXPECT_NEAR(student_t_two_sided(0.95, 2), 4.30265273, 1e-7);
  EXPECT_NEAR(student_t_two_sided(0.95, 9), 2.26215716, 1e-7);
  EXPECT_NEAR(student_t_two_sided(0.95, 30), 2.04227246, 1e-7);
  EXPECT_NEAR(student_t_two_sided(0.90, 4), 2.13184679, 1e-7);
}

TEST(CompareStatistics, ColumnEstimatesAreMeanSampleSdAndTInterval) {
  const auto e = estimate_columns({{1, 10}, {2, 20}, {3, 60}});
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].n, 3);
  EXPECT_DOUBLE_EQ(e[0].mean, 2.0);
  EXPECT_DOUBLE_EQ(e[0].stddev, 1.0);
  EXPECT_NEAR(e[0].ci_half_width, 4.30265273 / std::sqrt(3.0), 1e-7);
  EXPECT_DOUBLE_EQ(e[1].mean, 30.0);
  EXPECT_NEAR(e[1].stddev, std::sqrt(700.0), 1e-12);  // (400 + 100 + 900) / 2
  const auto single = estimate_columns({{5, 6}});
  EXPECT_DOUBLE_EQ(single[0].mean, 5.0);
  EXPECT_TRUE(std::isnan(single[0].ci_half_width));
}

TEST(CompareStatistics, PairedAndWelchDifferences) {
  const std::vector<double> a{10, 20, 30};
  const std::vector<double> b{11, 22, 33};
  const DifferenceEstimate p = paired_difference(a, b);
  EXPECT_EQ(p.method, DifferenceMethod::paired);
  EXPECT_DOUBLE_EQ(p.difference, 2.0);  // differences 1, 2, 3
  EXPECT_DOUBLE_EQ(p.df, 2.0);
  EXPECT_NEAR(p.ci_half_width, 4.30265273 * 1.0 / std::sqrt(3.0), 1e-7);

  // a: mean 2, variance 1; b: mean 5, variance 20/3. se^2 = 1/3 + 5/3 = 2, and
  // Welch-Satterthwaite df = 4 / ((1/3)^2 / 2 + (5/3)^2 / 3) = 216/53.
  const DifferenceEstimate w =
      welch_difference(std::vector<double>{1, 2, 3}, std::vector<double>{2, 4, 6, 8});
  EXPECT_EQ(w.method, DifferenceMethod::welch);
  EXPECT_DOUBLE_EQ(w.difference, 3.0);
  EXPECT_NEAR(w.df, 216.0 / 53.0, 1e-12);
  const boost::math::students_t t(216.0 / 53.0);
  EXPECT_NEAR(w.ci_half_width, boost::math::quantile(t, 0.975) * std::sqrt(2.0), 1e-12);

  const DifferenceEstimate none =
      welch_difference(std::vector<double>{1}, std::vector<double>{4, 6});
  EXPECT_EQ(none.method, DifferenceMethod::none);
  EXPECT_DOUBLE_EQ(none.difference, 4.0);
  EXPECT_TRUE(std::isnan(none.ci_half_width));
}

TEST(CompareRuns, OverridesWithoutSeedDropOnlyTheSeed) {
  EXPECT_EQ(overrides_without_seed(""), "");
  EXPECT_EQ(overrides_without_seed("--set 'seed=4'"), "");
  EXPECT_EQ(overrides_without_seed("--set 'a.b=1' --set 'seed=4' --set 'seeds=2'"),
            "--set 'a.b=1' --set 'seeds=2'");
}

TEST(CompareRuns, SameSeedsArePairedBySeedWhateverTheOrder) {
  ScratchDirectory scratch;
  std::vector<CompareGroup> groups;
  groups.push_back(group(scratch.path(), "A", {{"1", 10, 100}, {"2", 11, 120}, {"3", 12, 110}}));
  groups.push_back(group(scratch.path(), "B", {{"3", 22, 90}, {"1", 20, 80}, {"2", 21, 99}}));
  const CompareResult r = compare_groups(std::move(groups));
  ASSERT_EQ(r.methods.size(), 2u);
  EXPECT_EQ(r.methods[1], DifferenceMethod::paired);
  EXPECT_TRUE(r.groups[0].problems.empty());
  const CompareFigure& cost = figure(r, "nodes.cost_usd");
  EXPECT_TRUE(cost.headline);
  EXPECT_EQ(cost.label, "cost (USD)");
  EXPECT_DOUBLE_EQ(cost.groups[1]->estimate.mean, 21.0);
  // Per seed B - A: 10, 10, 10: no spread at all, so a zero-width interval.
  EXPECT_DOUBLE_EQ(cost.differences[1]->difference, 10.0);
  EXPECT_DOUBLE_EQ(cost.differences[1]->ci_half_width, 0.0);
  EXPECT_NEAR(cost.percent_difference(1), 100.0 * 10.0 / 11.0, 1e-12);
  // p99 per seed: -20, -21, -20 (seed 3: 90 - 110).
  const CompareFigure& p99 = figure(r, "latency.p99_ms");
  EXPECT_NEAR(p99.differences[1]->difference, -61.0 / 3.0, 1e-12);
  const double sd = std::sqrt(((1.0 / 3) * (1.0 / 3) * 2 + (2.0 / 3) * (2.0 / 3)) / 2.0);
  EXPECT_NEAR(p99.differences[1]->ci_half_width, 4.30265273 * sd / std::sqrt(3.0), 1e-7);
  // Identity blocks are not figures; the rest of the summary is, after the headline.
  for (const CompareFigure& f : r.figures) EXPECT_FALSE(f.key.starts_with("run.")) << f.key;
  EXPECT_EQ(r.figures.back().key, "littles_law.mean_in_system");
}

TEST(CompareRuns, DifferentSeedsUseWelchAndSingleRunsGetNoInterval) {
  ScratchDirectory scratch;
  std::vector<CompareGroup> groups;
  groups.push_back(group(scratch.path(), "A", {{"1", 10, 100}, {"2", 11, 120}, {"3", 12, 110}}));
  groups.push_back(group(scratch.path(), "B", {{"4", 20, 80}, {"5", 22, 99}}));
  groups.push_back(group(scratch.path(), "C", {{"9", 30, 70}}));
  const CompareResult r = compare_groups(std::move(groups));
  EXPECT_EQ(r.methods[1], DifferenceMethod::welch);
  EXPECT_EQ(r.methods[2], DifferenceMethod::none);
  const CompareFigure& cost = figure(r, "nodes.cost_usd");
  EXPECT_EQ(cost.differences[1]->method, DifferenceMethod::welch);
  EXPECT_DOUBLE_EQ(cost.differences[2]->difference, 19.0);
  EXPECT_TRUE(std::isnan(cost.differences[2]->ci_half_width));
  // The same seeds, but --unpaired asks for Welch.
  std::vector<CompareGroup> same;
  same.push_back(group(scratch.path(), "D", {{"1", 1, 1}, {"2", 2, 2}}));
  same.push_back(group(scratch.path(), "E", {{"1", 1, 1}, {"2", 3, 3}}));
  EXPECT_EQ(compare_groups(std::move(same), {.unpaired = true}).methods[1],
            DifferenceMethod::welch);
}

TEST(CompareRuns, GroupsThatAreNotReplicationsAreFlagged) {
  ScratchDirectory scratch;
  FakeRun other_plan{"2", 11, 120};
  other_plan.overrides = "--set 'auto_scaling.max_size=9'";
  FakeRun other_file{"3", 11, 120};
  other_file.hash = "00000000000000bb";
  std::vector<CompareGroup> groups;
  groups.push_back(group(scratch.path(), "A", {{"1", 10, 100}, other_plan, other_file}));
  groups.push_back(group(scratch.path(), "B", {{"1", 10, 100}, {"1", 10, 100}}));
  const CompareResult r = compare_groups(std::move(groups));
  ASSERT_EQ(r.groups[0].problems.size(), 2u);
  EXPECT_THAT(r.groups[0].problems[0], HasSubstr("overrides"));
  EXPECT_THAT(r.groups[0].problems[1], HasSubstr("scenario hash"));
  ASSERT_EQ(r.groups[1].problems.size(), 1u);
  EXPECT_THAT(r.groups[1].problems[0], HasSubstr("seed 1 is used twice"));
  EXPECT_THAT(compare_text(r, false), HasSubstr("warning: B is not a set of replications"));
}

TEST(CompareOutputs, TextJsonAndSelfContainedHtml) {
  ScratchDirectory scratch;
  std::vector<CompareGroup> groups;
  groups.push_back(group(scratch.path(), "A", {{"1", 10, 100}, {"2", 11, 120}}));
  groups.push_back(group(scratch.path(), "B<x>", {{"1", 20, 80}, {"2", 21, 99}}));
  const CompareResult r = compare_groups(std::move(groups));

  const std::string text = compare_text(r, false);
  EXPECT_THAT(text, HasSubstr("A: 2 runs of plan --set 'auto_scaling.max_size=8', seeds 1, 2"));
  EXPECT_THAT(text, HasSubstr("paired by seed (common random numbers)"));
  EXPECT_THAT(text, HasSubstr("cost (USD)"));
  EXPECT_THAT(text, HasSubstr("10.50 ± 6.35"));         // t(1) 12.706 x 0.7071 / sqrt(2)
  EXPECT_THAT(text, Not(HasSubstr("mean_in_system")));  // headline only without --all
  EXPECT_THAT(compare_text(r, true), HasSubstr("littles_law.mean_in_system"));

  const fs::path out = scratch.path() / "cmp";
  const CompareFiles files = write_compare_outputs(r, out);
  EXPECT_EQ(files.json, out / "compare.json");
  const auto json = nlohmann::json::parse(read_file(files.json));
  EXPECT_EQ(json["format"], "b24sim-compare");
  EXPECT_EQ(json["comparisons"][0]["method"], "paired");
  const auto& cost = json["figures"][2];  // availability, p99, cost
  EXPECT_EQ(cost["key"], "nodes.cost_usd");
  EXPECT_EQ(cost["groups"][1]["values"], nlohmann::json::array({20.0, 21.0}));
  EXPECT_DOUBLE_EQ(cost["differences"][0]["difference"].get<double>(), 10.0);
  EXPECT_TRUE(json["figures"][0]["groups"][0]["ci_half_width"].is_number());

  const std::string html = read_file(files.html);
  EXPECT_THAT(html, HasSubstr("<table>"));
  EXPECT_THAT(html, HasSubstr("B&lt;x&gt;"));  // labels are escaped
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("://")));  // no remote (or any) URL
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_EQ(scratch.names().size(), 5u);  // 4 runs and the output: nothing left over
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(".")) << entry.path();
  }
}

// The chart hook's input: each run's DC series, labelled by group and run, in a fixed order.
TEST(CompareOutputs, SeriesForTheChartHookComeFromEachRunsDcEntities) {
  using namespace std::chrono_literals;
  ScratchDirectory scratch;
  const fs::path dir = scratch.path() / "platform";
  fs::create_directories(dir);
  {
    SqliteRecorder r(dir);
    r.set_meta("dc_entities", "dc/fra,dc/ams");
    r.set_meta("seed", "1");
    r.sample(sim::start_instant, "dc/fra", {{"cpu_pct", 40}, {"served", 7}});
    r.sample(sim::start_instant, "dc/ams", {{"cpu_pct", 20}});
    r.sample(sim::start_instant, "cohort/x", {{"offered_rps", 5}});
    r.sample(sim::start_instant + 60s, "dc/fra", {{"cpu_pct", 45}});
    r.set_summary(Summary{}.add("availability_pct", 100.0));
    r.close();
  }
  std::vector<CompareGroup> groups(1);
  groups[0].label = "A";
  groups[0].runs.push_back(load_compare_run(dir));
  const CompareResult result = compare_groups(std::move(groups));
  const std::vector<CompareSeries> series = load_compare_series(result);
  ASSERT_EQ(series.size(), 2u);  // served and the cohort are not overlaid
  EXPECT_EQ(series[0].entity, "dc/ams");
  EXPECT_EQ(series[1].entity, "dc/fra");
  EXPECT_EQ(series[1].metric, "cpu_pct");
  EXPECT_EQ(series[1].time_s, (std::vector<double>{0.0, 60.0}));
  EXPECT_EQ(series[1].values, (std::vector<double>{40.0, 45.0}));
  EXPECT_EQ(compare_charts_html(result, series), "");  // no chart module wired in yet
}

TEST(CompareOutputs, AMissingRunIsAnErrorNamingThePath) {
  ScratchDirectory scratch;
  try {
    (void)load_compare_run(scratch.path() / "nope");
    FAIL() << "expected a ReportError";
  } catch (const ReportError& e) {
    EXPECT_THAT(e.what(), HasSubstr((scratch.path() / "nope").string()));
  }
}

}  // namespace
}  // namespace b24::reports

// `checks:` (issue 6): the expression grammar of scenarios/check.hpp and the loader's checks of
// it (figure, unit, argument, that the figure applies to the scenario). Positions are 1-based
// line:column counted by hand from the YAML below: a sequence item "  - x" starts at column 5.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/check.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using ::testing::HasSubstr;
using Lines = std::vector<std::string>;
using Loaded = testing::LoadedScenario;

// Two DCs, a cohort: the checks start on line 6 (the first item on line 7).
constexpr std::string_view platform_head =
    "topology:\n"
    "  dcs:\n"
    "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "cohorts: [{name: eu, home: fra}]\n";

std::string checks_yaml(std::initializer_list<std::string_view> items) {
  std::string out = "checks:\n";
  for (std::string_view item : items) out += "  - \"" + std::string(item) + "\"\n";
  return out;
}

TEST(CheckGrammar, ParsesEveryOperatorAndUnit) {
  const CheckParse a = parse_check("  availability >= 99.95%  ");
  ASSERT_TRUE(a.check) << a.error;
  EXPECT_EQ(a.check->expression, "availability >= 99.95%");
  EXPECT_EQ(a.check->op, CheckOp::greater_equal);
  EXPECT_DOUBLE_EQ(a.check->threshold, 99.95);
  EXPECT_EQ(a.check->unit, FigureUnit::percent);

  // A duration threshold is converted to the figure's unit: 0.8 s is 800 ms.
  const CheckParse p = parse_check("p99_latency(dc: fra) < 0.8s");
  ASSERT_TRUE(p.check) << p.error;
  EXPECT_EQ(p.check->figure, "p99_latency");
  EXPECT_EQ(p.check->argument, "fra");
  EXPECT_EQ(p.check->op, CheckOp::less);
  EXPECT_DOUBLE_EQ(p.check->threshold, 800.0);

  // Exactly, not 84 x 0.001 x 1000: summary.json shows the threshold as written.
  EXPECT_EQ(parse_check("p50_latency > 84ms").check.value_or(Check{}).threshold, 84.0);

  const CheckParse lag = parse_check("max_replication_lag<=2min");
  ASSERT_TRUE(lag.check) << lag.error;
  EXPECT_EQ(lag.check->op, CheckOp::less_equal);
  EXPECT_DOUBLE_EQ(lag.check->threshold, 120.0);

  const CheckParse cost = parse_check("cost_per_month < 12000 USD");
  ASSERT_TRUE(cost.check) << cost.error;
  EXPECT_DOUBLE_EQ(cost.check->threshold, 12000.0);

  const CheckParse lost = parse_check("writes_lost == 0");
  ASSERT_TRUE(lost.check) << lost.error;
  EXPECT_EQ(lost.check->op, CheckOp::equal);
  ASSERT_TRUE(parse_check("objects_lost != 1").check);
  ASSERT_TRUE(parse_check("peak_nodes > 2").check);
  ASSERT_TRUE(parse_check("durability_nines >= 11 nines").check);
  ASSERT_TRUE(parse_check("durability_nines >= 11").check);
}

TEST(CheckGrammar, CompareFollowsTheOperator) {
  EXPECT_TRUE(compare(1.0, CheckOp::less, 2.0));
  EXPECT_FALSE(compare(2.0, CheckOp::less, 2.0));
  EXPECT_TRUE(compare(2.0, CheckOp::less_equal, 2.0));
  EXPECT_FALSE(compare(2.0, CheckOp::greater, 2.0));
  EXPECT_TRUE(compare(2.0, CheckOp::greater_equal, 2.0));
  EXPECT_TRUE(compare(0.0, CheckOp::equal, 0.0));
  EXPECT_TRUE(compare(1.0, CheckOp::not_equal, 0.0));
}

TEST(CheckGrammar, RejectsMalformedExpressions) {
  EXPECT_THAT(parse_check("p99_latncy < 800ms").error,
              HasSubstr("unknown figure 'p99_latncy', did you mean 'p99_latency'?"));
  EXPECT_THAT(parse_check("p99_latency < 800").error, HasSubstr("threshold"));
  EXPECT_THAT(parse_check("availability >= 99.95").error,
              HasSubstr("expected a number with unit %"));
  EXPECT_THAT(parse_check("cost < 12000").error, HasSubstr("expected a number with unit USD"));
  EXPECT_THAT(parse_check("writes_lost == 0 USD").error, HasSubstr("expected a plain number"));
  EXPECT_THAT(parse_check("writes_lost = 0").error, HasSubstr("expected an operator"));
  EXPECT_THAT(parse_check("writes_lost(dc: fra) == 0").error, HasSubstr("takes no argument"));
  EXPECT_THAT(parse_check("p99_latency(link: fra) < 1s").error,
              HasSubstr("expected 'p99_latency(dc: <name>)'"));
  EXPECT_THAT(parse_check("p99_latency(dc: fra < 1s").error,
              HasSubstr("expected 'p99_latency(dc: <name>)'"));
  EXPECT_THAT(parse_check("< 3").error, HasSubstr("expected '<figure>"));
  EXPECT_THAT(parse_check("availability >= nan%").error, HasSubstr("threshold"));
}

TEST(ChecksSection, SingleDcChecksAreRead) {
  const Loaded s(checks_yaml({"availability >= 99.9%", "p99_latency < 800ms", "cost < 100 USD"}));
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_EQ(s.scenario.checks.size(), 3U);
  EXPECT_EQ(s.scenario.checks[1].figure, "p99_latency");
  EXPECT_EQ(s.scenario.checks[2].expression, "cost < 100 USD");
}

TEST(ChecksSection, ErrorsCarryLineColumnAndPath) {
  const Loaded s("seed: 2\n" +
                 checks_yaml({"p99_latncy < 800ms", "writes_lost == 0", "p99_latency < 800",
                              "p99_latency(dc: fra) < 1s", "calls_failed == 0"}));
  EXPECT_EQ(s.errors(),
            (Lines{"s.yaml:3:5: error: checks[0]: unknown figure 'p99_latncy', did you mean "
                   "'p99_latency'?",
                   "s.yaml:4:5: error: checks[1]: 'writes_lost' applies only to platform "
                   "scenarios",
                   "s.yaml:5:5: error: checks[2]: threshold: " +
                       parse_check("p99_latency < 800").error.substr(11),
                   "s.yaml:6:5: error: checks[3]: 'p99_latency': (dc: ...) applies only to "
                   "platform scenarios",
                   "s.yaml:7:5: error: checks[4]: 'calls_failed' applies only to platform "
                   "scenarios with calls:"}));
}

TEST(ChecksSection, PlatformChecksNameTopologyDcs) {
  const Loaded ok(std::string(platform_head) +
                  checks_yaml({"p99_latency(dc: par) < 800ms", "residency_violations == 0"}));
  ASSERT_EQ(ok.errors(), Lines{});
  ASSERT_EQ(ok.scenario.checks.size(), 2U);
  EXPECT_EQ(ok.scenario.checks[0].argument, "par");

  const Loaded bad(std::string(platform_head) +
                   checks_yaml({"p99_latency(dc: frx) < 800ms", "deploy_duration < 1h"}));
  const Lines errors = bad.errors();
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_THAT(errors[0], HasSubstr("s.yaml:7:5: error: checks[0]: "));
  EXPECT_THAT(errors[0], HasSubstr("did you mean 'fra'"));
  EXPECT_EQ(errors[1],
            "s.yaml:8:5: error: checks[1]: 'deploy_duration' applies only to single-DC and "
            "platform scenarios with deploy:");
}

TEST(ChecksSection, StorageFiguresOnlyInStorageScenarios) {
  const Loaded web(checks_yaml({"objects_lost == 0"}));
  ASSERT_EQ(web.errors().size(), 1U);
  EXPECT_THAT(web.errors()[0], HasSubstr("'objects_lost' applies only to storage scenarios"));
}

TEST(ChecksSection, DuplicatesAndWrongTypesAreErrors) {
  const Loaded s(
      "checks:\n  - writes_lost >= 0\n  - 3\n  - requests_failed == 0\n"
      "  - requests_failed  ==  0\n");
  const Lines errors = s.errors();
  ASSERT_EQ(errors.size(), 2U) << ::testing::PrintToString(errors);
  EXPECT_THAT(errors[0], HasSubstr("s.yaml:2:5: error: checks[0]: 'writes_lost' applies only"));
  EXPECT_THAT(errors[1], HasSubstr("s.yaml:3:5: error: checks[1]: "));
  // Duplicates are the same expression as written; spacing differs here, so both are kept:
  EXPECT_EQ(s.scenario.checks.size(), 2U);
  const Loaded dup("checks: [\"requests_failed == 0\", \"requests_failed == 0\"]\n");
  ASSERT_EQ(dup.errors().size(), 1U);
  EXPECT_THAT(dup.errors()[0], HasSubstr("duplicate check 'requests_failed == 0'"));
}

// cost_per_tenant_month has no whole-run value: it takes (plan: <name>) or (cohort: <name>).
TEST(CheckGrammar, CostPerTenantMonthTakesAPlanOrACohort) {
  const CheckParse plan = parse_check("cost_per_tenant_month(plan: free) < 0.50 USD");
  ASSERT_TRUE(plan.check) << plan.error;
  EXPECT_EQ(plan.check->figure, "cost_per_tenant_month");
  EXPECT_EQ(plan.check->argument_key, "plan");
  EXPECT_EQ(plan.check->argument, "free");
  EXPECT_EQ(plan.check->unit, FigureUnit::usd);
  EXPECT_DOUBLE_EQ(plan.check->threshold, 0.5);
  const CheckParse cohort = parse_check("cost_per_tenant_month( cohort : kz-free )<1 USD");
  ASSERT_TRUE(cohort.check) << cohort.error;
  EXPECT_EQ(cohort.check->argument_key, "cohort");
  EXPECT_EQ(cohort.check->argument, "kz-free");
  // A (dc: ...) figure records its key too.
  EXPECT_EQ(parse_check("cost(dc: fra) < 1 USD").check.value_or(Check{}).argument_key, "dc");

  const std::string forms =
      "'cost_per_tenant_month(plan: <name>)' or 'cost_per_tenant_month(cohort: <name>)'";
  EXPECT_EQ(parse_check("cost_per_tenant_month < 1 USD").error,
            "'cost_per_tenant_month' needs an argument: " + forms);
  EXPECT_EQ(parse_check("cost_per_tenant_month(dc: fra) < 1 USD").error,
            "found 'cost_per_tenant_month(dc: fra) < 1 USD', expected " + forms);
  EXPECT_EQ(parse_check("cost_per_tenant_month(plan: free < 1 USD").error,
            "found 'cost_per_tenant_month(plan: free < 1 USD', expected " + forms);
  EXPECT_THAT(parse_check("cost_per_tenant_month(plan: free) < 1").error,
              HasSubstr("expected a number with unit USD"));
  // Figures that take (dc: ...) still say only that.
  EXPECT_EQ(parse_check("p99_latency(plan: free) < 1s").error,
            "found 'p99_latency(plan: free) < 1s', expected 'p99_latency(dc: <name>)'");
}

// The plan or cohort must exist and count tenants, else the figure could only be missing.
TEST(ChecksSection, CostPerTenantMonthNamesAPlanOrCohortThatCountsTenants) {
  const std::string head =
      "topology:\n"
      "  dcs:\n"
      "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: "
      "EU}\n"
      "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: "
      "EU}\n"
      "cohorts:\n"
      "  - {name: eu-free, home: fra, tenants: 900, plan: free}\n"
      "  - {name: eu-uncounted, home: fra, plan: free-trial}\n"
      "  - {name: eu, home: par, tenants: 100}\n";
  const Loaded ok(head + checks_yaml({"cost_per_tenant_month(plan: free) < 0.5 USD",
                                      "cost_per_tenant_month(plan: paid) < 5 USD",
                                      "cost_per_tenant_month(cohort: eu) < 5 USD"}));
  ASSERT_EQ(ok.errors(), Lines{});
  ASSERT_EQ(ok.scenario.checks.size(), 3U);
  EXPECT_EQ(ok.scenario.checks[2].argument_key, "cohort");

  // The checks start on line 10 (the first item on line 10, "checks:" on 9).
  const Loaded bad(head + checks_yaml({"cost_per_tenant_month(plan: fre) < 1 USD",
                                       "cost_per_tenant_month(plan: free-trial) < 1 USD",
                                       "cost_per_tenant_month(plan: gold) < 1 USD",
                                       "cost_per_tenant_month(cohort: eu-fre) < 1 USD",
                                       "cost_per_tenant_month(cohort: eu-uncounted) < 1 USD"}));
  EXPECT_EQ(
      bad.errors(),
      (Lines{"s.yaml:10:5: error: checks[0]: no cohort has plan 'fre' (did you mean 'free'?)",
             "s.yaml:11:5: error: checks[1]: plan 'free-trial' counts no tenants: write "
             "tenants: (how many accounts a cohort stands for) on its cohorts",
             "s.yaml:12:5: error: checks[2]: no cohort has plan 'gold': the cohorts' plans are "
             "free, free-trial, paid",
             "s.yaml:13:5: error: checks[3]: unknown cohort 'eu-fre' (did you mean 'eu-free'?)",
             "s.yaml:14:5: error: checks[4]: cohort 'eu-uncounted' counts no tenants: write its "
             "tenants: (how many accounts it stands for)"}));
  EXPECT_TRUE(bad.scenario.checks.empty());

  const Loaded web(checks_yaml({"cost_per_tenant_month(plan: free) < 1 USD"}));
  EXPECT_EQ(web.errors(), (Lines{"s.yaml:2:5: error: checks[0]: 'cost_per_tenant_month' applies "
                                 "only to platform scenarios"}));
}

// Unquoted, "p99_latency(dc: fra) < 800ms" is a mapping in YAML: one error that says to quote.
TEST(ChecksSection, AnUnquotedArgumentGetsOneErrorSayingQuoteIt) {
  const Loaded s(std::string(platform_head) + "checks:\n  - p99_latency(dc: fra) < 800ms\n");
  EXPECT_EQ(s.errors(), (Lines{"s.yaml:7:5: error: checks[0]: found a mapping, expected a check; "
                               "quote a check with an argument: - \"p99_latency(dc: fra) < "
                               "800ms\""}));
}

// Every file in scenarios/ (not its include folders), so that a new scenario cannot ship
// without a check.
TEST(ChecksSection, EveryShippedScenarioHasAValidCheck) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::shipped(""))) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  EXPECT_GE(files.size(), 15U);  // the library of issues 1 to 6
  for (const std::filesystem::path& file : files) {
    Diagnostics diagnostics;
    const Scenario s = load_scenario(file, diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << file;
    EXPECT_FALSE(s.checks.empty()) << file;
  }
}

}  // namespace
}  // namespace b24::scenarios

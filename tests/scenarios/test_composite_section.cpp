// The `composite:` section of a platform scenario (issue 5, scenarios/composite_section.cpp):
// values and defaults reach models::CompositeParams, and every mistake is reported with its
// 1-based line:column (worked out by hand from the YAML below) and key path.

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using Loaded = testing::LoadedScenario;

// Two DCs and two cohorts at fra; lines 1 to 7. A test's composite section starts on line 8.
constexpr std::string_view platform =
    "topology:\n"
    "  dcs:\n"
    "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "  links:\n"
    "    - {a: fra, b: par, bandwidth: 40Gbps}\n"
    "cohorts: [{name: portal, home: fra}, {name: intranet, home: fra}]\n";

std::string with_platform(std::string_view tail) {
  return std::string(platform) + std::string(tail);
}

TEST(CompositeSection, AbsentMeansNoCompositeSite) {
  const Loaded loaded(with_platform(""));
  ASSERT_EQ(loaded.errors(), Lines{});
  ASSERT_TRUE(loaded.scenario.platform.has_value());
  EXPECT_FALSE(loaded.scenario.platform->composite.enabled());
}

TEST(CompositeSection, WrittenValuesReachTheParams) {
  const Loaded loaded(
      with_platform("composite:\n"
                    "  cohorts: [portal, intranet]\n"
                    "  cache_hit_ratio: 80%\n"
                    "  cache_serve_time: 15ms\n"
                    "  static_cpu_share: 0.6\n"
                    "  dynamic_cpu_share: 25%\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::CompositeParams& c = loaded.scenario.platform->composite;
  EXPECT_EQ(c.cohorts, (std::vector<std::string>{"portal", "intranet"}));
  EXPECT_DOUBLE_EQ(c.cache_hit_ratio, 0.8);
  EXPECT_EQ(c.cache_serve_time, 15ms);
  EXPECT_DOUBLE_EQ(c.static_cpu_share, 0.6);
  EXPECT_DOUBLE_EQ(c.dynamic_cpu_share, 0.25);
}

TEST(CompositeSection, OnlyCohortsIsRequiredTheRestDefault) {
  const Loaded loaded(with_platform("composite: {cohorts: [portal]}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::CompositeParams& c = loaded.scenario.platform->composite;
  const models::CompositeParams d{};
  EXPECT_EQ(c.cohorts, std::vector<std::string>{"portal"});
  EXPECT_EQ(c.cache_hit_ratio, d.cache_hit_ratio);
  EXPECT_EQ(c.cache_serve_time, 20ms);  // DOMAIN.md 7
  EXPECT_EQ(c.static_cpu_share, d.static_cpu_share);
  EXPECT_EQ(c.dynamic_cpu_share, d.dynamic_cpu_share);
}

struct BadCase {
  std::string_view what;
  std::string_view tail;  // line 8 on
  Lines expected;
};

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.what;
}

class CompositeSectionErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(CompositeSectionErrors, ReportsExactly) {
  const BadCase& c = GetParam();
  const Loaded loaded(with_platform(c.tail));
  EXPECT_EQ(loaded.errors(), c.expected) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CompositeSectionErrors,
    ::testing::Values(
        BadCase{"unknown cohort",
                "composite: {cohorts: [portl]}\n",
                {"s.yaml:8:23: error: composite.cohorts[0]: unknown cohort 'portl' (did you mean "
                 "'portal'?)"}},
        BadCase{"cohort twice",
                "composite: {cohorts: [portal, portal]}\n",
                {"s.yaml:8:31: error: composite.cohorts[1]: cohort 'portal' is listed twice"}},
        BadCase{"no cohorts key",
                "composite: {cache_hit_ratio: 50%}\n",
                {"s.yaml:8:12: error: composite.cohorts: missing required key 'cohorts'"}},
        BadCase{"cohorts not a list",
                "composite: {cohorts: portal}\n",
                {"s.yaml:8:22: error: composite.cohorts: expected a list of cohort names, like "
                 "[eu-de-large], found 'portal'"}},
        BadCase{"empty list",
                "composite: {cohorts: []}\n",
                {"s.yaml:8:22: error: composite.cohorts: expected at least one cohort name: the "
                 "list is empty"}},
        BadCase{"hit ratio above 1",
                "composite: {cohorts: [portal], cache_hit_ratio: 120%}\n",
                {"s.yaml:8:49: error: composite.cache_hit_ratio: expected a fraction from 0 to 1 "
                 "(0% to 100%), found '120%'"}},
        BadCase{"serve time too long",
                "composite: {cohorts: [portal], cache_serve_time: 20s}\n",
                {"s.yaml:8:50: error: composite.cache_serve_time: expected a duration from 0s to "
                 "10s, found '20s'"}},
        BadCase{"negative share",
                "composite: {cohorts: [portal], dynamic_cpu_share: -0.1}\n",
                {"s.yaml:8:51: error: composite.dynamic_cpu_share: expected a fraction from 0 to 1 "
                 "(0% to 100%), found '-0.1'"}},
        BadCase{"misspelt key",
                "composite: {cohorts: [portal], hit_ratio: 0.5}\n",
                {"s.yaml:8:32: error: composite.hit_ratio: unknown key 'hit_ratio'; known keys "
                 "here: cache_hit_ratio, cache_serve_time, cohorts, dynamic_cpu_share, "
                 "static_cpu_share"}}));

}  // namespace
}  // namespace b24::scenarios

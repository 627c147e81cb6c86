// `deploy:` (issue 5, rolling updates): in a single-DC scenario it fills WebTierParams::deploy,
// in a platform scenario PlatformParams::deploy (DCs by name or `all`, in order). Every mistake
// is reported with its 1-based line:column (counted by hand from the YAML below) and key path.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using Loaded = testing::LoadedScenario;

// Two EU DCs and one in Moscow; lines 1 to 6, then a cohort on line 7: `deploy:` is on line 8.
constexpr std::string_view platform_head =
    "topology:\n"
    "  dcs:\n"
    "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: mow, city: M, latitude: 55.8, longitude: 37.6, utc_offset: 3h, jurisdiction: "
    "RU}\n"
    "  links: [{a: fra, b: par, bandwidth: 40Gbps}, {a: fra, b: mow, bandwidth: 10Gbps}]\n"
    "cohorts: [{name: eu, home: fra}]\n";

std::string platform(std::string_view deploy_line) {
  return std::string(platform_head) + std::string(deploy_line);
}

TEST(DeploySection, SingleDcDeployWithEveryKey) {
  const Loaded s(
      "deploy: {at: \"12:00\", min_healthy_percentage: 50, instance_warmup: 2min, "
      "check_interval: 10s}\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(s.scenario.web.deploy.has_value());
  const models::DeployParams& d = *s.scenario.web.deploy;
  EXPECT_EQ(d.at, 12h);
  EXPECT_EQ(d.refresh.min_healthy_percentage, 50);
  EXPECT_EQ(d.refresh.instance_warmup, std::optional<std::chrono::seconds>{120s});
  EXPECT_EQ(d.refresh.check_interval, 10s);
}

TEST(DeploySection, SingleDcDefaultsAreTheModelsOnes) {
  const Loaded s("deploy: {at: 13h}\n");
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(s.scenario.web.deploy.has_value());
  const models::InstanceRefreshParams defaults{};
  EXPECT_EQ(s.scenario.web.deploy->at, 13h);
  EXPECT_EQ(s.scenario.web.deploy->refresh.min_healthy_percentage, 90);  // AWS default
  EXPECT_FALSE(s.scenario.web.deploy->refresh.instance_warmup.has_value());
  EXPECT_EQ(s.scenario.web.deploy->refresh.check_interval, defaults.check_interval);
  // No `deploy:`, no deploy.
  const Loaded none("seed: 3\n");
  ASSERT_EQ(none.errors(), Lines{});
  EXPECT_FALSE(none.scenario.web.deploy.has_value());
}

TEST(DeploySection, PlatformDeploysNamedDcsInTheWrittenOrder) {
  const Loaded s(platform("deploy: {at: \"12:00 local\", dcs: [par, fra]}\n"));
  ASSERT_EQ(s.errors(), Lines{});
  ASSERT_TRUE(s.scenario.platform && s.scenario.platform->deploy);
  const models::PlatformDeployParams& d = *s.scenario.platform->deploy;
  EXPECT_EQ(d.at, 11h);  // 12:00 in Paris (UTC+1), the first DC deployed
  EXPECT_EQ(d.dcs, (std::vector<std::string>{"par", "fra"}));
  EXPECT_EQ(d.refresh.min_healthy_percentage, 90);
}

TEST(DeploySection, PlatformAllIsTheTopologyOrder) {
  const Loaded s(platform("deploy: {at: 9h, dcs: all, min_healthy_percentage: 0}\n"));
  ASSERT_EQ(s.errors(), Lines{});
  const models::PlatformDeployParams& d = *s.scenario.platform->deploy;
  EXPECT_EQ(d.dcs, (std::vector<std::string>{"fra", "par", "mow"}));
  EXPECT_EQ(d.refresh.min_healthy_percentage, 0);
}

struct BadCase {
  std::string_view what;
  std::string yaml;
  Lines expected;
};

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.what;
}

class DeploySectionErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(DeploySectionErrors, ReportsExactly) {
  const BadCase& c = GetParam();
  const Loaded s(c.yaml);
  EXPECT_EQ(s.errors(), c.expected) << c.what;
}

const BadCase bad_cases[] = {
    {"percentage over 100",
     "deploy: {at: 12h, min_healthy_percentage: 101}\n",
     {"s.yaml:1:43: error: deploy.min_healthy_percentage: expected an integer from 0 to 100, "
      "found '101'"}},
    {"no at",
     "deploy: {min_healthy_percentage: 50}\n",
     {"s.yaml:1:9: error: deploy.at: missing required key 'at'"}},
    {"at after the end of the run",
     "duration: 12h\ndeploy: {at: 13h}\n",
     {"s.yaml:2:14: error: deploy.at: the deploy would start at 13h after the start, not before "
      "the end of the run (duration: 12h)"}},
    {"dcs in a single-DC scenario",
     "deploy: {at: 12h, dcs: [a]}\n",
     {"s.yaml:1:24: error: deploy.dcs: a single-DC scenario deploys its one DC: `dcs` belongs to "
      "a platform scenario"}},
    {"warm-up not in whole seconds",
     "deploy: {at: 12h, instance_warmup: 1500ms}\n",
     {"s.yaml:1:36: error: deploy.instance_warmup: expected a whole number of seconds, found "
      "'1500ms'"}},
    {"misspelt key",
     "deploy: {at: 12h, min_helthy_percentage: 50}\n",
     {"s.yaml:1:19: error: deploy.min_helthy_percentage: unknown key 'min_helthy_percentage' "
      "(did you mean 'min_healthy_percentage'?)"}},
    {"unknown DC",
     platform("deploy: {at: 9h, dcs: [frx]}\n"),
     {"s.yaml:8:24: error: deploy.dcs[0]: unknown DC 'frx' (did you mean 'fra'?)"}},
    {"DC twice",
     platform("deploy: {at: 9h, dcs: [fra, fra]}\n"),
     {"s.yaml:8:29: error: deploy.dcs[1]: DC 'fra' is listed twice: each DC is deployed once"}},
    {"no dcs in a platform",
     platform("deploy: {at: 9h}\n"),
     {"s.yaml:8:9: error: deploy.dcs: missing required key 'dcs'"}},
    {"dcs neither a list nor all",
     platform("deploy: {at: 9h, dcs: some}\n"),
     {"s.yaml:8:23: error: deploy.dcs: expected a list of DC names or `all`, found 'some'"}},
};

INSTANTIATE_TEST_SUITE_P(Table, DeploySectionErrors, ::testing::ValuesIn(bad_cases));

}  // namespace
}  // namespace b24::scenarios

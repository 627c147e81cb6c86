// Storage scenarios (issue 5): a top-level `storage:` key loads into models::ObjectStoreParams,
// defaults are the model's, and every mistake is reported at its 1-based line:column (counted
// by hand from the YAML below) with its key path.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Loaded = testing::LoadedScenario;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Lines 1-3; a test's storage keys start on line 4, indented by two (column 3).
constexpr std::string_view head =
    "name: s\n"
    "duration: 3650d\n"
    "storage:\n";

std::string storage(std::string_view keys) {
  return std::string(head) + std::string(keys);
}

TEST(StorageSection, ReadsEveryKey) {
  const Loaded l(
      storage("  name: fra\n"
              "  zones: 4\n"
              "  devices_per_zone: 50\n"
              "  replicas: 2\n"
              "  placement_groups: 512\n"
              "  tenants: 10\n"
              "  initial_objects: 12345\n"
              "  object_size: {mean: 1MiB, stddev: 2MiB}\n"
              "  upload_rate: 120/min\n"
              "  upload_window: 2h\n"
              "  write_latency: 5ms\n"
              "  device_afr: 2.5%\n"
              "  repair_time: {distribution: exponential, mean: 12h}\n"
              "sample_step: 24h\n"));
  ASSERT_TRUE(l.errors().empty()) << l.errors().front();
  ASSERT_TRUE(l.scenario.storage.has_value());
  EXPECT_FALSE(l.scenario.platform.has_value());
  const models::ObjectStoreParams& p = *l.scenario.storage;
  EXPECT_EQ(p.name, "fra");
  EXPECT_EQ(p.zones, 4u);
  EXPECT_EQ(p.devices_per_zone, 50u);
  EXPECT_EQ(p.replicas, 2u);
  EXPECT_EQ(p.placement_groups, 512u);
  EXPECT_EQ(p.tenants, 10u);
  EXPECT_EQ(p.initial_objects, 12345u);
  EXPECT_DOUBLE_EQ(sim::mean(p.object_size_bytes), 1048576.0);
  EXPECT_DOUBLE_EQ(p.upload_rate_per_s, 2.0);
  EXPECT_EQ(p.upload_window, sim::Duration{2h});
  EXPECT_DOUBLE_EQ(sim::mean(p.write_latency_s), 0.005);
  EXPECT_DOUBLE_EQ(p.device_afr, 0.025);
  EXPECT_DOUBLE_EQ(sim::mean(p.repair_time_s), 12 * 3600.0);
  EXPECT_EQ(p.sample_step, sim::Duration{24h});
  EXPECT_EQ(l.scenario.duration, sim::Duration{std::chrono::days{3650}});
}

TEST(StorageSection, EmptySectionGivesTheModelDefaults) {
  const Loaded l(storage("  {}\n"));
  ASSERT_TRUE(l.errors().empty()) << l.errors().front();
  ASSERT_TRUE(l.scenario.storage.has_value());
  const models::ObjectStoreParams defaults;
  const models::ObjectStoreParams& p = *l.scenario.storage;
  EXPECT_EQ(p.zones, defaults.zones);
  EXPECT_EQ(p.replicas, defaults.replicas);
  EXPECT_EQ(p.placement_groups, defaults.placement_groups);
  EXPECT_DOUBLE_EQ(p.device_afr, defaults.device_afr);
  EXPECT_DOUBLE_EQ(sim::mean(p.repair_time_s), sim::mean(defaults.repair_time_s));
  EXPECT_FALSE(p.upload_window.has_value());
  EXPECT_EQ(p.sample_step, defaults.sample_step);
}

struct ErrorCase {
  std::string keys;          // storage keys from line 4
  std::string where;         // "s.yaml:line:column: error: key.path: "
  std::string message_part;  // what the message must say
  friend void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.keys; }
};

class StorageErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(StorageErrors, ReportsPositionPathAndReason) {
  const Loaded l(storage(GetParam().keys));
  ASSERT_EQ(l.errors().size(), 1u) << ::testing::PrintToString(l.errors());
  EXPECT_THAT(l.errors().front(), StartsWith(GetParam().where));
  EXPECT_THAT(l.errors().front(), HasSubstr(GetParam().message_part));
  EXPECT_TRUE(l.scenario.storage.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Storage, StorageErrors,
    ::testing::Values(
        // More copies than zones: reported at replicas, naming both values.
        ErrorCase{"  zones: 3\n  replicas: 4\n", "s.yaml:5:13: error: storage.replicas: ",
                  "replicas (4) must not exceed zones (3)"},
        ErrorCase{"  replicas: 4\n", "s.yaml:4:13: error: storage.replicas: ",
                  "must not exceed zones (3)"},  // the default zone count
        ErrorCase{"  zones: three\n", "s.yaml:4:10: error: storage.zones: ", "three"},
        ErrorCase{"  replicas: 9\n", "s.yaml:4:13: error: storage.replicas: ", "9"},
        ErrorCase{"  upload_rate: -5/s\n", "s.yaml:4:16: error: storage.upload_rate: ", "-5/s"},
        ErrorCase{"  upload_rate: 5\n", "s.yaml:4:16: error: storage.upload_rate: ", "5"},
        ErrorCase{"  device_afr: -1%\n", "s.yaml:4:15: error: storage.device_afr: ", "-1%"},
        ErrorCase{"  upload_window: soon\n", "s.yaml:4:18: error: storage.upload_window: ", "soon"},
        ErrorCase{"  repair_time: {distribution: constant, value: 0s}\n",
                  "s.yaml:4:16: error: storage.repair_time: ", "mean repair time must be positive"},
        ErrorCase{"  object_size: {mean: 0B, stddev: 1MiB}\n",
                  "s.yaml:4:23: error: storage.object_size.mean: ", "positive size"},
        ErrorCase{"  object_size: [1, 2]\n",
                  "s.yaml:4:16: error: storage.object_size: ", "expected a size"},
        ErrorCase{"  name: fra/1\n", "s.yaml:4:9: error: storage.name: ", "fra/1"},
        ErrorCase{"  placement_groups: 1048576\n  tenants: 100\n",
                  "s.yaml:5:12: error: storage.tenants: ", "placement_groups x tenants"},
        ErrorCase{"  zone: 3\n", "s.yaml:4:3: error: storage.zone: ", "zones"}));

// A storage scenario has no web tier: its keys are unknown there.
TEST(StorageSection, WebTierKeysAreUnknown) {
  const Loaded l(storage("  zones: 3\nweb_node: {cores: 4}\n"));
  ASSERT_EQ(l.errors().size(), 1u) << ::testing::PrintToString(l.errors());
  EXPECT_THAT(l.errors().front(), StartsWith("s.yaml:5:1: error: web_node: "));
}

TEST(StorageSection, ShippedScenarioLoads) {
  Diagnostics diagnostics;
  const Scenario s = load_scenario(testing::shipped("storage-durability.yaml"), diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_TRUE(s.storage.has_value());
  EXPECT_EQ(s.storage->replicas, 3u);  // DOMAIN.md 6: >= 3 AZs
  EXPECT_LE(s.storage->replicas, s.storage->zones);
}

}  // namespace
}  // namespace b24::scenarios

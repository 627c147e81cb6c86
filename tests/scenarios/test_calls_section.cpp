// `calls:` in a platform scenario (issue 5): every key into models::CallParams, defaults when
// absent, and mistakes reported with their 1-based line:column (counted by hand from the YAML
// below) and key path.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenario_test_support.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using Lines = std::vector<std::string>;
using testing::LoadedScenario;

// Two DCs, one link, one cohort at fra (UTC+1); lines 1 to 7. A test's own keys start on line 8.
constexpr std::string_view head =
    "topology:\n"
    "  dcs:\n"
    "    - {name: fra, city: F, latitude: 50.1, longitude: 8.7, utc_offset: 1h, jurisdiction: EU}\n"
    "    - {name: par, city: P, latitude: 48.9, longitude: 2.4, utc_offset: 1h, jurisdiction: EU}\n"
    "  links:\n"
    "    - {a: fra, b: par, bandwidth: 10Gbps}\n"
    "cohorts: [{name: acme, home: fra}]\n";

std::string with_head(std::string_view tail) {
  return std::string(head) + std::string(tail);
}

TEST(CallsSection, AbsentMeansNoCalls) {
  const LoadedScenario loaded(with_head(""));
  ASSERT_EQ(loaded.errors(), Lines{});
  EXPECT_FALSE(loaded.scenario.platform->calls.has_value());
}

TEST(CallsSection, EmptyMappingGivesTheDefaults) {
  const LoadedScenario loaded(with_head("calls: {}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  ASSERT_TRUE(loaded.scenario.platform->calls.has_value());
  const models::CallParams& c = *loaded.scenario.platform->calls;
  const models::CallParams d{};
  EXPECT_EQ(c.one_to_one_peak_per_s, d.one_to_one_peak_per_s);
  EXPECT_EQ(c.group_sizes, d.group_sizes);
  EXPECT_EQ(c.mix.symmetric_nat, d.mix.symmetric_nat);
  EXPECT_EQ(c.relay.allocations, d.relay.allocations);
  EXPECT_EQ(c.relay_policy, policy::RelayPolicy::nearest_healthy);
  EXPECT_TRUE(c.storms.empty());
}

TEST(CallsSection, EveryKeyIsRead) {
  const LoadedScenario loaded(with_head(
      "calls:\n"
      "  one_to_one_peak_rate: 3/s\n"
      "  group_peak_rate: 30/min\n"
      "  group_sizes: [3, 4]\n"
      "  duration: {distribution: exponential, mean: 10min}\n"
      "  storms:\n"
      "    - {cohort: acme, at: \"10:00 local\", calls: 50, participants: 5, window: 3min, "
      "duration: 1h}\n"
      "    - {at: 2h, calls: 7}\n"
      "  network_mix: {open_nat: 60%, symmetric_nat: 30%, restrictive_firewall: 10%}\n"
      "  same_site_share: 0%\n"
      "  video_bitrate: 2500kbit/s\n"
      "  audio_bitrate: 40kbit/s\n"
      "  access_links: [{share: 1, uplink: 5Mbit/s, downlink: 50Mbit/s}]\n"
      "  signalling_round_trips: 3\n"
      "  access_rtt: 30ms\n"
      "  turn_allocation_round_trips: 1\n"
      "  ice_pacing: 20ms\n"
      "  relay_policy: tenant_dc\n"
      "  relay: {allocations: 100, bandwidth: 1Gbit/s}\n"
      "  retry_after: 5s\n"
      "  telephony: {enabled: false, channels: 60, call_rate: 2/s, duration: 2min}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::CallParams& c = *loaded.scenario.platform->calls;
  EXPECT_DOUBLE_EQ(c.one_to_one_peak_per_s, 3.0);
  EXPECT_DOUBLE_EQ(c.group_peak_per_s, 0.5);
  EXPECT_EQ(c.group_sizes, (std::vector<std::uint32_t>{3, 4}));
  EXPECT_DOUBLE_EQ(sim::mean(c.duration_s), 600.0);
  ASSERT_EQ(c.storms.size(), 2u);
  EXPECT_EQ(c.storms[0].cohort, "acme");
  EXPECT_EQ(c.storms[0].at, 9h);  // 10:00 at UTC+1
  EXPECT_EQ(c.storms[0].calls, 50u);
  EXPECT_EQ(c.storms[0].participants, 5u);
  EXPECT_EQ(c.storms[0].window, 3min);
  EXPECT_EQ(c.storms[0].length, 1h);
  EXPECT_EQ(c.storms[1].at, 2h);
  EXPECT_EQ(c.storms[1].cohort, "");
  EXPECT_DOUBLE_EQ(c.mix.same_lan, 0.0);
  EXPECT_DOUBLE_EQ(c.mix.open_nat, 0.6);
  EXPECT_DOUBLE_EQ(c.same_site_share, 0.0);
  EXPECT_DOUBLE_EQ(c.video_kbps, 2500.0);
  EXPECT_DOUBLE_EQ(c.audio_kbps, 40.0);
  ASSERT_EQ(c.access.size(), 1u);
  EXPECT_DOUBLE_EQ(c.access[0].uplink_mbps, 5.0);
  EXPECT_DOUBLE_EQ(c.access[0].downlink_mbps, 50.0);
  EXPECT_EQ(c.signalling_round_trips, 3u);
  EXPECT_EQ(c.access_rtt, 30ms);
  EXPECT_EQ(c.turn_allocation_round_trips, 1u);
  EXPECT_EQ(c.ice_pacing, 20ms);
  EXPECT_EQ(c.relay_policy, policy::RelayPolicy::tenant_dc);
  EXPECT_EQ(c.relay.allocations, 100u);
  EXPECT_DOUBLE_EQ(c.relay.bandwidth_mbps, 1000.0);
  EXPECT_EQ(c.retry_after, 5s);
  EXPECT_FALSE(c.telephony);
  EXPECT_EQ(c.gateway.channels, 60u);
  EXPECT_DOUBLE_EQ(c.gateway.call_rate_per_s, 2.0);
}

TEST(CallsSection, TurnFailureIsAFaultKind) {
  const LoadedScenario loaded(
      with_head("calls: {}\nfaults:\n  - {kind: turn_failure, dc: par, at: 1h, for: 30min}\n"));
  ASSERT_EQ(loaded.errors(), Lines{});
  const models::PlatformParams& p = *loaded.scenario.platform;
  ASSERT_EQ(p.faults.size(), 1u);
  EXPECT_EQ(p.faults[0].kind, models::FaultKind::turn_failure);
  EXPECT_EQ(p.faults[0].targets, std::vector<std::string>{"par"});
  EXPECT_EQ(p.faults[0].length, 30min);
}

TEST(CallsSection, MixNotSummingToOne) {
  // line 8 "calls:", line 9 "  network_mix: {...}": the value starts at column 16.
  const LoadedScenario loaded(
      with_head("calls:\n  network_mix: {open_nat: 50%, symmetric_nat: 20%}\n"));
  EXPECT_EQ(loaded.errors(),
            Lines{"s.yaml:9:16: error: calls.network_mix: the four shares (same_lan, open_nat, "
                  "symmetric_nat, restrictive_firewall) must sum to 100%, found 70.000000%; "
                  "unwritten shares are 0"});
}

TEST(CallsSection, BadValuesAreReportedAtTheirKeys) {
  const LoadedScenario loaded(
      with_head("calls:\n"                                    // line 8
                "  group_sizes: [3, 40]\n"                    // 9: "40" at column 20
                "  relay_policy: closest\n"                   // 10: column 17
                "  storms:\n"                                 // 11
                "    - {cohort: acne, at: 1h, calls: 5}\n"    // 12: "acne" at column 16
                "    - {at: \"10:00 local\", calls: 5}\n"));  // 13: the string at column 12
  const Lines errors = loaded.errors();
  ASSERT_EQ(errors.size(), 4u) << ::testing::PrintToString(errors);
  EXPECT_EQ(errors[0].rfind("s.yaml:9:20: error: calls.group_sizes[1]:", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("s.yaml:10:17: error: calls.relay_policy:", 0), 0u) << errors[1];
  EXPECT_EQ(errors[2],
            "s.yaml:12:16: error: calls.storms[0].cohort: unknown cohort 'acne': not "
            "a name in cohorts");
  EXPECT_EQ(errors[3].rfind("s.yaml:13:12: error: calls.storms[1].at: a local time needs the "
                            "storm's cohort",
                            0),
            0u)
      << errors[3];
}

TEST(CallsSection, UnknownKeyHasASuggestion) {
  const LoadedScenario loaded(with_head("calls:\n  one_to_one_peak_rat: 1/s\n"));
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_NE(loaded.errors()[0].find("one_to_one_peak_rate"), std::string::npos)
      << loaded.errors()[0];
}

TEST(CallsSection, ShippedCallScenariosLoad) {
  for (const char* file : {"call-storm.yaml", "turn-outage.yaml"}) {
    Diagnostics diagnostics;
    const Scenario s = load_scenario(testing::shipped(file), diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << file;
    ASSERT_TRUE(s.platform.has_value()) << file;
    EXPECT_TRUE(s.platform->calls.has_value()) << file;
  }
}

}  // namespace
}  // namespace b24::scenarios

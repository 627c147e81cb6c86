// Reading typed values with defaults, as model code does: every getter, sequences, free-form
// mappings, and the "known keys" bookkeeping behind the unknown-key check.

#include <gtest/gtest.h>

#include "scenario_test_support.hpp"

namespace b24::scenarios {
namespace {

using namespace std::chrono_literals;
using testing::Loaded;

enum class Algorithm { round_robin, least_outstanding_requests, weighted_random };

TEST(Reader, ReadsEveryKindOfValue) {
  Loaded s(
      "web:\n"
      "  min_nodes: 3\n"
      "  tenants: 1_500_000\n"
      "  weight: 2.5\n"
      "  target_cpu: 60%\n"
      "  interval: 1m30s\n"
      "  peak: 1.2M/h\n"
      "  link: 10Gbps\n"
      "  disk: 512MiB\n"
      "  name: \"fra-1\"\n"
      "  enabled: false\n"
      "  algorithm: least_outstanding_requests\n"
      "  crash_at: 14:00\n"
      "  start: 2026-11-26T11:00\n");
  const NodeView web = s.root().child("web");
  EXPECT_EQ(web.get_int("min_nodes", 2, {.min = 0, .max = 10'000}), 3);
  EXPECT_EQ(web.get_int64("tenants", 0), 1'500'000);
  EXPECT_EQ(web.get_double("weight", 1.0), 2.5);
  EXPECT_EQ(web.get_fraction("target_cpu", 0.5), 0.6);
  EXPECT_EQ(web.get_duration("interval", 30s), 90s);
  EXPECT_DOUBLE_EQ(web.get_rate_per_s("peak", 0.0), 1.2e6 / 3600);
  EXPECT_EQ(web.get_bandwidth_bps("link", 0.0), 1e10);
  EXPECT_EQ(web.get_size_bytes("disk", 0), 512LL << 20);
  EXPECT_EQ(web.get_string("name", "x"), "fra-1");
  EXPECT_FALSE(web.get_bool("enabled", true));
  EXPECT_EQ(web.get_enum("algorithm",
                         {{"round_robin", Algorithm::round_robin},
                          {"least_outstanding_requests", Algorithm::least_outstanding_requests},
                          {"weighted_random", Algorithm::weighted_random}},
                         Algorithm::round_robin),
            Algorithm::least_outstanding_requests);
  EXPECT_EQ(web.get_time_of_day("crash_at", {}), (TimeOfDay{14h, false}));
  EXPECT_EQ(web.get_date_time("start", {}).time.time_since_epoch(), 20783 * 24h + 11h);
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty()) << s.errors().front();
}

TEST(Reader, GivesDefaultsForAbsentKeysAndSections) {
  Loaded s("web:\n  min_nodes: 3\n");
  const NodeView web = s.root().child("web");
  EXPECT_EQ(web.get_int("max_nodes", 10), 10);
  EXPECT_EQ(web.get_duration("interval", 30s), 30s);
  EXPECT_EQ(web.get_fraction("target_cpu", 0.5), 0.5);
  EXPECT_EQ(web.get_string("name", "default"), "default");
  EXPECT_EQ(web.get_enum("algorithm", {"round_robin", "weighted_random"}, "round_robin"),
            "round_robin");
  const NodeView elb = s.root().child("elb");  // not written at all
  EXPECT_FALSE(elb.present());
  EXPECT_EQ(elb.get_int("surge_queue", 1024), 1024);
  EXPECT_EQ(elb.child("health").get_duration("timeout", 5s), 5s);
  EXPECT_TRUE(elb.items("targets").empty());
  (void)web.get_int("min_nodes", 2);
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, TreatsAnEmptySectionAsAllDefaults) {
  Loaded s("web:\nfaults:\n");
  EXPECT_EQ(s.root().child("web").get_int("min_nodes", 2), 2);
  EXPECT_TRUE(s.root().items("faults").empty());
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, IteratesSequencesWithIndexedPaths) {
  Loaded s(
      "dcs:\n"
      "  - name: fra\n"
      "    nodes: 4\n"
      "  - name: ams\n");
  const std::vector<NodeView> dcs = s.root().items("dcs");
  ASSERT_EQ(dcs.size(), 2U);
  EXPECT_EQ(dcs[0].path(), "dcs[0]");
  EXPECT_EQ(dcs[1].path(), "dcs[1]");
  EXPECT_EQ(dcs[0].require_string("name"), "fra");
  EXPECT_EQ(dcs[0].get_int("nodes", 1), 4);
  EXPECT_EQ(dcs[1].require_string("name"), "ams");
  EXPECT_EQ(dcs[1].get_int("nodes", 1), 1);
  EXPECT_EQ(dcs[1].mark().line, 4);
  EXPECT_EQ(dcs[1].mark().column, 5);
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, IteratesScalarSequences) {
  Loaded s("zones: [eu, us, \"ap\"]\n");
  std::vector<std::string> zones;
  for (const NodeView& zone : s.root().items("zones")) zones.push_back(*zone.as_string());
  EXPECT_EQ(zones, (std::vector<std::string>{"eu", "us", "ap"}));
}

TEST(Reader, IteratesFreeFormMappingsInWrittenOrder) {
  Loaded s(
      "weights:\n"
      "  fra: 2\n"
      "  ams: 3\n"
      "  waw: 1\n");
  std::vector<std::string> names;
  std::vector<int> weights;
  for (const auto& [name, weight] : s.root().entries("weights")) {
    names.push_back(name);
    weights.push_back(*weight.as_int());
    EXPECT_EQ(weight.path(), "weights." + name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"fra", "ams", "waw"}));
  EXPECT_EQ(weights, (std::vector<int>{2, 3, 1}));
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());  // every name is known
}

TEST(Reader, HasMakesAKeyKnown) {
  Loaded s("web:\n  max_nodes: 4\n");
  const NodeView web = s.root().child("web");
  EXPECT_TRUE(web.has("max_nodes"));
  EXPECT_FALSE(web.has("min_nodes"));
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, IgnoresExtensionKeysAndReadsThroughMergeKeys) {
  Loaded s(
      "x-web-defaults: &web\n"
      "  min_nodes: 2\n"
      "  max_nodes: 8\n"
      "fra:\n"
      "  <<: *web\n"
      "  max_nodes: 20\n");
  const NodeView fra = s.root().child("fra");
  EXPECT_EQ(fra.get_int("min_nodes", 0), 2);
  EXPECT_EQ(fra.get_int("max_nodes", 0), 20);
  s.reader.finish();
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, AcceptsDeclaredBareUnits) {
  Loaded s("timeout_s: 5\nrate: 120\n");
  EXPECT_EQ(s.root().get_duration("timeout_s", 1s, {.bare_unit = 1s}), 5s);
  EXPECT_EQ(s.root().get_rate_per_s("rate", 0.0, {.bare_per = 1min}), 2.0);
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(Reader, ReadsAnOptionalValueWithoutADefault) {
  Loaded s("max_nodes: 7\n");
  EXPECT_EQ(s.root().value("max_nodes").as_int(), 7);
  EXPECT_EQ(s.root().value("min_nodes").as_int(), std::nullopt);
  EXPECT_TRUE(s.diagnostics.empty());
}

}  // namespace
}  // namespace b24::scenarios

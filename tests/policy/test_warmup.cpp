// Instance warm-up (EC2 Auto Scaling guide, "Instance warm-up"): until its warm-up has expired an
// instance does not count toward the group's aggregated metrics or, on scale-out, its capacity.

#include <gtest/gtest.h>

#include <stdexcept>

#include "policy/warmup.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp t = test::at(15h);

TEST(Warmup, InstanceWarmsUpWhenItsWarmupHasElapsedSinceInService) {
  const Instance instance = test::serving(1, t);
  EXPECT_FALSE(is_warmed_up(instance, t + 299s, 300s));
  EXPECT_TRUE(is_warmed_up(instance, t + 300s, 300s));
  EXPECT_TRUE(is_warmed_up(instance, t, 0s));
  EXPECT_FALSE(is_warmed_up(test::pending(2, t), t + 1h, 0s));
}

TEST(Warmup, CapacityCountsSeparateEachKindOfInstance) {
  const std::vector<Instance> instances{test::serving(1, t - 1h), test::serving(2, t - 1h),
                                        test::serving(3, t - 1min), test::pending(4, t - 30s),
                                        test::terminating(5, t - 2h)};
  const CapacityCounts counts = count_capacity(instances, t, 300s);
  EXPECT_EQ(counts.warmed, 2);
  EXPECT_EQ(counts.warming, 1);
  EXPECT_EQ(counts.pending, 1);
  EXPECT_EQ(counts.terminating, 1);
  EXPECT_EQ(counts.scale_out_capacity(), 2);
  EXPECT_EQ(counts.scale_in_capacity(), 4);
  EXPECT_TRUE(counts.scale_out_in_progress());
  EXPECT_EQ(counts.live(), 4);
}

TEST(Warmup, AggregatedMetricLeavesWarmingInstancesOut) {
  // Two warmed instances at 60 % and 80 %; a new one busy starting up at 100 % is left out.
  const std::vector<Instance> instances{test::serving(1, t - 1h), test::serving(2, t - 1h),
                                        test::serving(3, t - 1min)};
  const std::vector<InstanceSample> cpu{{1, 60.0}, {2, 80.0}, {3, 100.0}};
  EXPECT_EQ(average_over_warmed_instances(instances, cpu, t, 300s), 70.0);
  EXPECT_EQ(average_over_warmed_instances(instances, cpu, t + 5min, 300s), 80.0);
}

TEST(Warmup, AggregatedMetricIsMissingWhenNoInstanceHasWarmedUp) {
  const std::vector<Instance> instances{test::serving(1, t - 1min)};
  const std::vector<InstanceSample> cpu{{1, 90.0}};
  EXPECT_EQ(average_over_warmed_instances(instances, cpu, t, 300s), std::nullopt);
}

TEST(Warmup, SampleOfAnUnknownInstanceIsRejected) {
  const std::vector<Instance> instances{test::serving(1, t - 1h)};
  const std::vector<InstanceSample> cpu{{7, 50.0}};
  EXPECT_THROW((void)average_over_warmed_instances(instances, cpu, t, 300s), std::invalid_argument);
}

TEST(Warmup, EstimatedWarmupFallsBackToDefaultWarmupThenToDefaultCooldown) {
  EXPECT_EQ(resolve_instance_warmup(60s, 120s), 60s);
  EXPECT_EQ(resolve_instance_warmup(std::nullopt, 120s), 120s);
  EXPECT_EQ(resolve_instance_warmup(std::nullopt, std::nullopt), 300s);
  EXPECT_EQ(resolve_instance_warmup(std::nullopt, std::nullopt, 200s), 200s);
}

}  // namespace
}  // namespace b24::policy

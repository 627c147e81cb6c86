// Termination policies (EC2 Auto Scaling guide, "Control which Auto Scaling instances terminate
// during scale in"), on one group at 10:30:
//   id 1: launched 08:00, template v1, 30 min to its next instance hour
//   id 2: launched 08:50, template v2, 20 min
//   id 3: launched 09:10, template v2, 40 min
//   id 4: launched 09:40, template v1, 10 min

#include <gtest/gtest.h>

#include "policy/termination.hpp"
#include "policy_test_support.hpp"

namespace b24::policy {
namespace {

using namespace std::chrono_literals;

const Timestamp now = test::at(10h, 30min);

Instance launched(InstanceId id, Timestamp at, int template_version) {
  Instance instance = test::serving(id, at);
  instance.in_service_at = at + 2min;
  instance.launch_template_version = template_version;
  return instance;
}

std::vector<Instance> group_of_four() {
  return {launched(1, test::at(8h), 1), launched(2, test::at(8h, 50min), 2),
          launched(3, test::at(9h, 10min), 2), launched(4, test::at(9h, 40min), 1)};
}

std::vector<InstanceId> choose(TerminationPolicy policy, int count,
                               std::vector<Instance> instances = group_of_four()) {
  return choose_instances_to_terminate(policy, {now, std::move(instances), count}).instance_ids;
}

TEST(Termination, TimeToNextInstanceHour) {
  const std::vector<Instance> instances = group_of_four();
  EXPECT_EQ(time_to_next_instance_hour(instances[0], now), 30min);
  EXPECT_EQ(time_to_next_instance_hour(instances[1], now), 20min);
  EXPECT_EQ(time_to_next_instance_hour(instances[2], now), 40min);
  EXPECT_EQ(time_to_next_instance_hour(instances[3], now), 10min);
  EXPECT_EQ(time_to_next_instance_hour(launched(5, now - 2h, 1), now), 1h);  // at the boundary
}

TEST(Termination, OldestInstanceRemovesTheEarliestLaunchesFirst) {
  EXPECT_EQ(choose(TerminationPolicy::oldest_instance, 2), (std::vector<InstanceId>{1, 2}));
}

TEST(Termination, NewestInstanceRemovesTheLatestLaunchesFirst) {
  EXPECT_EQ(choose(TerminationPolicy::newest_instance, 2), (std::vector<InstanceId>{4, 3}));
}

TEST(Termination, ClosestToNextInstanceHourFirst) {
  EXPECT_EQ(choose(TerminationPolicy::closest_to_next_instance_hour, 2),
            (std::vector<InstanceId>{4, 2}));
}

TEST(Termination, OldestLaunchTemplateFirstWithLowestIdOnATie) {
  EXPECT_EQ(choose(TerminationPolicy::oldest_launch_template, 3),
            (std::vector<InstanceId>{1, 4, 2}));
}

TEST(Termination, DefaultTakesOldestTemplateThenClosestToTheNextHour) {
  // v1 instances go first, 4 (10 min) before 1 (30 min); then v2: 2 (20 min) before 3 (40 min).
  EXPECT_EQ(choose(TerminationPolicy::default_policy, 1), (std::vector<InstanceId>{4}));
  EXPECT_EQ(choose(TerminationPolicy::default_policy, 4), (std::vector<InstanceId>{4, 1, 2, 3}));
}

TEST(Termination, DefaultBreaksAFullTieByLowestIdInsteadOfAtRandom) {
  const std::vector<Instance> twins{launched(8, test::at(9h), 1), launched(6, test::at(9h), 1)};
  EXPECT_EQ(choose(TerminationPolicy::default_policy, 1, twins), (std::vector<InstanceId>{6}));
}

TEST(Termination, ProtectedAndTerminatingInstancesAreNotCandidates) {
  std::vector<Instance> instances = group_of_four();
  instances[0].protected_from_scale_in = true;
  instances[1].lifecycle = LifecycleState::terminating;
  EXPECT_EQ(choose(TerminationPolicy::oldest_instance, 5, instances),
            (std::vector<InstanceId>{3, 4}));
}

}  // namespace
}  // namespace b24::policy

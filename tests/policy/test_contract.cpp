// Violated preconditions throw std::invalid_argument (a real service must not abort).

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "policy/alarm.hpp"
#include "policy/capacity_limits.hpp"
#include "policy/contract.hpp"
#include "policy/load_balancing.hpp"

namespace b24::policy {
namespace {

TEST(Contract, RequireThrowsInvalidArgumentNamingTheRule) {
  try {
    require(false, "x > 0");
    FAIL() << "require(false) did not throw";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()), "policy precondition violated: x > 0");
  }
}

TEST(Contract, RequireIsSilentWhenTheConditionHolds) {
  EXPECT_NO_THROW(require(true, "x > 0"));
}

TEST(Contract, PolicyEntryPointsThrowOnBadInput) {
  EXPECT_THROW((void)clamp_desired(3, CapacityLimits{5, 2}), std::invalid_argument);

  AlarmConfig three_of_two;
  three_of_two.evaluation_periods = 2;
  three_of_two.datapoints_to_alarm = 3;
  EXPECT_THROW((void)evaluate_alarm(three_of_two, AlarmObservation{}), std::invalid_argument);

  const std::vector<RoutingTarget> unsorted{{.id = 2}, {.id = 1}};
  EXPECT_THROW((void)choose_target(LoadBalancerConfig{}, RoutingObservation{.targets = unsorted}),
               std::invalid_argument);
}

}  // namespace
}  // namespace b24::policy

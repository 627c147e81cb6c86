#pragma once
// Instance warm-up. Source: EC2 Auto Scaling guide, step scaling and target tracking "Instance
// warm-up" (DOMAIN.md section 3): until its warm-up has expired an instance is not counted toward
// the group's aggregated metrics; while scaling out, warming instances are not part of the
// current capacity; while scaling in, terminating instances are; a scale-in activity can't start
// while a scale-out activity is in progress. Warm-up counts from the moment the instance is
// InService; a pending instance is still being added, so it counts as warming.

#include <chrono>
#include <optional>
#include <span>

#include "policy/instance.hpp"
#include "policy/time.hpp"

namespace b24::policy {

struct CapacityCounts {
  int pending = 0;      // launched, not InService
  int warming = 0;      // InService, warm-up not over
  int warmed = 0;       // InService and warmed up (healthy or not)
  int terminating = 0;  // being removed

  // The current capacity a scale-out computes from: warmed instances only.
  [[nodiscard]] int scale_out_capacity() const { return warmed; }
  // The current capacity a scale-in computes from: InService plus terminating.
  [[nodiscard]] int scale_in_capacity() const { return warmed + warming + terminating; }
  // Instances still being added: while any exists, scale-in waits.
  [[nodiscard]] bool scale_out_in_progress() const { return pending + warming > 0; }
  // Instances that are, or will be, serving: everything not terminating.
  [[nodiscard]] int live() const { return pending + warming + warmed; }
};

// True for an InService instance whose warm-up has expired at `now` (now >= in_service_at +
// warmup).
[[nodiscard]] bool is_warmed_up(const Instance& instance, Timestamp now, Duration warmup);

[[nodiscard]] CapacityCounts count_capacity(std::span<const Instance> instances, Timestamp now,
                                            Duration warmup);

// One instance's value of a metric for one period (for example its CPU utilization).
struct InstanceSample {
  InstanceId instance_id = 0;
  double value = 0.0;
};

// The group's aggregated metric (average) over warmed-up InService instances only; nullopt when
// none contributes (CloudWatch then has no datapoint). Samples of warming, pending or
// terminating instances are left out. Throws std::invalid_argument for a sample of an unknown id.
[[nodiscard]] std::optional<double> average_over_warmed_instances(
    std::span<const Instance> instances, std::span<const InstanceSample> samples, Timestamp now,
    Duration warmup);

// The warm-up a step or target-tracking policy uses: its EstimatedInstanceWarmup, else the
// group's DefaultInstanceWarmup, else the group's DefaultCooldown (300 s by default). Source:
// EC2 Auto Scaling guide, consolidated view of warm-up and cooldown settings.
[[nodiscard]] std::chrono::seconds resolve_instance_warmup(
    std::optional<std::chrono::seconds> estimated_instance_warmup,
    std::optional<std::chrono::seconds> default_instance_warmup,
    std::chrono::seconds default_cooldown = std::chrono::seconds{300});

}  // namespace b24::policy

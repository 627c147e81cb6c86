#include "policy/warmup.hpp"

#include "policy/contract.hpp"

namespace b24::policy {

bool is_warmed_up(const Instance& instance, Timestamp now, Duration warmup) {
  require(warmup >= Duration::zero(), "instance warm-up >= 0");
  if (instance.lifecycle != LifecycleState::in_service) return false;
  require(instance.in_service_at.has_value(), "an InService instance has in_service_at");
  return now >= *instance.in_service_at + warmup;
}

CapacityCounts count_capacity(std::span<const Instance> instances, Timestamp now, Duration warmup) {
  CapacityCounts counts;
  for (const Instance& instance : instances) {
    switch (instance.lifecycle) {
      case LifecycleState::pending:
        ++counts.pending;
        break;
      case LifecycleState::in_service:
        ++(is_warmed_up(instance, now, warmup) ? counts.warmed : counts.warming);
        break;
      case LifecycleState::terminating:
        ++counts.terminating;
        break;
    }
  }
  return counts;
}

std::optional<double> average_over_warmed_instances(std::span<const Instance> instances,
                                                    std::span<const InstanceSample> samples,
                                                    Timestamp now, Duration warmup) {
  double sum = 0.0;
  int contributing = 0;
  for (const InstanceSample& sample : samples) {
    const Instance* owner = nullptr;
    for (const Instance& instance : instances) {
      if (instance.id == sample.instance_id) owner = &instance;
    }
    require(owner != nullptr, "every metric sample belongs to an instance of the group");
    if (!is_warmed_up(*owner, now, warmup)) continue;
    sum += sample.value;
    ++contributing;
  }
  if (contributing == 0) return std::nullopt;
  return sum / contributing;
}

std::chrono::seconds resolve_instance_warmup(
    std::optional<std::chrono::seconds> estimated_instance_warmup,
    std::optional<std::chrono::seconds> default_instance_warmup,
    std::chrono::seconds default_cooldown) {
  const std::chrono::seconds warmup =
      estimated_instance_warmup.value_or(default_instance_warmup.value_or(default_cooldown));
  require(warmup >= std::chrono::seconds{0}, "instance warm-up >= 0");
  return warmup;
}

}  // namespace b24::policy

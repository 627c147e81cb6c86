#pragma once
// Group size limits. Source: EC2 Auto Scaling guide, "Set capacity limits on your Auto Scaling
// group" (DOMAIN.md section 3): desired capacity defaults to the minimum, and every change,
// manual or automatic, must stay within [min, max].

namespace b24::policy {

struct CapacityLimits {
  int min_size = 0;
  int max_size = 0;
};

// Throws std::invalid_argument unless 0 <= min_size <= max_size.
void validate(const CapacityLimits& limits);

// The desired capacity moved into [min_size, max_size].
[[nodiscard]] int clamp_desired(int desired_capacity, const CapacityLimits& limits);

}  // namespace b24::policy

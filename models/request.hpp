#pragma once
// One user request travelling through a DC's web tier. Small and trivially copyable: it rides
// inside event handlers and queues by value, never on the heap.

#include <cstdint>
#include <string_view>

#include "sim/time.hpp"

namespace b24::models {

struct Request {
  std::uint64_t id = 0;
  sim::Instant arrived;  // at the load balancer
  // The platform's cohort index (0 in a single-DC run), so per-cohort figures stay possible.
  std::uint32_t cohort = 0;
  // Round trip between the client and the load balancer on top of the tier's network_rtt: zero
  // at home, the extra distance when a cohort is served from another DC. Microseconds in 32 bits
  // (an Earth-spanning round trip is under 1 s) keep the request at 24 bytes.
  std::int32_t client_rtt_us = 0;
};
static_assert(sizeof(Request) == 24, "a request rides in event handlers by value");

// How a request ended, as the client sees it. Codes follow ALB/CLB semantics (DOMAIN.md 1).
enum class Outcome : std::uint8_t {
  served,         // 2xx from a web node
  refused_502,    // ALB: the target refused the connection or died with the request in flight
  no_target_503,  // no registered target, CLB with no healthy target, or surge-queue spillover
  timeout_504,    // no response within the idle timeout
};

[[nodiscard]] constexpr std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::served:
      return "served";
    case Outcome::refused_502:
      return "502";
    case Outcome::no_target_503:
      return "503";
    case Outcome::timeout_504:
      return "504";
  }
  return "?";
}

}  // namespace b24::models

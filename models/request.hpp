#pragma once
// One user request travelling through a DC's web tier. Small and trivially copyable: it rides
// inside event handlers and queues by value, never on the heap.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/time.hpp"

namespace b24::models {

// What a request asks of a web node (DOMAIN.md 7, composite site): a whole page rendered
// dynamically, or one of the two parts of a composite page: the static shell rendered on a
// cache miss, or the dynamic blocks the page's JavaScript fetches by AJAX afterwards. The web node
// scales its CPU time by the kind's share (WebNodeParams::cpu_share).
enum class RequestKind : std::uint8_t { whole_page = 0, static_part = 1, dynamic_part = 2 };
inline constexpr std::size_t request_kind_count = 3;

struct Request {
  // The generator's number for the request. A composite page's dynamic part carries instead its
  // page's time to first content in microseconds: the part's own latency does not tell when its
  // page completed, and nothing else needs the number (models/composite_site.hpp).
  std::uint64_t id = 0;
  sim::Instant arrived;  // at the load balancer
  // The platform's cohort index (0 in a single-DC run), so per-cohort figures stay possible.
  // 16 bits (a platform has at most 65,535 cohorts) leave room for the kind at 24 bytes.
  std::uint16_t cohort = 0;
  RequestKind kind = RequestKind::whole_page;
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

#pragma once
// An Elastic Load Balancer node in front of one DC's web nodes. Every routing choice is made by
// policy::choose_target (the production code); this model supplies the observation and carries
// out the decision with ELB semantics (DOMAIN.md section 1):
// - ALB: a target that refuses the connection, or dies with the request in flight, gives 502;
//   with no registered target, 503.
// - Classic: requests no backend can take wait in the surge queue (1,024 per LB node), beyond
//   it they spill over as 503; with no healthy backend, 503.
// - Both: a response later than the idle timeout (60 s) reaches the client as 504. It is
//   accounted when the node finishes (or when it leaves the surge queue), not by a timer per
//   request: the count is exact, its instant is late by at most the node's remaining work.

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "models/request.hpp"
#include "models/web_node.hpp"
#include "policy/load_balancing.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"
#include "sim/welford.hpp"

namespace b24::models {

struct LoadBalancerParams {
  policy::LoadBalancerConfig balancer{};
  std::uint32_t surge_queue_limit = 1024;  // Classic only (CLB guide: 1,024 per LB node)
  sim::Duration idle_timeout = std::chrono::seconds{60};  // ALB and CLB default
  // Client <-> load balancer round trip, part of every latency the client sees (latency =
  // network + queueing + service). Assumption: 0 unless the scenario says where its users are.
  sim::Duration network_rtt{0};
};

struct LoadBalancerCounters {
  std::uint64_t arrived = 0;
  std::uint64_t served = 0;
  std::uint64_t failed_502 = 0;
  std::uint64_t failed_503 = 0;
  std::uint64_t failed_504 = 0;
  [[nodiscard]] std::uint64_t failed() const { return failed_502 + failed_503 + failed_504; }
};

// Hears how every request that arrived at the load balancer ended, with the latency the client
// saw (its round trips included). Installed only where someone needs per-request completions
// (the composite site's time to complete page); otherwise the load balancer pays a null check.
// Called from inside the load balancer: react by scheduling, never by calling back into it.
class CompletionObserver {
 public:
  virtual void on_completed(const Request& request, Outcome outcome, sim::Duration latency) = 0;

 protected:
  ~CompletionObserver() = default;
};

class LoadBalancer final : public RequestListener {
 public:
  LoadBalancer(sim::Simulator& sim, const LoadBalancerParams& params, sim::Rng rng);
  LoadBalancer(const LoadBalancer&) = delete;
  LoadBalancer& operator=(const LoadBalancer&) = delete;

  // The node id is the policy's target id.
  void register_target(WebNode& node, policy::HealthState health);
  void set_health(std::uint32_t node_id, policy::HealthState health);
  void set_draining(std::uint32_t node_id);
  void deregister(std::uint32_t node_id);

  void arrive(const Request& request);
  // nullptr: none (the default).
  void set_completion_observer(CompletionObserver* observer) noexcept { observer_ = observer; }
  // The client <-> load balancer round trip every request pays on top of its own client_rtt_us.
  [[nodiscard]] sim::Duration network_rtt() const noexcept { return params_.network_rtt; }

  void on_served(std::uint32_t node, const Request& request) override;
  void on_aborted(std::uint32_t node, const Request& request) override;

  [[nodiscard]] const LoadBalancerCounters& counters() const noexcept { return counters_; }
  // Requests accepted and not yet answered: in the surge queue or at a node.
  [[nodiscard]] std::uint64_t in_flight() const noexcept;
  [[nodiscard]] std::size_t surge_queue_length() const noexcept { return surge_.size(); }
  // Latency of served requests as the client sees it (network round trip + arrival at the LB
  // to response), microseconds.
  [[nodiscard]] const sim::LatencyHistogram& latency() const noexcept { return latency_; }
  [[nodiscard]] std::size_t registered() const noexcept { return targets_.size(); }
  // Served latencies since the last call, merged into `into`; the window starts afresh.
  void take_window_latency(sim::LatencyHistogram& into);
  // Time-weighted requests in flight (Little's L), and total time in system of every request
  // that has left (served or failed), for Little's law W.
  [[nodiscard]] const sim::TimeWeightedGauge& in_flight_gauge() const noexcept {
    return in_flight_gauge_;
  }
  [[nodiscard]] double time_in_system_s() const noexcept { return time_in_system_s_; }
  // Time requests spent in the surge queue before dispatch (0 for those dispatched at once).
  [[nodiscard]] const sim::Welford& dispatch_wait_s() const noexcept { return dispatch_wait_s_; }
  [[nodiscard]] std::uint64_t departed() const noexcept {
    return counters_.served + counters_.failed();
  }

 private:
  enum class Dispatch { sent, no_capacity, failed };
  [[nodiscard]] std::size_t index_of(std::uint32_t node_id) const;
  Dispatch dispatch(const Request& request);
  void drain_surge_queue();
  void fail(Outcome outcome, const Request& request);
  void left(const Request& request);
  [[nodiscard]] sim::Duration client_latency(const Request& request) const {
    return params_.network_rtt + sim::Duration{request.client_rtt_us} +
           (sim_.now() - request.arrived);
  }
  void release(std::uint32_t node_id);

  sim::Simulator& sim_;
  LoadBalancerParams params_;
  sim::Rng rng_;
  std::vector<policy::RoutingTarget> targets_;  // ascending id, as the policy requires
  std::vector<WebNode*> nodes_;                 // parallel to targets_
  std::optional<policy::TargetId> previous_;
  std::deque<Request> surge_;
  LoadBalancerCounters counters_;
  std::uint64_t outstanding_ = 0;
  sim::LatencyHistogram latency_;
  sim::LatencyHistogram window_latency_;
  sim::TimeWeightedGauge in_flight_gauge_;
  double time_in_system_s_ = 0.0;
  sim::Welford dispatch_wait_s_;
  CompletionObserver* observer_ = nullptr;
};

}  // namespace b24::models

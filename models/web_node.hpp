#pragma once
// A web node: `cores` CPU cores serving requests FIFO from an admission queue with a limit.
// Its CPU utilization is the time-weighted share of busy cores. It knows nothing of routing:
// the load balancer submits requests and hears back through RequestListener.

#include <array>
#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

#include "models/request.hpp"
#include "sim/distributions.hpp"
#include "sim/simulator.hpp"
#include "sim/time_weighted_gauge.hpp"

namespace b24::models {

// EC2 Auto Scaling life cycle (pending -> InService -> terminating) plus the ELB's draining and
// an abrupt crash. Only an in-service node accepts new requests.
enum class NodeState : std::uint8_t { pending, in_service, draining, terminated, crashed };
[[nodiscard]] std::string_view to_string(NodeState s);

struct WebNodeParams {
  std::uint32_t cores = 2;
  // Requests allowed to wait for a core; 0 = the node only accepts what it can start at once.
  std::uint32_t queue_limit = 64;
  // CPU time one request needs, in seconds.
  sim::Distribution cpu_time_s = sim::Exponential(0.05);
  // The share of cpu_time_s a request of each kind needs, indexed by RequestKind: a whole page
  // 1; a composite page's static shell rendered on a cache miss and its dynamic blocks less
  // (set by the platform from CompositeParams). One multiplication per request, no branch.
  std::array<double, request_kind_count> cpu_share{1.0, 1.0, 1.0};
};

class RequestListener {
 public:
  virtual void on_served(std::uint32_t node, const Request& request) = 0;
  // The node stopped (crash, termination) with the request queued or in service.
  virtual void on_aborted(std::uint32_t node, const Request& request) = 0;

 protected:
  ~RequestListener() = default;
};

class WebNode {
 public:
  WebNode(sim::Simulator& sim, std::uint32_t id, const WebNodeParams& params, sim::Rng rng,
          RequestListener& listener);
  WebNode(const WebNode&) = delete;
  WebNode& operator=(const WebNode&) = delete;

  // False (and nothing changes) when the node is not in service or its queue is full.
  bool submit(const Request& request);
  [[nodiscard]] bool can_accept() const noexcept;

  void enter_service();
  void start_draining();  // finishes what it has, accepts nothing new
  void crash();           // everything in it is aborted at once
  void terminate();       // like a crash for the requests it still holds

  [[nodiscard]] std::uint32_t id() const noexcept { return id_; }
  [[nodiscard]] NodeState state() const noexcept { return state_; }
  // When the node crashed or was terminated (meaningful only in those states).
  [[nodiscard]] sim::Instant stopped_at() const noexcept { return stopped_at_; }
  [[nodiscard]] std::uint32_t cores() const noexcept { return params_.cores; }
  [[nodiscard]] std::uint32_t busy_cores() const noexcept { return busy_; }
  [[nodiscard]] std::size_t queued() const noexcept { return queue_.size(); }
  [[nodiscard]] std::size_t in_flight() const noexcept { return busy_ + queue_.size(); }
  // Busy core-seconds since creation: CPU % over a period is the difference of two readings
  // divided by cores x period.
  [[nodiscard]] double busy_core_seconds(sim::Instant now) const {
    return busy_gauge_.integral(now);
  }

 private:
  struct Core {
    Request request;
    sim::EventHandle done;
    bool busy = false;
  };
  void start(std::uint32_t core, const Request& request);
  void finish(std::uint32_t core);
  void abort_all();

  sim::Simulator& sim_;
  std::uint32_t id_;
  WebNodeParams params_;
  sim::Rng rng_;
  RequestListener& listener_;
  NodeState state_ = NodeState::pending;
  sim::Instant stopped_at_{};
  std::vector<Core> cores_;
  std::deque<Request> queue_;
  std::uint32_t busy_ = 0;
  sim::TimeWeightedGauge busy_gauge_;
};

}  // namespace b24::models

#include "models/load_balancer.hpp"

#include <algorithm>

namespace b24::models {

LoadBalancer::LoadBalancer(sim::Simulator& sim, const LoadBalancerParams& params, sim::Rng rng)
    : sim_(sim), params_(params), rng_(rng), in_flight_gauge_(sim.now(), 0.0) {}

std::size_t LoadBalancer::index_of(std::uint32_t node_id) const {
  const auto it =
      std::lower_bound(targets_.begin(), targets_.end(), node_id,
                       [](const policy::RoutingTarget& t, std::uint32_t id) { return t.id < id; });
  B24_ASSERT_MSG(it != targets_.end() && it->id == node_id, "unknown load balancer target");
  return static_cast<std::size_t>(it - targets_.begin());
}

void LoadBalancer::register_target(WebNode& node, policy::HealthState health) {
  // Instances come into service in launch-delay order, not id order: insert in id order, as
  // the routing policy expects.
  const auto it =
      std::lower_bound(targets_.begin(), targets_.end(), node.id(),
                       [](const policy::RoutingTarget& t, std::uint32_t id) { return t.id < id; });
  B24_ASSERT_MSG(it == targets_.end() || it->id != node.id(), "target registered twice");
  const auto at = it - targets_.begin();
  targets_.insert(it, policy::RoutingTarget{.id = node.id(), .health = health});
  nodes_.insert(nodes_.begin() + at, &node);
  drain_surge_queue();
}

void LoadBalancer::set_health(std::uint32_t node_id, policy::HealthState health) {
  targets_[index_of(node_id)].health = health;
  drain_surge_queue();
}

void LoadBalancer::set_draining(std::uint32_t node_id) {
  targets_[index_of(node_id)].draining = true;
}

void LoadBalancer::deregister(std::uint32_t node_id) {
  const std::size_t i = index_of(node_id);
  B24_ASSERT_MSG(targets_[i].outstanding_requests == 0,
                 "deregister a target only once its requests are answered");
  targets_.erase(targets_.begin() + static_cast<std::ptrdiff_t>(i));
  nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(i));
}

std::uint64_t LoadBalancer::in_flight() const noexcept {
  return surge_.size() + outstanding_;
}

void LoadBalancer::fail(Outcome outcome, const Request& request) {
  switch (outcome) {
    case Outcome::refused_502:
      ++counters_.failed_502;
      break;
    case Outcome::no_target_503:
      ++counters_.failed_503;
      break;
    case Outcome::timeout_504:
      ++counters_.failed_504;
      break;
    case Outcome::served:
      B24_ASSERT_MSG(false, "a success is not a failure");
      break;
  }
  left(request);
  if (observer_ != nullptr) observer_->on_completed(request, outcome, client_latency(request));
}

void LoadBalancer::left(const Request& request) {
  time_in_system_s_ += sim::to_seconds(sim_.now() - request.arrived);
  in_flight_gauge_.add(sim_.now(), -1.0);
}

void LoadBalancer::take_window_latency(sim::LatencyHistogram& into) {
  into.merge(window_latency_);
  window_latency_.clear();
}

LoadBalancer::Dispatch LoadBalancer::dispatch(const Request& request) {
  const policy::RoutingObservation observation{
      .targets = targets_,
      .previous_target = previous_,
      .uniform_draw = params_.balancer.algorithm == policy::RoutingAlgorithm::weighted_random
                          ? rng_.uniform01()
                          : 0.0};
  const policy::RoutingDecision decision = policy::choose_target(params_.balancer, observation);
  if (!decision.target) {
    fail(Outcome::no_target_503, request);
    return Dispatch::failed;
  }
  const std::size_t i = index_of(static_cast<std::uint32_t>(*decision.target));
  // The rotation moves on whether or not the target takes the request: a dead target must not
  // capture every later request.
  previous_ = decision.target;
  if (!nodes_[i]->submit(request)) {
    // A Classic LB holds requests while a live backend is merely full; a dead one refuses.
    if (params_.balancer.type == policy::BalancerType::classic &&
        nodes_[i]->state() == NodeState::in_service) {
      return Dispatch::no_capacity;
    }
    fail(Outcome::refused_502, request);
    return Dispatch::failed;
  }
  ++targets_[i].outstanding_requests;
  ++outstanding_;
  dispatch_wait_s_.add(sim::to_seconds(sim_.now() - request.arrived));
  return Dispatch::sent;
}

void LoadBalancer::arrive(const Request& request) {
  ++counters_.arrived;
  in_flight_gauge_.add(sim_.now(), 1.0);
  // First come, first served: a request never overtakes the surge queue.
  if (!surge_.empty()) {
    if (surge_.size() >= params_.surge_queue_limit) return fail(Outcome::no_target_503, request);
    surge_.push_back(request);
    return;
  }
  if (dispatch(request) != Dispatch::no_capacity) return;
  if (surge_.size() >= params_.surge_queue_limit) return fail(Outcome::no_target_503, request);
  surge_.push_back(request);
}

void LoadBalancer::drain_surge_queue() {
  while (!surge_.empty()) {
    const Request& head = surge_.front();
    if (sim_.now() - head.arrived > params_.idle_timeout) {
      fail(Outcome::timeout_504, head);
      surge_.pop_front();
      continue;
    }
    if (dispatch(head) == Dispatch::no_capacity) return;
    surge_.pop_front();
  }
}

void LoadBalancer::release(std::uint32_t node_id) {
  policy::RoutingTarget& t = targets_[index_of(node_id)];
  B24_ASSERT(t.outstanding_requests > 0 && outstanding_ > 0);
  --t.outstanding_requests;
  --outstanding_;
}

void LoadBalancer::on_served(std::uint32_t node, const Request& request) {
  release(node);
  const sim::Duration at_balancer = sim_.now() - request.arrived;
  if (at_balancer > params_.idle_timeout) {
    fail(Outcome::timeout_504, request);
  } else {
    ++counters_.served;
    const sim::Duration latency = client_latency(request);
    latency_.record(latency);
    window_latency_.record(latency);
    left(request);
    if (observer_ != nullptr) observer_->on_completed(request, Outcome::served, latency);
  }
  drain_surge_queue();
}

void LoadBalancer::on_aborted(std::uint32_t node, const Request& request) {
  release(node);
  fail(Outcome::refused_502, request);
  drain_surge_queue();
}

}  // namespace b24::models

#include "models/web_node.hpp"

namespace b24::models {

std::string_view to_string(NodeState s) {
  switch (s) {
    case NodeState::pending:
      return "pending";
    case NodeState::in_service:
      return "InService";
    case NodeState::draining:
      return "draining";
    case NodeState::terminated:
      return "terminated";
    case NodeState::crashed:
      return "crashed";
  }
  return "?";
}

WebNode::WebNode(sim::Simulator& sim, std::uint32_t id, const WebNodeParams& params, sim::Rng rng,
                 RequestListener& listener)
    : sim_(sim),
      id_(id),
      params_(params),
      rng_(rng),
      listener_(listener),
      cores_(params.cores),
      busy_gauge_(sim.now(), 0.0) {
  B24_ASSERT_MSG(params.cores > 0, "a web node needs at least one core");
  for (const double share : params.cpu_share) {
    B24_ASSERT_MSG(share >= 0.0, "a request kind's CPU share is not negative");
  }
}

bool WebNode::can_accept() const noexcept {
  return state_ == NodeState::in_service &&
         (busy_ < params_.cores || queue_.size() < params_.queue_limit);
}

bool WebNode::submit(const Request& request) {
  if (!can_accept()) return false;
  if (busy_ < params_.cores) {
    for (std::uint32_t c = 0; c < params_.cores; ++c) {
      if (!cores_[c].busy) {
        start(c, request);
        return true;
      }
    }
    B24_ASSERT_MSG(false, "busy count says a core is free but none is");
  }
  queue_.push_back(request);
  return true;
}

void WebNode::start(std::uint32_t core, const Request& request) {
  Core& c = cores_[core];
  B24_ASSERT(!c.busy);
  c.busy = true;
  c.request = request;
  ++busy_;
  busy_gauge_.set(sim_.now(), busy_);
  const double share = params_.cpu_share[static_cast<std::size_t>(request.kind)];
  const auto cpu = sim::from_seconds(sim::sample(params_.cpu_time_s, rng_) * share);
  c.done = sim_.schedule_in(std::max(cpu, sim::Duration{0}), [this, core] { finish(core); });
}

void WebNode::finish(std::uint32_t core) {
  Core& c = cores_[core];
  B24_ASSERT(c.busy);
  c.busy = false;
  --busy_;
  busy_gauge_.set(sim_.now(), busy_);
  const Request done = c.request;
  // Start the next queued request before telling the listener, so that a listener reacting to
  // the completion (e.g. dispatching from a surge queue) sees the node's true free capacity.
  if (!queue_.empty()) {
    const Request next = queue_.front();
    queue_.pop_front();
    start(core, next);
  }
  listener_.on_served(id_, done);
}

void WebNode::enter_service() {
  B24_ASSERT_MSG(state_ == NodeState::pending, "only a pending node enters service");
  state_ = NodeState::in_service;
}

void WebNode::start_draining() {
  if (state_ == NodeState::in_service) state_ = NodeState::draining;
}

void WebNode::crash() {
  if (state_ == NodeState::terminated || state_ == NodeState::crashed) return;
  state_ = NodeState::crashed;
  stopped_at_ = sim_.now();
  abort_all();
}

void WebNode::terminate() {
  if (state_ == NodeState::terminated) return;
  if (state_ != NodeState::crashed) stopped_at_ = sim_.now();
  state_ = NodeState::terminated;
  abort_all();
}

void WebNode::abort_all() {
  // Collect first: listeners may react by routing elsewhere, and this node is already out.
  std::vector<Request> lost;
  lost.reserve(busy_ + queue_.size());
  for (Core& c : cores_) {
    if (!c.busy) continue;
    sim_.cancel(c.done);
    c.busy = false;
    lost.push_back(c.request);
  }
  busy_ = 0;
  busy_gauge_.set(sim_.now(), 0.0);
  lost.insert(lost.end(), queue_.begin(), queue_.end());
  queue_.clear();
  for (const Request& r : lost) listener_.on_aborted(id_, r);
}

}  // namespace b24::models

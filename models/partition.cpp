#include "models/partition.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "sim/assert.hpp"

namespace b24::models {

PartitionScheduler::PartitionScheduler(sim::Simulator& sim, Topology& topology)
    : sim_(&sim),
      topology_(&topology),
      cut_depth_(topology.link_count(), 0),
      up_before_cut_(topology.link_count(), 0) {}

std::size_t PartitionScheduler::add(PartitionWindow window) {
  const std::string label = "partition window " + std::to_string(windows_.size());
  if (window.links.empty()) throw std::invalid_argument(label + ": no links to cut");
  if (window.end <= window.start) {
    throw std::invalid_argument(label + ": end " + sim::format_instant(window.end) +
                                " is not after start " + sim::format_instant(window.start));
  }
  if (window.start < sim_->now()) {
    throw std::invalid_argument(label + ": start " + sim::format_instant(window.start) +
                                " is in the past (now " + sim::format_instant(sim_->now()) + ")");
  }
  // Sorted links make the cut/heal trace order independent of how the caller listed them.
  std::sort(window.links.begin(), window.links.end());
  for (std::size_t i = 0; i < window.links.size(); ++i) {
    const LinkId l = window.links[i];
    if (l.index >= topology_->link_count()) {
      throw std::invalid_argument(label + ": unknown link id " + std::to_string(l.index));
    }
    if (i > 0 && window.links[i - 1] == l) {
      throw std::invalid_argument(label + ": link " + topology_->link(l).name + " listed twice");
    }
  }
  const std::size_t index = windows_.size();
  windows_.push_back(std::move(window));
  const PartitionWindow& w = windows_.back();
  sim_->schedule_at(w.start, [this, index] { cut(index); });
  if (w.end != sim::end_of_time) sim_->schedule_at(w.end, [this, index] { heal(index); });
  return index;
}

std::uint32_t PartitionScheduler::cut_depth(LinkId link) const {
  B24_ASSERT_MSG(link.index < cut_depth_.size(), "LinkId out of range");
  return cut_depth_[link.index];
}

void PartitionScheduler::cut(std::size_t window) {
  B24_ASSERT(window < windows_.size());
  const PartitionWindow& w = windows_[window];
  B24_ASSERT(w.active_at(sim_->now()));
  ++started_;
  for (const LinkId l : w.links) {
    std::uint32_t& depth = cut_depth_[l.index];
    ++depth;
    B24_ASSERT(depth <= windows_.size());
    if (depth == 1) {
      up_before_cut_[l.index] = topology_->link_up(l) ? 1 : 0;
      topology_->set_link_up(l, false);
      sim_->emit("link_down", topology_->link(l).name, {{"window", window}});
    }
    B24_ASSERT(!topology_->link_up(l));
  }
}

void PartitionScheduler::heal(std::size_t window) {
  B24_ASSERT(window < windows_.size());
  const PartitionWindow& w = windows_[window];
  B24_ASSERT(sim_->now() == w.end);
  ++healed_;
  B24_ASSERT(healed_ <= started_);
  for (const LinkId l : w.links) {
    std::uint32_t& depth = cut_depth_[l.index];
    B24_ASSERT_MSG(depth > 0, "heal without a matching cut");
    --depth;
    if (depth == 0 && up_before_cut_[l.index] != 0) {
      topology_->set_link_up(l, true);
      sim_->emit("link_up", topology_->link(l).name, {{"window", window}});
    }
  }
}

}  // namespace b24::models

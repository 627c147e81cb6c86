#pragma once
// Inter-DC partitions: a set of links cut for a window of simulated time, then healed. The
// article: "The connectivity between data centers can be lost for several hours. In such cases,
// data are synchronized after connectivity recovery."
//
// PartitionScheduler turns windows into two events each on the Simulator: cut the links at
// `start`, heal them at `end`. Windows may overlap and share links: each link counts the windows
// cutting it and returns, when the last of them ends, to the state it had when the first began
// (so a link that starts the run down stays down). The scheduler assumes it is the only writer
// of the state of a link while a window holds it (a future link-fault model should count through
// the same scheduler rather than call Topology::set_link_up behind its back).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/topology.hpp"
#include "sim/simulator.hpp"
#include "sim/time.hpp"

namespace b24::models {

struct PartitionWindow {
  std::vector<LinkId> links;  // non-empty, no duplicates
  sim::Instant start;         // links go down at start ...
  sim::Instant end;           // ... and come back at end (exclusive); end_of_time: never heal

  [[nodiscard]] bool active_at(sim::Instant t) const noexcept { return start <= t && t < end; }
};

class PartitionScheduler {
 public:
  // Both must outlive the scheduler; the scheduler must outlive the run (its events point at it).
  PartitionScheduler(sim::Simulator& sim, Topology& topology);
  PartitionScheduler(const PartitionScheduler&) = delete;
  PartitionScheduler& operator=(const PartitionScheduler&) = delete;

  // Schedules the cut and the heal. Throws std::invalid_argument when the window is empty
  // (no links, or end <= start), starts before now, names an unknown link or names a link twice.
  // Returns the window's index (dense, in order of adding).
  std::size_t add(PartitionWindow window);

  [[nodiscard]] const std::vector<PartitionWindow>& windows() const noexcept { return windows_; }
  // Number of windows cutting `link` now.
  [[nodiscard]] std::uint32_t cut_depth(LinkId link) const;
  // How many windows have started and how many have healed (proof that the faults fired).
  [[nodiscard]] std::size_t windows_started() const noexcept { return started_; }
  [[nodiscard]] std::size_t windows_healed() const noexcept { return healed_; }

 private:
  void cut(std::size_t window);
  void heal(std::size_t window);

  sim::Simulator* sim_;
  Topology* topology_;
  std::vector<PartitionWindow> windows_;
  std::vector<std::uint32_t> cut_depth_;     // per link
  std::vector<std::uint8_t> up_before_cut_;  // per link: state when its first window began
  std::size_t started_ = 0;
  std::size_t healed_ = 0;
};

}  // namespace b24::models

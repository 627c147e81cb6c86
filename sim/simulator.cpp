#include "sim/simulator.hpp"

#include <algorithm>

#include "sim/process.hpp"

namespace b24::sim {
namespace {

// Min-heap order on (time, key) through std::*_heap, which build max-heaps.
struct Later {
  template <class E>
  bool operator()(const E& a, const E& b) const noexcept {
    return a.time_us != b.time_us ? a.time_us > b.time_us : a.key > b.key;
  }
};

}  // namespace

Simulator::Simulator(std::uint64_t seed) : seed_(seed) {}

Simulator::~Simulator() {
  destroy_all_pending();
  // Frames of processes still suspended (waiting on a delay or a signal that never came).
  while (processes_ != nullptr) {
    ProcessPromise* p = processes_;
    p->unlink();
    std::coroutine_handle<ProcessPromise>::from_promise(*p).destroy();
  }
}

void Simulator::destroy_all_pending() noexcept {
  for (const QueueEntry& e : heap_) {
    const auto index = static_cast<std::uint32_t>(e.key & slot_mask);
    EventSlot& slot = slots_[index];
    if (slot.manager != nullptr) slot.manager(*this, index, HandlerOp::destroy, nullptr);
    slot.manager = nullptr;
  }
  heap_.clear();
  live_ = 0;
  tombstones_ = 0;
}

std::uint32_t Simulator::acquire_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t index = free_slots_.back();
    free_slots_.pop_back();
    return index;
  }
  B24_ASSERT_MSG(slots_.size() < slot_mask, "more than 16M events pending at once");
  if (slots_.size() == slots_.capacity()) grow_slots();
  slots_.emplace_back();
  free_slots_.reserve(slots_.capacity());  // release_slot then never allocates
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

// A vector would move slots as raw bytes; a handler that points into itself (a std::string
// capture, say) would then dangle. So the pool grows by hand: each live handler is
// move-constructed into its slot of the new pool through its own manager. Rare (the pool only
// doubles), so the hot path stays a plain indexed access.
void Simulator::grow_slots() {
  std::vector<EventSlot> bigger;
  bigger.reserve(std::max<std::size_t>(64, 2 * slots_.capacity()));
  bigger.resize(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    EventSlot& from = slots_[i];
    EventSlot& to = bigger[i];
    if (from.manager != nullptr) {
      from.manager(*this, static_cast<std::uint32_t>(i), HandlerOp::relocate, to.storage);
    }
    to.manager = from.manager;
    to.seq = from.seq;
  }
  slots_.swap(bigger);
}

void Simulator::release_slot(std::uint32_t index) noexcept {
  EventSlot& slot = slots_[index];
  slot.manager = nullptr;
  slot.seq = 0;
  free_slots_.push_back(index);
}

void Simulator::push_entry(std::int64_t time_us, std::uint64_t seq, std::uint32_t index) {
  heap_.push_back(QueueEntry{time_us, (seq << slot_bits) | index});
  std::push_heap(heap_.begin(), heap_.end(), Later{});
}

Simulator::QueueEntry Simulator::pop_entry() noexcept {
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  const QueueEntry top = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) __builtin_prefetch(&slots_[heap_.front().key & slot_mask]);
  return top;
}

bool Simulator::cancel(EventHandle handle) noexcept {
  if (!is_pending(handle)) return false;
  EventSlot& slot = slots_[handle.slot];
  slot.manager(*this, handle.slot, HandlerOp::destroy, nullptr);
  slot.manager = nullptr;  // tombstone: seq stays so the heap entry still matches it
  --live_;
  ++tombstones_;
  if (tombstones_ > 1024 && tombstones_ > heap_.size() / 2) compact_tombstones();
  return true;
}

bool Simulator::is_pending(EventHandle handle) const noexcept {
  if (handle.empty() || handle.slot >= slots_.size()) return false;
  const EventSlot& slot = slots_[handle.slot];
  return slot.seq == handle.seq && slot.manager != nullptr;
}

// Cancelled entries would otherwise pile up when most timers are cancelled (request timeouts):
// rebuilding the heap without them is O(n) and happens at most once per n/2 cancellations.
void Simulator::compact_tombstones() {
  std::erase_if(heap_, [this](const QueueEntry& e) {
    const auto index = static_cast<std::uint32_t>(e.key & slot_mask);
    if (slots_[index].manager != nullptr) return false;
    release_slot(index);
    return true;
  });
  std::make_heap(heap_.begin(), heap_.end(), Later{});
  tombstones_ = 0;
}

Instant Simulator::next_event_time() const noexcept {
  return heap_.empty() ? end_of_time : Instant{Duration{heap_.front().time_us}};
}

// Runs the next event if it is due at or before `limit_us`; false when none is.
bool Simulator::run_next(std::int64_t limit_us) {
  while (!heap_.empty() && heap_.front().time_us <= limit_us) {
    const QueueEntry e = pop_entry();
    const auto index = static_cast<std::uint32_t>(e.key & slot_mask);
    EventSlot& slot = slots_[index];
    B24_ASSERT(slot.seq == e.key >> slot_bits);
    if (slot.manager == nullptr) {  // cancelled
      release_slot(index);
      --tombstones_;
      continue;
    }
    B24_ASSERT_MSG(e.time_us >= now_.time_since_epoch().count(), "time moved backwards");
    now_ = Instant{Duration{e.time_us}};
    --live_;
    ++handled_;
    slot.manager(*this, index, HandlerOp::invoke, nullptr);
    return true;
  }
  return false;
}

void Simulator::run_until(Instant limit) {
  stopped_ = false;
  const std::int64_t limit_us = limit.time_since_epoch().count();
  while (!stopped_ && run_next(limit_us)) {
  }
  if (!stopped_ && limit != end_of_time && limit > now_) now_ = limit;
}

bool Simulator::step() {
  return run_next(INT64_MAX);
}

}  // namespace b24::sim

#pragma once
// The event kernel: a binary heap of 16-byte (time, sequence|slot) keys over a pool of
// one-cache-line handler slots. Events run in (time, insertion sequence) order, so two runs
// with the same inputs run the same events in the same order.
//
// Cost per event is a heap push and pop plus one indirect call: no allocation once the pool
// and heap have grown to the peak number of pending events (bench/ proves it).

#include <coroutine>
#include <cstdint>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/assert.hpp"
#include "sim/event_slot.hpp"
#include "sim/rng.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace b24::sim {

class Process;
struct ProcessPromise;

class Simulator {
 public:
  explicit Simulator(std::uint64_t seed = 0);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  [[nodiscard]] Instant now() const noexcept { return now_; }
  [[nodiscard]] std::uint64_t seed() const noexcept { return seed_; }
  // The named random stream of this run (see Rng::stream): same name, same draws.
  [[nodiscard]] Rng stream(std::string_view name) const noexcept {
    return Rng::stream(seed_, name);
  }

  // Schedules `fn()` at instant `t` (not in the past). The callable must fit the slot's
  // in-place storage: capture a pointer to a bigger object instead of the object.
  template <class F>
  EventHandle schedule_at(Instant t, F&& fn);
  template <class F>
  EventHandle schedule_in(Duration delay, F&& fn) {
    B24_ASSERT_MSG(delay.count() >= 0, "cannot schedule into the past");
    return schedule_at(now_ + delay, std::forward<F>(fn));
  }
  // O(1): destroys the handler and leaves a tombstone that the run loop skips when it reaches
  // it. Returns false when the event already ran or was cancelled (stale handles are harmless).
  bool cancel(EventHandle handle) noexcept;
  [[nodiscard]] bool is_pending(EventHandle handle) const noexcept;

  // Runs until no event is left or stop() is called.
  void run() { run_until(end_of_time); }
  // Runs every event at or before `limit`, then (unless stopped) advances the clock to `limit`.
  void run_until(Instant limit);
  // Runs exactly one event (skipping tombstones); false when the queue is empty.
  bool step();
  // Makes the current run()/run_until() return after the event being handled.
  void stop() noexcept { stopped_ = true; }
  [[nodiscard]] bool stopped() const noexcept { return stopped_; }

  [[nodiscard]] std::uint64_t events_handled() const noexcept { return handled_; }
  [[nodiscard]] std::size_t events_pending() const noexcept { return live_; }
  // Instant of the earliest pending event (tombstones included), or end_of_time.
  [[nodiscard]] Instant next_event_time() const noexcept;

  [[nodiscard]] Trace& trace() noexcept { return trace_; }
  [[nodiscard]] const Trace& trace() const noexcept { return trace_; }
  void emit(std::string_view kind, std::string_view entity,
            std::initializer_list<TraceField> fields = {}) {
    trace_.emit(now_, kind, entity, fields);
  }

  // Coroutine processes (see process.hpp): starts `process` at the current instant, after the
  // events already scheduled for it.
  void spawn(Process process);
  [[nodiscard]] std::size_t processes_alive() const noexcept { return processes_alive_; }

 private:
  friend struct ProcessPromise;
  friend class ProcessResumer;

  struct QueueEntry {
    std::int64_t time_us;
    std::uint64_t key;  // sequence << slot_bits | slot: orders ties by insertion
  };
  static constexpr int slot_bits = 24;
  static constexpr std::uint64_t slot_mask = (std::uint64_t{1} << slot_bits) - 1;
  static constexpr std::uint64_t max_sequence = (std::uint64_t{1} << (64 - slot_bits)) - 1;

  template <class F>
  static void manage(Simulator& sim, std::uint32_t index, HandlerOp op, std::byte* target);
  void grow_slots();

  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t index) noexcept;
  void push_entry(std::int64_t time_us, std::uint64_t seq, std::uint32_t index);
  QueueEntry pop_entry() noexcept;
  void compact_tombstones();
  bool run_next(std::int64_t limit_us);
  void destroy_all_pending() noexcept;

  std::vector<QueueEntry> heap_;
  std::vector<EventSlot> slots_;
  std::vector<std::uint32_t> free_slots_;
  Instant now_{start_instant};
  std::uint64_t next_seq_ = 1;
  std::uint64_t handled_ = 0;
  std::size_t live_ = 0;        // scheduled, not yet run or cancelled
  std::size_t tombstones_ = 0;  // cancelled entries still in the heap
  bool stopped_ = false;
  std::uint64_t seed_;
  Trace trace_;
  ProcessPromise* processes_ = nullptr;  // intrusive list of live coroutine frames
  std::size_t processes_alive_ = 0;
};

template <class F>
void Simulator::manage(Simulator& sim, std::uint32_t index, HandlerOp op, std::byte* target) {
  auto* stored = std::launder(reinterpret_cast<F*>(sim.slots_[index].storage));
  if (op == HandlerOp::destroy) {
    stored->~F();
    return;
  }
  if (op == HandlerOp::relocate) {
    ::new (static_cast<void*>(target)) F(std::move(*stored));
    stored->~F();
    return;
  }
  // Move the callable out and free the slot before calling it: the handler may schedule new
  // events, which can reuse this slot or grow (and move) the slot pool.
  F local(std::move(*stored));
  stored->~F();
  sim.release_slot(index);
  local();
}

template <class F>
EventHandle Simulator::schedule_at(Instant t, F&& fn) {
  using Fn = std::decay_t<F>;
  static_assert(sizeof(Fn) <= handler_capacity_bytes,
                "event handler too big for in-place storage: capture a pointer instead");
  static_assert(alignof(Fn) <= 16, "event handler over-aligned");
  static_assert(std::is_nothrow_move_constructible_v<Fn>, "event handler must move nothrow");
  static_assert(std::is_invocable_v<Fn&>, "event handler must be callable with no arguments");
  B24_ASSERT_MSG(t >= now_, "cannot schedule into the past");
  B24_ASSERT_MSG(next_seq_ <= max_sequence, "event sequence space exhausted");
  const std::uint32_t index = acquire_slot();
  EventSlot& slot = slots_[index];
  ::new (static_cast<void*>(slot.storage)) Fn(std::forward<F>(fn));
  slot.manager = &manage<Fn>;
  const std::uint64_t seq = next_seq_++;
  slot.seq = seq;
  push_entry(t.time_since_epoch().count(), seq, index);
  ++live_;
  return EventHandle{index, seq};
}

}  // namespace b24::sim

#pragma once
// Storage for one pending event's handler. Handlers live in a pool of fixed-size slots, so
// scheduling an event never allocates once the pool has grown to the model's peak number of
// pending events. A slot is one cache line: 48 bytes of in-place callable, the type-erased
// manager and the sequence number of the event that owns it.

#include <cstddef>
#include <cstdint>

namespace b24::sim {

class Simulator;

inline constexpr std::size_t handler_capacity_bytes = 48;

// What a slot's manager does with the callable in slot `index`.
enum class HandlerOp : std::uint8_t {
  invoke,    // move it out, release the slot, then call it (it may schedule into that slot)
  destroy,   // only destroy it (cancellation, teardown)
  relocate,  // move-construct it into `target` and destroy the original (the pool grows)
};
using HandlerManager = void (*)(Simulator& sim, std::uint32_t index, HandlerOp op,
                                std::byte* target);

struct alignas(64) EventSlot {
  alignas(16) std::byte storage[handler_capacity_bytes]{};  // zeroed only when the pool grows
  // nullptr while the slot is free, or while its event is cancelled but still in the heap.
  HandlerManager manager = nullptr;
  // The owning event's sequence number; 0 when free. Handles compare against it, so a stale
  // handle (event already run or cancelled, slot reused) can never cancel a newer event.
  std::uint64_t seq = 0;
};

static_assert(sizeof(EventSlot) == 64, "an event slot should be exactly one cache line");

// A handle to a scheduled event, for cancellation. Cheap to copy; stale handles are harmless.
struct EventHandle {
  static constexpr std::uint32_t no_slot = UINT32_MAX;
  std::uint32_t slot = no_slot;
  std::uint64_t seq = 0;
  [[nodiscard]] bool empty() const noexcept { return slot == no_slot; }
};

}  // namespace b24::sim

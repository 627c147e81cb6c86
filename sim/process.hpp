#pragma once
// Coroutine processes on top of the callback kernel, so sequential model logic reads as it
// happens:
//
//   sim::Process client(sim::Simulator& sim, Server& server) {
//     for (;;) {
//       co_await sim::delay(sim, 30s);
//       while (server.busy()) co_await server.freed.wait();
//       ...
//     }
//   }
//   sim.spawn(client(sim, server));
//
// A frame is allocated once per process, never per wait: a delay is one pooled event holding
// the coroutine handle. Every resumption goes through the event queue, so processes interleave
// in (time, sequence) order like any other event. The simulator owns spawned frames and
// destroys those still suspended when it is destroyed.

#include <coroutine>
#include <exception>
#include <vector>

#include "sim/simulator.hpp"

namespace b24::sim {

struct ProcessPromise {
  Process get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept { error = std::current_exception(); }

  void link(Simulator& owner) noexcept;
  void unlink() noexcept;

  Simulator* sim = nullptr;
  std::exception_ptr error;
  ProcessPromise* prev = nullptr;
  ProcessPromise* next = nullptr;
};

using ProcessHandle = std::coroutine_handle<ProcessPromise>;

// The return type of a process coroutine. Move-only; owns the frame until spawned.
class Process {
 public:
  using promise_type = ProcessPromise;
  explicit Process(ProcessHandle h) noexcept : handle_(h) {}
  Process(Process&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Process& operator=(Process&&) = delete;
  Process(const Process&) = delete;
  ~Process() {
    if (handle_) handle_.destroy();
  }
  [[nodiscard]] ProcessHandle release() noexcept { return std::exchange(handle_, {}); }

 private:
  ProcessHandle handle_;
};

inline Process ProcessPromise::get_return_object() noexcept {
  return Process(ProcessHandle::from_promise(*this));
}

// Resumes a suspended process from an event; destroys the frame when it finishes and rethrows
// an exception that escaped it (out of Simulator::run, so a failing model stops the run).
class ProcessResumer {
 public:
  explicit ProcessResumer(ProcessHandle h) noexcept : handle_(h) {}
  void operator()() const;

 private:
  ProcessHandle handle_;
};

// `co_await delay(sim, 30s)`: resumes after `d` of simulated time.
struct DelayAwaiter {
  Simulator& sim;
  Duration d;
  [[nodiscard]] bool await_ready() const noexcept { return false; }
  void await_suspend(ProcessHandle h) const { sim.schedule_in(d, ProcessResumer(h)); }
  void await_resume() const noexcept {}
};
[[nodiscard]] inline DelayAwaiter delay(Simulator& sim, Duration d) {
  B24_ASSERT_MSG(d.count() >= 0, "negative delay");
  return DelayAwaiter{sim, d};
}

// A condition processes wait on (`co_await signal.wait()`); notify resumes waiters at the
// current instant, in the order they started waiting. Predicates read naturally as loops:
// `while (!ready()) co_await changed.wait();`.
class Signal {
 public:
  explicit Signal(Simulator& sim) : sim_(&sim) {}
  Signal(const Signal&) = delete;
  Signal& operator=(const Signal&) = delete;

  struct Awaiter {
    Signal& signal;
    [[nodiscard]] bool await_ready() const noexcept { return false; }
    void await_suspend(ProcessHandle h) { signal.waiters_.push_back(h); }
    void await_resume() const noexcept {}
  };
  [[nodiscard]] Awaiter wait() noexcept { return Awaiter{*this}; }

  // Returns how many processes were woken.
  std::size_t notify_all();
  bool notify_one();
  [[nodiscard]] std::size_t waiting() const noexcept { return waiters_.size() - head_; }

 private:
  Simulator* sim_;
  std::vector<ProcessHandle> waiters_;  // FIFO from head_; storage reused, not reallocated
  std::size_t head_ = 0;
};

}  // namespace b24::sim

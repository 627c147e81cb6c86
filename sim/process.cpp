#include "sim/process.hpp"

namespace b24::sim {

void ProcessPromise::link(Simulator& owner) noexcept {
  B24_ASSERT(sim == nullptr);
  sim = &owner;
  next = owner.processes_;
  if (next != nullptr) next->prev = this;
  owner.processes_ = this;
  ++owner.processes_alive_;
}

void ProcessPromise::unlink() noexcept {
  B24_ASSERT(sim != nullptr);
  if (prev != nullptr)
    prev->next = next;
  else
    sim->processes_ = next;
  if (next != nullptr) next->prev = prev;
  --sim->processes_alive_;
  prev = next = nullptr;
  sim = nullptr;
}

void ProcessResumer::operator()() const {
  handle_.resume();
  if (!handle_.done()) return;
  ProcessPromise& promise = handle_.promise();
  std::exception_ptr error = promise.error;
  promise.unlink();
  handle_.destroy();
  if (error) std::rethrow_exception(error);
}

void Simulator::spawn(Process process) {
  const ProcessHandle h = process.release();
  B24_ASSERT(h && !h.done());
  h.promise().link(*this);
  schedule_in(Duration{0}, ProcessResumer(h));
}

std::size_t Signal::notify_all() {
  const std::size_t woken = waiting();
  for (std::size_t i = head_; i < waiters_.size(); ++i) {
    sim_->schedule_in(Duration{0}, ProcessResumer(waiters_[i]));
  }
  waiters_.clear();
  head_ = 0;
  return woken;
}

bool Signal::notify_one() {
  if (waiting() == 0) return false;
  sim_->schedule_in(Duration{0}, ProcessResumer(waiters_[head_]));
  ++head_;
  if (head_ == waiters_.size()) {
    waiters_.clear();
    head_ = 0;
  }
  return true;
}

}  // namespace b24::sim

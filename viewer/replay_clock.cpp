#include "viewer/replay_clock.hpp"

#include <algorithm>
#include <cmath>

namespace b24::viewer {

ReplayClock::ReplayClock(QObject* parent) : QObject(parent) {
  timer_.setInterval(33);  // about 30 frames a second
  connect(&timer_, &QTimer::timeout, this, &ReplayClock::tick);
}

void ReplayClock::set_duration(std::int64_t duration_us) {
  duration_us_ = std::max<std::int64_t>(duration_us, 0);
  emit duration_changed(duration_us_);
  set_time(time_us_);
}

void ReplayClock::set_step(std::int64_t step_us) {
  step_us_ = std::max<std::int64_t>(step_us, 1);
}

void ReplayClock::set_speed(double speed) {
  speed_ = std::clamp(speed, 0.001, 1e7);
}

void ReplayClock::set_time(std::int64_t time_us) {
  const std::int64_t clamped = std::clamp<std::int64_t>(time_us, 0, duration_us_);
  if (clamped == time_us_) return;
  time_us_ = clamped;
  carry_us_ = 0.0;
  emit time_changed(time_us_);
}

void ReplayClock::play() {
  if (playing()) return;
  if (time_us_ >= duration_us_) set_time(0);  // play again from the start
  wall_.start();
  timer_.start();
  emit playing_changed(true);
}

void ReplayClock::pause() {
  if (!playing()) return;
  timer_.stop();
  emit playing_changed(false);
}

void ReplayClock::toggle_play() {
  playing() ? pause() : play();
}

void ReplayClock::tick() {
  const double wall_ms = static_cast<double>(wall_.restart());
  advance_wall(wall_ms);
}

void ReplayClock::advance_wall(double wall_ms) {
  const double advance = wall_ms * 1000.0 * speed_ + carry_us_;
  const auto whole = static_cast<std::int64_t>(std::floor(advance));
  const double carry = advance - static_cast<double>(whole);
  set_time(time_us_ + whole);
  carry_us_ = carry;  // after set_time, which resets it
  if (time_us_ >= duration_us_) pause();
}

}  // namespace b24::viewer

#pragma once
// The replay clock: one simulated instant shared by every pane (side-by-side runs follow the
// same clock). Playing advances it by wall time x speed, measured with a monotonic timer rather
// than by counting ticks, so a slow repaint does not slow simulated time down.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <cstdint>

namespace b24::viewer {

class ReplayClock : public QObject {
  Q_OBJECT

 public:
  explicit ReplayClock(QObject* parent = nullptr);

  [[nodiscard]] std::int64_t time_us() const noexcept { return time_us_; }
  [[nodiscard]] std::int64_t duration_us() const noexcept { return duration_us_; }
  [[nodiscard]] double speed() const noexcept { return speed_; }
  [[nodiscard]] bool playing() const noexcept { return timer_.isActive(); }
  [[nodiscard]] std::int64_t step_us() const noexcept { return step_us_; }

  // The length of the longest open run; the time is clamped into [0, duration].
  void set_duration(std::int64_t duration_us);
  // What Left/Right step by: the run's sample step (a new value on the map and charts).
  void set_step(std::int64_t step_us);
  // Simulated seconds per wall second (1 to 10,000 in the timeline's choices).
  void set_speed(double speed);

 public slots:
  void set_time(std::int64_t time_us);
  void play();
  void pause();
  void toggle_play();
  void step_forward() { set_time(time_us_ + step_us_); }
  void step_back() { set_time(time_us_ - step_us_); }
  // Advances as if `wall_ms` of playing had passed (the timer's tick; public for tests).
  void advance_wall(double wall_ms);

 signals:
  void time_changed(qint64 time_us);
  void playing_changed(bool playing);
  void duration_changed(qint64 duration_us);

 private:
  void tick();

  std::int64_t time_us_ = 0;
  std::int64_t duration_us_ = 0;
  std::int64_t step_us_ = 60'000'000;
  double speed_ = 60.0;
  double carry_us_ = 0.0;  // the fraction of a microsecond not yet applied (slow speeds)
  QTimer timer_;
  QElapsedTimer wall_;
};

}  // namespace b24::viewer

#pragma once
// The bar at the bottom: play/pause, speed (1x to 10,000x simulated time), step back and
// forward, the scrub slider with the incidents marked on it, the replay time (since the start,
// and local at the first DC when the run has a topology), and "next incident".

#include <QWidget>
#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace b24::viewer {

class IncidentSlider;
class ReplayClock;

class TimelineWidget : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineWidget(ReplayClock* clock, QWidget* parent = nullptr);

  // Incident instants (sorted): slider markers and the targets of next/previous incident.
  void set_incidents(std::vector<std::int64_t> times_us);
  // The zone the time label also shows ("11:30 local (fra)"); nullopt: none.
  void set_local_zone(std::optional<std::int64_t> utc_offset_s, const QString& dc);
  [[nodiscard]] IncidentSlider* slider() const { return slider_; }
  [[nodiscard]] QComboBox* speed_box() const { return speed_; }
  [[nodiscard]] QString time_text() const;
  // Slider values per instant: the slider has at most this many positions.
  static constexpr int slider_steps = 100'000;

 public slots:
  void next_incident();
  void previous_incident();

 private:
  void on_time(qint64 time_us);
  void on_duration(qint64 duration_us);
  void on_slider(int value);
  [[nodiscard]] int value_of(std::int64_t time_us) const;
  [[nodiscard]] std::int64_t time_of(int value) const;

  ReplayClock* clock_;
  QToolButton* play_;
  QComboBox* speed_;
  IncidentSlider* slider_;
  QLabel* time_;
  std::vector<std::int64_t> incidents_;
  std::optional<std::int64_t> utc_offset_s_;
  QString zone_dc_;
  bool syncing_ = false;
};

}  // namespace b24::viewer

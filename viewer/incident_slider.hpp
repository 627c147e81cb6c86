#pragma once
// The timeline's scrub slider with the run's incidents painted on its track as red ticks, at
// the positions the style puts the handle for those instants.

#include <QSlider>
#include <vector>

namespace b24::viewer {

class IncidentSlider : public QSlider {
  Q_OBJECT

 public:
  explicit IncidentSlider(QWidget* parent = nullptr);

  // Marker positions as slider values (the timeline maps instants to values).
  void set_markers(std::vector<int> values);
  [[nodiscard]] const std::vector<int>& markers() const noexcept { return markers_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<int> markers_;
};

}  // namespace b24::viewer

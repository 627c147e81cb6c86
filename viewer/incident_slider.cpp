#include "viewer/incident_slider.hpp"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>

namespace b24::viewer {

IncidentSlider::IncidentSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent) {
  setMinimumHeight(26);
}

void IncidentSlider::set_markers(std::vector<int> values) {
  markers_ = std::move(values);
  update();
}

void IncidentSlider::paintEvent(QPaintEvent* event) {
  QSlider::paintEvent(event);
  if (markers_.empty()) return;
  QStyleOptionSlider option;
  initStyleOption(&option);
  const QRect groove =
      style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
  const QRect handle =
      style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
  // The handle's centre travels over the groove minus the handle's width.
  const int span = groove.width() - handle.width();
  QPainter p(this);
  p.setPen(QPen(QColor(0xc9, 0x2a, 0x2a), 2));
  for (const int value : markers_) {
    const int x = groove.left() + handle.width() / 2 +
                  QStyle::sliderPositionFromValue(minimum(), maximum(), value, span);
    p.drawLine(x, groove.top() - 1, x, groove.bottom() + 1);
  }
}

}  // namespace b24::viewer

#include "viewer/timeline_widget.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <algorithm>

#include "viewer/event_facts.hpp"
#include "viewer/incident_slider.hpp"
#include "viewer/replay_clock.hpp"
#include "viewer/time_text.hpp"

namespace b24::viewer {
namespace {

QToolButton* tool_button(const QIcon& icon, const QString& tip, const QString& text = {}) {
  auto* b = new QToolButton;
  b->setIcon(icon);
  b->setToolTip(tip);
  if (!text.isEmpty()) {
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  }
  return b;
}

}  // namespace

TimelineWidget::TimelineWidget(ReplayClock* clock, QWidget* parent)
    : QWidget(parent),
      clock_(clock),
      speed_(new QComboBox),
      slider_(new IncidentSlider),
      time_(new QLabel) {
  play_ = tool_button(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play / pause (Space)"));
  auto* back =
      tool_button(style()->standardIcon(QStyle::SP_MediaSeekBackward), tr("Step back (Left)"));
  auto* forward =
      tool_button(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Step forward (Right)"));
  auto* next = tool_button(style()->standardIcon(QStyle::SP_MediaSkipForward),
                           tr("Jump to the next incident (N)"), tr("Next incident"));
  for (const int s : {1, 10, 60, 100, 300, 600, 1000, 3600, 10000}) {
    speed_->addItem(QString("%1x").arg(s), s);
  }
  speed_->setToolTip(tr("Simulated seconds per second"));
  speed_->setCurrentIndex(speed_->findData(600));
  slider_->setRange(0, slider_steps);
  time_->setMinimumWidth(220);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  for (QWidget* w : std::initializer_list<QWidget*>{play_, speed_, back, forward})
    layout->addWidget(w);
  layout->addWidget(slider_, 1);
  layout->addWidget(time_);
  layout->addWidget(next);
  connect(play_, &QToolButton::clicked, clock_, &ReplayClock::toggle_play);
  connect(back, &QToolButton::clicked, clock_, &ReplayClock::step_back);
  connect(forward, &QToolButton::clicked, clock_, &ReplayClock::step_forward);
  connect(next, &QToolButton::clicked, this, &TimelineWidget::next_incident);
  connect(speed_, &QComboBox::currentIndexChanged, this,
          [this] { clock_->set_speed(speed_->currentData().toDouble()); });
  connect(slider_, &QSlider::valueChanged, this, &TimelineWidget::on_slider);
  connect(clock_, &ReplayClock::time_changed, this, &TimelineWidget::on_time);
  connect(clock_, &ReplayClock::duration_changed, this, &TimelineWidget::on_duration);
  connect(clock_, &ReplayClock::playing_changed, this, [this](bool playing) {
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  });
  clock_->set_speed(speed_->currentData().toDouble());
  on_time(clock_->time_us());
}

void TimelineWidget::set_incidents(std::vector<std::int64_t> times_us) {
  incidents_ = std::move(times_us);
  std::vector<int> values;
  for (const std::int64_t t : incidents_) values.push_back(value_of(t));
  slider_->set_markers(std::move(values));
}

void TimelineWidget::set_local_zone(std::optional<std::int64_t> utc_offset_s, const QString& dc) {
  utc_offset_s_ = utc_offset_s;
  zone_dc_ = dc;
  on_time(clock_->time_us());
}

QString TimelineWidget::time_text() const {
  return time_->text();
}

void TimelineWidget::next_incident() {
  if (const auto t = b24::viewer::next_incident(incidents_, clock_->time_us()))
    clock_->set_time(*t);
}

void TimelineWidget::previous_incident() {
  if (const auto t = b24::viewer::previous_incident(incidents_, clock_->time_us())) {
    clock_->set_time(*t);
  }
}

int TimelineWidget::value_of(std::int64_t time_us) const {
  const std::int64_t d = std::max<std::int64_t>(clock_->duration_us(), 1);
  return static_cast<int>(static_cast<double>(time_us) / static_cast<double>(d) * slider_steps);
}

std::int64_t TimelineWidget::time_of(int value) const {
  return static_cast<std::int64_t>(static_cast<double>(value) / slider_steps *
                                   static_cast<double>(clock_->duration_us()));
}

void TimelineWidget::on_time(qint64 time_us) {
  {
    syncing_ = true;
    slider_->setValue(value_of(time_us));
    syncing_ = false;
  }
  QString text = QString::fromStdString(format_instant(time_us));
  if (utc_offset_s_) {
    text += QString("  ·  %1 local (%2)")
                .arg(QString::fromStdString(format_local_clock(time_us, *utc_offset_s_)), zone_dc_);
  }
  time_->setText(text);
}

void TimelineWidget::on_duration(qint64 /*duration_us*/) {
  set_incidents(incidents_);  // the markers' values depend on the duration
  on_time(clock_->time_us());
}

void TimelineWidget::on_slider(int value) {
  if (syncing_) return;
  clock_->set_time(time_of(value));
}

}  // namespace b24::viewer

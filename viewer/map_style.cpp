#include "viewer/map_style.hpp"

#include <algorithm>
#include <cmath>

namespace b24::viewer {
namespace {

QColor mix(const QColor& a, const QColor& b, double f) {
  f = std::clamp(f, 0.0, 1.0);
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

}  // namespace

QColor dc_colour(const DcMarker& dc) {
  if (dc.health == DcHealth::failed) return {0xe0, 0x31, 0x31};
  if (dc.health == DcHealth::declared_failed) return {0xf0, 0x8c, 0x00};
  const QColor green{0x2f, 0x9e, 0x44};
  const QColor amber{0xf5, 0xb7, 0x00};
  const QColor hot{0xd9, 0x48, 0x0f};
  if (dc.cpu_pct <= 55.0) return green;
  if (dc.cpu_pct <= 75.0) return mix(green, amber, (dc.cpu_pct - 55.0) / 20.0);
  return mix(amber, hot, (dc.cpu_pct - 75.0) / 20.0);
}

double marker_radius(const DcMarker& dc) {
  return 7.0 + 18.0 * std::sqrt(dc.load_share);
}

QColor repl_colour(const ReplArrow& edge) {
  switch (edge.state) {
    case ReplState::disconnected:
      // Dashed; grey while nothing waits, else the lag's colour: a cut edge falling behind.
      if (edge.lag_s < 1.0) return {0x86, 0x8e, 0x96};
      break;
    case ReplState::resyncing:
      return {0x70, 0x48, 0xe8};
    case ReplState::unknown:
      return {0xad, 0xb5, 0xbd};
    case ReplState::replicating:
      break;
  }
  if (edge.lag_s < 1.0) return {0x2f, 0x9e, 0x44};
  if (edge.lag_s < 60.0) return {0xf5, 0x9f, 0x00};
  return {0xe0, 0x31, 0x31};
}

bool repl_dashed(const ReplArrow& edge) {
  return edge.state == ReplState::disconnected;
}

QString lag_text(double lag_s) {
  if (lag_s < 60.0) return QString::number(lag_s, 'f', lag_s < 10.0 ? 1 : 0) + " s";
  if (lag_s < 3600.0) return QString::number(lag_s / 60.0, 'f', 0) + " min";
  return QString::number(lag_s / 3600.0, 'f', 1) + " h";
}

}  // namespace b24::viewer

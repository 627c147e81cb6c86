#include "viewer/map_labels.hpp"

#include <array>
#include <cmath>

namespace b24::viewer {
namespace {

// The box of size `size` whose side or corner facing the marker is `gap` beyond it in
// direction (dx, dy).
QRectF candidate(const LabelRequest& r, double dx, double dy, double gap) {
  const double reach = r.radius + 3.0 + gap;
  const QPointF edge = r.anchor + QPointF(dx * reach, dy * reach);
  const double w = r.size.width();
  const double h = r.size.height();
  const double left = dx > 0.1 ? edge.x() : (dx < -0.1 ? edge.x() - w : edge.x() - w / 2);
  const double top = dy > 0.1 ? edge.y() : (dy < -0.1 ? edge.y() - h : edge.y() - h / 2);
  return {left, top, w, h};
}

bool overlaps_marker(const QRectF& box, const std::vector<LabelRequest>& requests) {
  for (const LabelRequest& r : requests) {
    const QRectF marker(r.anchor.x() - r.radius, r.anchor.y() - r.radius, 2 * r.radius,
                        2 * r.radius);
    if (box.intersects(marker)) return true;
  }
  return false;
}

bool free_at(const QRectF& box, const std::vector<PlacedLabel>& placed,
             const std::vector<LabelRequest>& requests, const QRectF& bounds,
             const std::vector<QRectF>& keep_clear) {
  if (!bounds.contains(box)) return false;
  for (const QRectF& area : keep_clear) {
    if (area.intersects(box)) return false;
  }
  for (const PlacedLabel& p : placed) {
    if (p.box.adjusted(-2, -2, 2, 2).intersects(box)) return false;
  }
  return !overlaps_marker(box, requests);
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests,
                                      const QRectF& bounds, const std::vector<QRectF>& keep_clear) {
  static constexpr double diagonal = 0.7071;
  static constexpr std::array<std::array<double, 2>, 8> directions = {{
      {1, 0},
      {-1, 0},
      {0, -1},
      {0, 1},
      {diagonal, -diagonal},
      {diagonal, diagonal},
      {-diagonal, -diagonal},
      {-diagonal, diagonal},
  }};
  static constexpr std::array<double, 6> gaps = {0.0, 18.0, 40.0, 70.0, 110.0, 160.0};
  std::vector<PlacedLabel> placed;
  placed.reserve(requests.size());
  for (const LabelRequest& r : requests) {
    PlacedLabel chosen{candidate(r, 1, 0, 0), false};
    bool found = false;
    for (std::size_t g = 0; g < gaps.size() && !found; ++g) {
      for (const auto& [dx, dy] : directions) {
        const QRectF box = candidate(r, dx, dy, gaps[g]);
        if (!free_at(box, placed, requests, bounds, keep_clear)) continue;
        chosen = {box, g > 1};
        found = true;
        break;
      }
    }
    placed.push_back(chosen);
  }
  return placed;
}

}  // namespace b24::viewer

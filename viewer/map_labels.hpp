#pragma once
// Placing the DCs' labels so they do not cover each other: four European DCs sit within a few
// pixels of each other on a world map. Greedy, in priority order: each label takes the first
// candidate position around its marker (right, left, above, below, the diagonals; then the same
// further out, with a leader line) that stays inside the map and overlaps no placed label and no
// marker. A label that fits nowhere goes to its first choice anyway.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace b24::viewer {

struct LabelRequest {
  QPointF anchor;  // the marker's centre
  double radius = 0.0;
  QSizeF size;
};

struct PlacedLabel {
  QRectF box;
  bool leader = false;  // placed away from its marker: draw a line to it
};

// Labels in the order given (the caller sorts by priority); the result is in the same order.
// `keep_clear`: areas no label may cover (the legend).
[[nodiscard]] std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests,
                                                    const QRectF& bounds,
                                                    const std::vector<QRectF>& keep_clear = {});

}  // namespace b24::viewer

#pragma once
// Painting one MapSnapshot: ocean and land, the inter-DC links, the replication edges as curved
// arrows, the DC markers with their labels, and a legend. Stateless functions over a MapFrame
// (where everything goes on screen), so the widget keeps only view state.

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <map>
#include <string>

#include "viewer/geo_projection.hpp"
#include "viewer/map_snapshot.hpp"

class QPainter;

namespace b24::viewer {

struct MapFrame {
  QRectF area;
  GeoProjection projection;
  std::map<std::string, QPointF, std::less<>> positions;  // DC name -> screen point
};

// DCs with coordinates where the projection puts them; the others in a row across the middle
// (a single-DC run has no coordinates).
[[nodiscard]] MapFrame make_map_frame(const MapSnapshot& snapshot, const GeoBox& box,
                                      const QRectF& area);

// The land rings as one even-odd path in screen coordinates (cache it per frame geometry).
[[nodiscard]] QPainterPath land_path(const GeoProjection& projection);

// A replication edge's arrow: bowed to the left of its direction, so that a->b and b->a of a
// master-master pair are two separate curves.
[[nodiscard]] QPainterPath replication_curve(const QPointF& from, const QPointF& to);

void paint_background(QPainter& p, const MapFrame& frame, const QPainterPath& land);
void paint_links(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame);
// `selected` is an entity name ("repl/fra->par", "dc/fra") to highlight, or empty.
void paint_replication(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame,
                       const std::string& selected);
// Labels stay off `legend` (legend_box's rectangle).
void paint_dcs(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame,
               const std::string& selected, const QRectF& legend);
[[nodiscard]] QRectF legend_box(const QRectF& area);
void paint_legend(QPainter& p, const QRectF& box);

}  // namespace b24::viewer

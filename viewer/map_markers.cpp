// The DC markers, their labels and the legend (declared in map_painter.hpp).
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "viewer/map_labels.hpp"
#include "viewer/map_painter.hpp"
#include "viewer/map_style.hpp"

namespace b24::viewer {
namespace {

struct LabelText {
  QString title;
  QString detail;
  QColor title_colour;
};

LabelText label_text(const DcMarker& dc) {
  LabelText t{dc.name.c_str(), {}, QColor(0x21, 0x25, 0x29)};
  t.title = t.title.toUpper();
  const QString cohorts =
      dc.cohorts >= 0 ? QString("%1 cohort%2").arg(dc.cohorts).arg(dc.cohorts == 1 ? "" : "s")
                      : QString();
  if (dc.health == DcHealth::failed) {
    t.title += "  FAILED";
    t.title_colour = QColor(0xc9, 0x2a, 0x2a);
    t.detail = cohorts.isEmpty() ? QString("down") : "down · " + cohorts;
    return t;
  }
  if (dc.health == DcHealth::declared_failed) t.title += "  (declared failed)";
  QStringList parts;
  if (!cohorts.isEmpty()) parts << cohorts;
  parts << QString("%1 nodes%2").arg(dc.nodes_in_service).arg(dc.scaling_out ? " ▲" : "");
  t.detail = parts.join(" · ") + "\n" + QString::number(dc.load_rps, 'f', 0) + " req/s";
  if (dc.relay_mbps > 0.05)
    t.detail += " · relay " + QString::number(dc.relay_mbps, 'f', 1) + " Mbit/s";
  return t;
}

// Failed DCs first, then scaling ones, then by load: the labels that matter get the best spots.
std::vector<std::size_t> label_order(const MapSnapshot& snapshot) {
  std::vector<std::size_t> order(snapshot.dcs.size());
  std::iota(order.begin(), order.end(), 0);
  auto rank = [&](std::size_t i) {
    const DcMarker& d = snapshot.dcs[i];
    return std::make_tuple(d.health == DcHealth::up ? 1 : 0, d.scaling_out ? 0 : 1, -d.load_rps);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  return order;
}

void paint_marker(QPainter& p, const DcMarker& dc, const QPointF& at, bool selected) {
  const double r = marker_radius(dc);
  if (dc.relay_mbps > 0.05) {
    // A halo for relayed call traffic: wider with more Mbit/s (log scale, 1 to 1,000).
    const double width = 2.0 + 2.0 * std::log10(1.0 + dc.relay_mbps);
    p.setPen(QPen(relay_colour, width));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(at, r + width / 2 + 1, r + width / 2 + 1);
  }
  p.setPen(
      QPen(selected ? QColor(0x1c, 0x7e, 0xd6) : QColor(0x34, 0x3a, 0x40), selected ? 3.0 : 1.2));
  QColor fill = dc_colour(dc);
  fill.setAlpha(215);
  p.setBrush(fill);
  p.drawEllipse(at, r, r);
  if (dc.health == DcHealth::failed) {
    p.setPen(QPen(Qt::white, 2.2));
    const double k = r * 0.5;
    p.drawLine(at + QPointF(-k, -k), at + QPointF(k, k));
    p.drawLine(at + QPointF(-k, k), at + QPointF(k, -k));
  }
}

void paint_label(QPainter& p, const LabelText& text, const PlacedLabel& placed,
                 const QPointF& anchor) {
  if (placed.leader) {
    p.setPen(QPen(QColor(0x49, 0x50, 0x57), 0.8));
    const QPointF target(std::clamp(anchor.x(), placed.box.left(), placed.box.right()),
                         std::clamp(anchor.y(), placed.box.top(), placed.box.bottom()));
    p.drawLine(anchor, target);
  }
  p.setPen(QPen(QColor(0xad, 0xb5, 0xbd), 0.8));
  p.setBrush(QColor(255, 255, 255, 225));
  p.drawRoundedRect(placed.box, 3, 3);
  const QRectF inner = placed.box.adjusted(4, 2, -4, -2);
  QFont bold = p.font();
  bold.setBold(true);
  p.setFont(bold);
  p.setPen(text.title_colour);
  p.drawText(inner, Qt::AlignLeft | Qt::AlignTop, text.title);
  QFont plain = p.font();
  plain.setBold(false);
  p.setFont(plain);
  p.setPen(QColor(0x34, 0x3a, 0x40));
  const double title_height = QFontMetricsF(bold).height();
  p.drawText(inner.adjusted(0, title_height, 0, 0), Qt::AlignLeft | Qt::AlignTop, text.detail);
}

QSizeF label_size(const QFont& font, const LabelText& text) {
  QFont bold = font;
  bold.setBold(true);
  const QRectF title = QFontMetricsF(bold).boundingRect(text.title);
  const QRectF detail =
      QFontMetricsF(font).boundingRect(QRectF(0, 0, 400, 200), Qt::AlignLeft, text.detail);
  return {std::max(title.width(), detail.width()) + 10, title.height() + detail.height() + 5};
}

}  // namespace

void paint_dcs(QPainter& p, const MapSnapshot& snapshot, const MapFrame& frame,
               const std::string& selected, const QRectF& legend) {
  for (const DcMarker& dc : snapshot.dcs) {
    paint_marker(p, dc, frame.positions.at(dc.name), selected == "dc/" + dc.name);
  }
  QFont font = p.font();
  font.setPointSizeF(8.0);
  font.setBold(false);
  p.setFont(font);
  const std::vector<std::size_t> order = label_order(snapshot);
  std::vector<LabelText> texts;
  std::vector<LabelRequest> requests;
  for (const std::size_t i : order) {
    const DcMarker& dc = snapshot.dcs[i];
    texts.push_back(label_text(dc));
    requests.push_back(
        {frame.positions.at(dc.name), marker_radius(dc), label_size(font, texts.back())});
  }
  const std::vector<PlacedLabel> placed =
      place_labels(requests, frame.area.adjusted(2, 2, -2, -2), {legend});
  for (std::size_t k = 0; k < placed.size(); ++k) {
    p.setFont(font);
    paint_label(p, texts[k], placed[k], requests[k].anchor);
  }
}

namespace {

QFont legend_font() {
  QFont font;
  font.setPointSizeF(7.5);
  return font;
}

constexpr int legend_rows = 7;

}  // namespace

QRectF legend_box(const QRectF& area) {
  const double row = QFontMetricsF(legend_font()).height() + 2;
  return {area.left() + 8, area.bottom() - 8 - row * legend_rows - 8, 170, row * legend_rows + 8};
}

void paint_legend(QPainter& p, const QRectF& box) {
  struct Entry {
    QColor colour;
    const char* text;
    bool line;
    bool dashed;
  };
  static const Entry entries[] = {
      {{0x2f, 0x9e, 0x44}, "DC up (size: load)", false, false},
      {{0xf5, 0xb7, 0x00}, "DC busy (CPU > 55 %)", false, false},
      {{0xe0, 0x31, 0x31}, "DC failed", false, false},
      {{0x2f, 0x9e, 0x44}, "replication in step", true, false},
      {{0xe0, 0x31, 0x31}, "replication lag > 60 s", true, false},
      {{0x86, 0x8e, 0x96}, "replication disconnected", true, true},
      {relay_colour, "relayed calls (halo)", true, false},
  };
  const QFont font = legend_font();
  p.setFont(font);
  const double row = QFontMetricsF(font).height() + 2;
  p.setPen(QPen(QColor(0xad, 0xb5, 0xbd), 0.8));
  p.setBrush(QColor(255, 255, 255, 210));
  p.drawRoundedRect(box, 3, 3);
  double y = box.top() + 4;
  for (const Entry& e : entries) {
    const QPointF mark(box.left() + 14, y + row / 2);
    if (e.line) {
      p.setPen(QPen(e.colour, 2.4, e.dashed ? Qt::DashLine : Qt::SolidLine));
      p.drawLine(mark - QPointF(8, 0), mark + QPointF(8, 0));
    } else {
      p.setPen(QPen(QColor(0x34, 0x3a, 0x40), 1));
      p.setBrush(e.colour);
      p.drawEllipse(mark, 5, 5);
    }
    p.setPen(QColor(0x34, 0x3a, 0x40));
    p.drawText(QRectF(box.left() + 28, y, box.width() - 30, row), Qt::AlignVCenter, e.text);
    y += row;
  }
}

}  // namespace b24::viewer

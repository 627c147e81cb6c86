#include "reports/html/world_map.hpp"

#include <algorithm>
#include <cmath>

#include "reports/html/html_text.hpp"

namespace b24::reports::html {
namespace {

// The world map leaves out the polar caps: no DC is there, and Antarctica would take a third of
// the height. Degrees of latitude shown, and the rendering width the sizes are designed for.
constexpr double world_north = 84.0;
constexpr double world_south = -58.0;
// Marker and font sizes are in units of 1/design_width of the map's width: the world map is
// shown about twice as wide as a detail map, so a detail map uses half the units.
constexpr double world_design_width = 720.0;
constexpr double detail_design_width = 380.0;
// DCs closer than this (in degrees) are labelled on a detail map instead.
constexpr double cluster_distance_deg = 15.0;
constexpr double detail_max_width_deg = 120.0;
constexpr const char* land_id = "land-110m";

struct View {
  double west, north, east, south;
  double design_width = world_design_width;
  [[nodiscard]] double width() const { return east - west; }
  [[nodiscard]] double height() const { return north - south; }
  [[nodiscard]] double unit() const { return width() / design_width; }  // degrees per unit
};

std::string deg(double v) {
  return compact(v, 2);
}

std::string graticule(const View& v, double step) {
  // Appended piecewise: `"M" + str` trips a GCC 12 -Wrestrict false positive.
  std::string d;
  for (double lon = std::ceil(v.west / step) * step; lon <= v.east; lon += step) {
    d.append("M").append(deg(lon)).append(" ").append(deg(-v.north));
    d.append("V").append(deg(-v.south));
  }
  for (double lat = std::ceil(v.south / step) * step; lat <= v.north; lat += step) {
    d.append("M").append(deg(v.west)).append(" ").append(deg(-lat));
    d.append("H").append(deg(v.east));
  }
  return "<path class=\"graticule\" vector-effect=\"non-scaling-stroke\" d=\"" + d + "\"/>";
}

const MapMarker* find(const std::vector<MapMarker>& markers, const std::string& name) {
  for (const MapMarker& m : markers) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

// A link crossing the antimeridian (Sydney - San Jose) is drawn the short way round: two
// segments leaving the map on one side and entering on the other.
std::string line_path(const MapMarker& a, const MapMarker& b) {
  const auto segment = [](double x0, double y0, double x1, double y1) {
    std::string d("M");
    d.append(deg(x0)).append(" ").append(deg(y0)).append("L");
    return d.append(deg(x1)).append(" ").append(deg(y1));
  };
  const double x0 = a.longitude_deg, y0 = -a.latitude_deg;
  double x1 = b.longitude_deg;
  const double y1 = -b.latitude_deg;
  if (std::abs(x1 - x0) <= 180.0) return segment(x0, y0, x1, y1);
  x1 += x1 < x0 ? 360.0 : -360.0;  // the unwrapped far end
  const double shift = x1 > x0 ? -360.0 : 360.0;
  return segment(x0, y0, x1, y1) + segment(x0 + shift, y0, x1 + shift, y1);
}

std::string lines_svg(const std::vector<MapMarker>& markers, const std::vector<MapLine>& lines) {
  std::string out;
  for (const MapLine& l : lines) {
    const MapMarker* a = find(markers, l.a);
    const MapMarker* b = find(markers, l.b);
    if (a == nullptr || b == nullptr) continue;
    out += "<path class=\"link" + std::string(l.cut ? " cut" : "") +
           "\" vector-effect=\"non-scaling-stroke\" d=\"" + line_path(*a, *b) + "\"><title>" +
           escape(l.a + " - " + l.b + (l.cut ? " (partitioned during the run)" : "")) +
           "</title></path>";
  }
  return out;
}

const char* state_class(MapMarker::State s) {
  switch (s) {
    case MapMarker::State::failed:
      return "failed";
    case MapMarker::State::incident:
      return "incident";
    case MapMarker::State::quiet:
      break;
  }
  return "quiet";
}

std::string markers_svg(const std::vector<MapMarker>& markers, const std::vector<bool>& labelled,
                        const View& v) {
  std::string dots;
  std::string labels;
  const double u = v.unit();
  for (std::size_t i = 0; i < markers.size(); ++i) {
    const MapMarker& m = markers[i];
    const double r = (2.5 + 6.5 * std::sqrt(std::clamp(m.weight, 0.0, 1.0))) * u;
    dots += "<circle class=\"dc " + std::string(state_class(m.state)) + "\" data-dc=\"" +
            escape(m.name) + "\" cx=\"" + deg(m.longitude_deg) + "\" cy=\"" + deg(-m.latitude_deg) +
            "\" r=\"" + deg(r) +
            "\" vector-effect=\"non-scaling-stroke\">"
            "<title>" +
            escape(m.tooltip) + "</title></circle>";
    if (!labelled[i]) continue;
    // Labels go right of the marker, or left of it where they would run off the map (the
    // width estimated at 0.55 em per character).
    const double label_width = 0.55 * 11.0 * u * static_cast<double>(m.label.size());
    const bool left = m.longitude_deg + r + 1.5 * u + label_width > v.east;
    const double x = left ? m.longitude_deg - r - 1.5 * u : m.longitude_deg + r + 1.5 * u;
    labels += "<text x=\"" + deg(x) + "\" y=\"" + deg(-m.latitude_deg + 3.5 * u) + "\"" +
              (left ? " text-anchor=\"end\">" : ">") + escape(m.label) + "</text>";
  }
  // Text sizes are set here, in this map's degrees, rather than in CSS pixels: a detail map
  // spans fewer degrees and so needs smaller numbers for the same size on screen.
  return dots + "<g class=\"labels\" font-size=\"" + deg(11.0 * u) + "\" stroke-width=\"" +
         deg(2.5 * u) + "\">" + labels + "</g>";
}

std::string map_svg(const std::string& id, const View& v, const std::string& land_defs,
                    const std::vector<MapMarker>& markers, const std::vector<MapLine>& lines,
                    const std::vector<bool>& labelled, const std::string& extra) {
  // The class goes on <use>: document CSS does not reach into a <use>'s copy of the path, but
  // fill and stroke are inherited by it.
  const std::string use = "<use class=\"land\" href=\"#" + std::string(land_id) + "\"/>";
  const std::string land = land_defs.empty() ? use : "<defs>" + land_defs + "</defs>" + use;
  return "<svg class=\"map\" id=\"" + id + "\" viewBox=\"" + deg(v.west) + " " + deg(-v.north) +
         " " + deg(v.width()) + " " + deg(v.height()) +
         "\" width=\"100%\" role=\"img\" aria-label=\"map of the data centers\" data-markers=\"" +
         std::to_string(markers.size()) + "\">" + land +
         graticule(v, v.width() > 180 ? 30.0 : 10.0) + lines_svg(markers, lines) + extra +
         markers_svg(markers, labelled, v) + "</svg>\n";
}

// Single-linkage clusters of markers closer than cluster_distance_deg: cluster[i] is the index
// of marker i's cluster, in order of first member.
std::vector<std::size_t> clusters_of(const std::vector<MapMarker>& markers) {
  std::vector<std::size_t> cluster(markers.size());
  for (std::size_t i = 0; i < markers.size(); ++i) cluster[i] = i;
  for (std::size_t i = 0; i < markers.size(); ++i) {
    for (std::size_t j = i + 1; j < markers.size(); ++j) {
      const double dx = markers[i].longitude_deg - markers[j].longitude_deg;
      const double dy = markers[i].latitude_deg - markers[j].latitude_deg;
      if (std::hypot(dx, dy) >= cluster_distance_deg) continue;
      const std::size_t from = cluster[j];
      const std::size_t to = cluster[i];
      for (std::size_t& c : cluster) {
        if (c == from) c = to;
      }
    }
  }
  return cluster;
}

// The detail view around the members of one cluster: padded, at least 24 x 12 degrees.
View detail_view(const std::vector<MapMarker>& markers, const std::vector<std::size_t>& members) {
  View v{180.0, -90.0, -180.0, 90.0};
  for (const std::size_t i : members) {
    v.west = std::min(v.west, markers[i].longitude_deg);
    v.east = std::max(v.east, markers[i].longitude_deg);
    v.south = std::min(v.south, markers[i].latitude_deg);
    v.north = std::max(v.north, markers[i].latitude_deg);
  }
  const double pad_x = std::max(4.0, (24.0 - v.width()) / 2.0);
  const double pad_y = std::max(3.0, (12.0 - v.height()) / 2.0);
  return View{v.west - pad_x, std::min(v.north + pad_y, 90.0), v.east + pad_x,
              std::max(v.south - pad_y, -90.0), detail_design_width};
}

std::string frame_svg(const View& v) {
  return "<rect class=\"inset-frame\" vector-effect=\"non-scaling-stroke\" x=\"" + deg(v.west) +
         "\" y=\"" + deg(-v.north) + "\" width=\"" + deg(v.width()) + "\" height=\"" +
         deg(v.height()) + "\"/>";
}

}  // namespace

std::string land_path(const std::vector<LandRing>& land, double lat_min, double lat_max) {
  std::string d;
  for (const LandRing& ring : land) {
    const bool inside = std::any_of(ring.begin(), ring.end(), [&](const GeoPoint& p) {
      return p.lat_deg >= lat_min && p.lat_deg <= lat_max;
    });
    if (!inside) continue;
    for (std::size_t i = 0; i < ring.size(); ++i) {
      d.append(i == 0 ? "M" : (i == 1 ? "L" : " ")).append(compact(ring[i].lon_deg, 1));
      d.append(" ").append(compact(-ring[i].lat_deg, 1));
    }
    d += 'Z';
  }
  return d;
}

std::string render_dc_maps(const std::vector<MapMarker>& markers, const std::vector<MapLine>& lines,
                           const std::vector<LandRing>& land) {
  const std::vector<std::size_t> cluster = clusters_of(markers);
  std::vector<std::vector<std::size_t>> details;  // members of each cluster worth a detail map
  std::vector<bool> world_label(markers.size(), true);
  for (std::size_t c = 0; c < markers.size(); ++c) {
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < markers.size(); ++i) {
      if (cluster[i] == c) members.push_back(i);
    }
    if (members.size() < 2 || detail_view(markers, members).width() > detail_max_width_deg) {
      continue;
    }
    for (const std::size_t i : members) world_label[i] = false;
    details.push_back(members);
  }
  std::string frames;
  for (const auto& members : details) frames += frame_svg(detail_view(markers, members));
  const View world{-180.0, world_north, 180.0, world_south, world_design_width};
  const std::string defs = "<path id=\"" + std::string(land_id) +
                           "\" vector-effect=\"non-scaling-stroke\" d=\"" +
                           land_path(land, world_south - 5.0, world_north + 5.0) + "\"/>";
  std::string out = "<div class=\"maps\"><figure class=\"world\">" +
                    map_svg("map-world", world, defs, markers, lines, world_label, frames) +
                    "</figure>";
  for (std::size_t k = 0; k < details.size(); ++k) {
    std::vector<bool> labelled(markers.size(), false);
    for (const std::size_t i : details[k]) labelled[i] = true;
    out += "<figure>" +
           map_svg("map-detail-" + std::to_string(k + 1), detail_view(markers, details[k]), "",
                   markers, lines, labelled, "") +
           "</figure>";
  }
  return out + "</div>\n";
}

}  // namespace b24::reports::html

// Topology files: the header keys, the DCs, then the links checked against the DCs. Each check
// mirrors one of models::Topology's (models/topology.cpp) and is reported at the key to change;
// a value already reported invalid is never reported again by a check across keys (a link to a
// DC whose name is invalid, a pair with an unknown end).

#include "scenarios/topology_loader.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "models/geo.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/yaml_loader.hpp"

namespace b24::scenarios {

namespace {

using namespace std::chrono_literals;

// The loader's own limits (models::Topology has none): no latency can overflow a sum or the
// microsecond conversion. A fiber route 10x the great circle, or a one-way latency of a day,
// is no real link.
constexpr double max_route_factor = 10.0;
constexpr sim::Duration max_latency = 24h;

// What the link checks need to know about the DCs read.
struct DcIndex {
  std::map<std::string, std::size_t, std::less<>> by_name;  // valid names, first occurrence
  std::vector<std::string> names;                           // the same, for suggestions
  std::set<std::string, std::less<>> written;               // every name written, valid or not
  std::vector<std::optional<models::GeoPoint>> points;      // per DC, when both are valid
};

struct LinkContext {
  const DcIndex& dcs;
  std::optional<double> route_factor;  // nullopt when written and invalid
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> pairs;  // (low, high) -> link
};

bool is_dc_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool is_jurisdiction(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// --- Header ----------------------------------------------------------------------------------

// Returns the route factor in use, or nullopt when it is written and invalid.
std::optional<double> read_header(const NodeView& topology, std::string_view default_name,
                                  TopologySection& out) {
  out.name = topology.get_string("name", default_name, {.allow_empty = false});
  out.description = topology.get_string("description", out.description);
  const NodeView value = topology.value("route_factor");
  if (!value.present()) return out.params.route_factor;
  const std::optional<double> factor = value.as_double({.min = 1.0, .max = max_route_factor});
  if (factor) out.params.route_factor = *factor;
  return factor;
}

// --- DCs -------------------------------------------------------------------------------------

void read_dc_name(const NodeView& dc, std::size_t index, DcIndex& dcs, models::DcSpec& out) {
  const NodeView value = dc.require_value("name");
  const std::optional<std::string> name = value.as_string();
  if (!name) return;
  out.name = *name;
  dcs.written.insert(*name);
  if (!is_dc_name(*name)) {
    value.error(
        "expected a DC name of lower-case letters, digits and '_' (no '-': a link is named "
        "<a>-<b>), found " +
        quote(*name));
    return;
  }
  const auto [first, inserted] = dcs.by_name.emplace(*name, index);
  if (!inserted) {
    value.error("duplicate DC name " + quote(*name) + " (first at dcs[" +
                std::to_string(first->second) + "])");
    return;
  }
  dcs.names.push_back(*name);
}

std::optional<double> read_degrees(const NodeView& dc, std::string_view key, double limit,
                                   double& out) {
  const std::optional<double> degrees =
      dc.require_value(key).as_double({.min = -limit, .max = limit});
  if (degrees) out = *degrees;
  return degrees;
}

void read_utc_offset(const NodeView& dc, sim::Duration& out) {
  const NodeView value = dc.require_value("utc_offset");
  // Real zones run from UTC-12 to UTC+14, all on a 15-minute grid (Nepal +5h45m).
  const std::optional<sim::Duration> offset = value.as_duration({.min = -12h, .max = 14h});
  if (!offset) return;
  if (*offset % 15min != sim::Duration::zero()) {
    value.error("expected a zone offset on the 15-minute grid (like +5h30m or +5h45m), found " +
                quote(value.text()));
    return;
  }
  out = *offset;
}

void read_jurisdiction(const NodeView& dc, std::string& out) {
  const NodeView value = dc.require_value("jurisdiction");
  const std::optional<std::string> text = value.as_string();
  if (!text) return;
  if (is_jurisdiction(*text)) {
    out = *text;
    return;
  }
  std::string message =
      "expected a jurisdiction of upper-case letters, like EU or US, found " + quote(*text);
  if (is_jurisdiction(upper(*text))) message += " (did you mean " + quote(upper(*text)) + "?)";
  value.error(std::move(message));
}

models::DcSpec read_dc(const NodeView& dc, std::size_t index, DcIndex& dcs) {
  models::DcSpec spec;
  read_dc_name(dc, index, dcs, spec);
  spec.city = dc.require_string("city", {.allow_empty = false});
  const std::optional<double> latitude = read_degrees(dc, "latitude", 90.0, spec.latitude_deg);
  const std::optional<double> longitude = read_degrees(dc, "longitude", 180.0, spec.longitude_deg);
  if (latitude && longitude) {
    dcs.points.emplace_back(models::GeoPoint{*latitude, *longitude});
  } else {
    dcs.points.emplace_back(std::nullopt);
  }
  read_utc_offset(dc, spec.utc_offset);
  read_jurisdiction(dc, spec.jurisdiction);
  return spec;
}

std::vector<models::DcSpec> read_dcs(const NodeView& topology, DcIndex& dcs) {
  const NodeView list = topology.require_value("dcs");
  const std::vector<NodeView> items = list.items();
  std::vector<models::DcSpec> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(read_dc(items[i], i, dcs));
  // "dcs:" or "dcs: []"; anything else that gave no items is already reported.
  if (out.empty() && (list.is_null() || list.is_sequence()))
    list.error("at least one DC is needed");
  return out;
}

// --- Links -----------------------------------------------------------------------------------

// The DC at one end of a link, when its name is that of a valid DC.
std::optional<std::size_t> read_end(const NodeView& link, std::string_view key, const DcIndex& dcs,
                                    std::string& out) {
  const NodeView value = link.require_value(key);
  const std::optional<std::string> name = value.as_string();
  if (!name) return std::nullopt;
  out = *name;
  if (const auto found = dcs.by_name.find(*name); found != dcs.by_name.end()) return found->second;
  if (dcs.written.contains(*name)) return std::nullopt;  // that DC's name is reported already
  std::string message = "unknown DC " + quote(*name);
  if (const std::optional<std::string> near = closest_match(*name, dcs.names)) {
    message += " (did you mean " + quote(*near) + "?)";
  } else {
    message += ": no DC in dcs has this name";
  }
  value.error(std::move(message));
  return std::nullopt;
}

void read_bandwidth(const NodeView& link, double& out) {
  const NodeView value = link.require_value("bandwidth");
  const std::optional<double> bps = value.as_bandwidth_bps();
  if (!bps) return;
  if (!std::isfinite(*bps) || *bps <= 0.0) {
    value.error("expected a positive bandwidth, like 10Gbps, found " + quote(value.text()));
    return;
  }
  out = *bps;
}

// A link without `latency` gets the fiber latency over the great circle, rounded to the
// microsecond; the model rejects 0us, so DCs this close need their latency written.
void check_fiber_latency(const NodeView& link, std::size_t a, std::size_t b,
                         const LinkContext& context) {
  const std::optional<models::GeoPoint>& pa = context.dcs.points[a];
  const std::optional<models::GeoPoint>& pb = context.dcs.points[b];
  if (!context.route_factor || !pa || !pb) return;
  const double km = models::great_circle_km(*pa, *pb);
  if (models::fiber_latency(km, *context.route_factor) > sim::Duration::zero()) return;
  link.error("latency", "the DCs are " + format_number(std::round(km * 1000.0)) +
                            " m apart, so their fiber latency rounds to 0us: write the link's "
                            "latency (at least 1us)");
}

void check_pair(const NodeView& link, std::size_t index, const models::LinkSpec& spec,
                std::pair<std::size_t, std::size_t> ends, bool latency_written,
                LinkContext& context) {
  const auto [a, b] = ends;
  if (a == b) {
    link.error("b", "a link must join two different DCs, found " + quote(spec.b) + " at both ends");
    return;
  }
  const auto [first, inserted] =
      context.pairs.emplace(std::pair{std::min(a, b), std::max(a, b)}, index);
  if (!inserted) {
    link.error("duplicate link: links[" + std::to_string(first->second) + "] already joins " +
               quote(spec.a) + " and " + quote(spec.b) +
               " (at most one link per pair of DCs, in either order)");
    return;
  }
  if (!latency_written) check_fiber_latency(link, a, b, context);
}

models::LinkSpec read_link(const NodeView& link, std::size_t index, LinkContext& context) {
  models::LinkSpec spec;
  const std::optional<std::size_t> a = read_end(link, "a", context.dcs, spec.a);
  const std::optional<std::size_t> b = read_end(link, "b", context.dcs, spec.b);
  read_bandwidth(link, spec.bandwidth_bps);
  const NodeView latency = link.value("latency");
  spec.latency = latency.as_duration({.min = 1us, .max = max_latency});
  spec.up = link.get_bool("up", spec.up);
  if (a && b) check_pair(link, index, spec, {*a, *b}, latency.present(), context);
  return spec;
}

std::vector<models::LinkSpec> read_links(const NodeView& topology, const DcIndex& dcs,
                                         std::optional<double> route_factor) {
  LinkContext context{.dcs = dcs, .route_factor = route_factor, .pairs = {}};
  const std::vector<NodeView> items = topology.items("links");
  std::vector<models::LinkSpec> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(read_link(items[i], i, context));
  return out;
}

models::TopologyParams read_document(const Document& document, std::string_view stem,
                                     Diagnostics& diagnostics) {
  // A topology file holds what an inline `topology:` mapping does: its keys are listed there.
  const KeyLogPrefix prefix("topology");
  Reader reader(document, diagnostics);
  TopologySection section = read_topology(reader.root(), stem);
  reader.finish();
  return std::move(section.params);
}

}  // namespace

TopologySection read_topology(const NodeView& topology, std::string_view default_name) {
  TopologySection out;
  const std::optional<double> route_factor = read_header(topology, default_name, out);
  DcIndex dcs;
  out.params.dcs = read_dcs(topology, dcs);
  out.params.links = read_links(topology, dcs, route_factor);
  return out;
}

models::TopologyParams load_topology(const std::filesystem::path& path, Diagnostics& diagnostics) {
  // A file that cannot be read is reported by the YAML loader, and reads as an empty document.
  const Document document = load_yaml_file(path, diagnostics);
  return read_document(document, path.stem().string(), diagnostics);
}

models::TopologyParams load_topology_text(std::string_view text, std::string_view name,
                                          Diagnostics& diagnostics) {
  const Document document = load_yaml_string(text, std::string(name), diagnostics);
  return read_document(document, std::filesystem::path(name).stem().string(), diagnostics);
}

}  // namespace b24::scenarios

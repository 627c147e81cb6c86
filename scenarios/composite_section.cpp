// Platform scenarios: the `composite:` section (the composite site of DOMAIN.md 7, issue 5):
// which cohorts' pages are a cached static shell plus dynamic blocks, and what the cache and the
// two parts cost. Read after the cohorts, whose names it checks.

#include <algorithm>
#include <string>
#include <vector>

#include "scenarios/scenario_sections.hpp"
#include "scenarios/suggest.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

// composite.cohorts: names of cohorts written in `cohorts`, each once.
void read_composite_cohorts(const NodeView& composite, const models::PlatformParams& platform,
                            std::vector<std::string>& out) {
  const NodeView list = composite.require_value("cohorts");
  if (!list.present()) return;
  if (!list.is_sequence()) {
    list.error("expected a list of cohort names, like [eu-de-large], found " + quote(list.text()));
    return;
  }
  std::vector<std::string> known;
  for (const models::CohortParams& c : platform.cohorts) known.push_back(c.name);
  const std::vector<NodeView> items = composite.items("cohorts");
  if (items.empty()) list.error("expected at least one cohort name: the list is empty");
  for (const NodeView& item : items) {
    const std::optional<std::string> name = item.as_string();
    if (!name) continue;
    if (std::find(known.begin(), known.end(), *name) == known.end()) {
      std::string message = "unknown cohort " + quote(*name);
      if (const std::optional<std::string> near = closest_match(*name, known)) {
        message += " (did you mean " + quote(*near) + "?)";
      } else {
        message += ": not a name in cohorts";
      }
      item.error(std::move(message));
    } else if (std::find(out.begin(), out.end(), *name) != out.end()) {
      item.error("cohort " + quote(*name) + " is listed twice");
    } else {
      out.push_back(*name);
    }
  }
}

}  // namespace

void read_composite(const NodeView& root, models::PlatformParams& out) {
  if (!root.has("composite")) return;
  const NodeView composite = root.child("composite");
  if (!composite.is_mapping()) return;  // reported by child()
  models::CompositeParams c;
  read_composite_cohorts(composite, out, c.cohorts);
  read_fraction(composite, "cache_hit_ratio", c.cache_hit_ratio);
  read_duration(composite, "cache_serve_time", c.cache_serve_time, {.max = 10s});
  read_fraction(composite, "static_cpu_share", c.static_cpu_share);
  read_fraction(composite, "dynamic_cpu_share", c.dynamic_cpu_share);
  out.composite = std::move(c);
}

}  // namespace b24::scenarios::detail

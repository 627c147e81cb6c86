// Platform scenarios: the named daily profiles and the tenant cohorts, each with its home DC
// checked against the topology and against data residency (its jurisdiction and the
// placement's cross-border permissions), and the tenants and plan its cost is divided by.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "scenarios/scenario_sections.hpp"
#include "scenarios/suggest.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

// daily_profiles: {name: [points]}; the valid ones by name, and every name written.
struct Profiles {
  std::map<std::string, models::DailyProfile, std::less<>> valid;
  std::vector<std::string> names;
};

Profiles read_profiles(const NodeView& root) {
  Profiles out;
  const NodeView map = root.child("daily_profiles");
  for (const auto& [name, value] : root.entries("daily_profiles")) {
    out.names.push_back(name);
    models::DailyProfile profile;
    profile.points.clear();  // left empty when the profile is invalid
    read_daily_profile(map, name, profile);
    if (!profile.points.empty()) out.valid.emplace(name, std::move(profile));
  }
  return out;
}

void read_cohort_profile(const NodeView& cohort, const Profiles& profiles,
                         models::DailyProfile& out) {
  const NodeView value = cohort.value("daily_profile");
  if (!value.is_scalar()) {
    read_daily_profile(cohort, "daily_profile", out);
    return;
  }
  const std::string name(value.text());
  if (const auto found = profiles.valid.find(name); found != profiles.valid.end()) {
    out = found->second;
    return;
  }
  if (std::find(profiles.names.begin(), profiles.names.end(), name) != profiles.names.end()) {
    return;  // written in daily_profiles but invalid: reported there
  }
  std::string message = "unknown daily profile " + quote(name);
  if (const std::optional<std::string> near = closest_match(name, profiles.names)) {
    message += " (did you mean " + quote(*near) + "?)";
  } else if (profiles.names.empty()) {
    message += ": daily_profiles: names none; write the points here or name a profile there";
  } else {
    message += ": not a name in daily_profiles";
  }
  value.error(std::move(message));
}

bool read_cohort_name(const NodeView& cohort, std::map<std::string, std::size_t>& seen,
                      std::size_t index, std::string& out) {
  const NodeView value = cohort.require_value("name");
  const std::optional<std::string> name = value.as_string();
  if (!name) return false;
  out = *name;
  if (!is_entity_name(*name)) {
    value.error(
        "expected a name of letters, digits, '-' and '_' (it names the cohort's records), "
        "found " +
        quote(*name));
    return false;
  }
  const auto [first, inserted] = seen.emplace(*name, index);
  if (!inserted) {
    value.error("duplicate cohort name " + quote(*name) + " (first at cohorts[" +
                std::to_string(first->second) + "])");
    return false;
  }
  return true;
}

bool permitted(const policy::PlacementPolicy& placement, std::string_view from,
               std::string_view to) {
  return std::any_of(
      placement.cross_border_permissions.begin(), placement.cross_border_permissions.end(),
      [&](const policy::CrossBorderPermission& p) { return p.from == from && p.to == to; });
}

// The jurisdiction: written (upper-case letters) or the home DC's; the home must be lawful.
void read_cohort_jurisdiction(const NodeView& cohort, const models::DcSpec* home,
                              const policy::PlacementPolicy& placement, models::CohortParams& out) {
  const NodeView value = cohort.value("jurisdiction");
  if (value.present()) {
    const std::optional<std::string> text = value.as_string();
    if (!text) return;
    const bool valid = !text->empty() && std::all_of(text->begin(), text->end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!valid) {
      value.error("expected a jurisdiction of upper-case letters, like EU or RU, found " +
                  quote(*text));
      return;
    }
    out.jurisdiction = *text;
  }
  if (home == nullptr) return;
  if (!value.present()) {
    out.jurisdiction = home->jurisdiction;
    return;
  }
  if (out.jurisdiction == home->jurisdiction ||
      permitted(placement, out.jurisdiction, home->jurisdiction)) {
    return;
  }
  cohort.error("home", "home DC " + quote(home->name) + " is in jurisdiction " +
                           home->jurisdiction + ", not lawful for a cohort of jurisdiction " +
                           out.jurisdiction + " (no placement.cross_border permission from " +
                           out.jurisdiction + " to " + home->jurisdiction + ")");
}

void read_cohort_load(const NodeView& cohort, const Profiles& profiles, const models::DcSpec* home,
                      models::CohortParams& out) {
  const NodeView rate = cohort.value("peak_rate");
  if (const std::optional<double> r = rate.as_rate_per_s({.max = 1e9})) {
    if (*r > 0.0) {
      out.workload.peak_rate_per_s = *r;
    } else {
      rate.error("expected a positive rate, found " + quote(rate.text()));
    }
  }
  read_cohort_profile(cohort, profiles, out.workload.profile);
  if (cohort.has("utc_offset")) {
    out.utc_offset_set = true;
    read_duration(cohort, "utc_offset", out.workload.utc_offset, {.min = -12h, .max = 14h});
  } else if (home != nullptr) {
    out.workload.utc_offset = home->utc_offset;
  }
  // A share of the served requests; 0% (a read-only cohort) is allowed.
  read_fraction(cohort, "write_fraction", out.write_fraction);
}

// A plan is compared as written, so one spelling per plan: "Free" and "free" would otherwise
// split one plan's tenants into two.
bool is_plan_name(std::string_view name) {
  return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

// What the cohort's cost is divided by: its tenant accounts and their plan. No load changes.
void read_cohort_tenants(const NodeView& cohort, models::CohortParams& out) {
  // At most a billion: Bitrix24 had about 3 million clients in 2018 (DOMAIN.md 7), so anything
  // near the limit is a slip of the keyboard, not a plan.
  if (const std::optional<std::int64_t> n =
          cohort.value("tenants").as_int64({.min = 0, .max = 1'000'000'000})) {
    out.tenants = static_cast<std::uint64_t>(*n);
  }
  const NodeView plan = cohort.value("plan");
  const std::optional<std::string> text = plan.as_string();
  if (!text) return;
  if (!is_plan_name(*text)) {
    plan.error(
        "expected a plan name of lower-case letters, digits, '-' and '_' starting with a "
        "letter, like free or paid, found " +
        quote(*text));
    return;
  }
  out.plan = *text;
}

}  // namespace

void read_cohorts(const NodeView& root, const PlatformNames& names, models::PlatformParams& out) {
  const Profiles profiles = read_profiles(root);
  const NodeView list = root.value("cohorts");
  const std::vector<NodeView> items = root.items("cohorts");
  if (items.empty() && (!list.present() || list.is_null() || list.is_sequence())) {
    root.error("cohorts",
               "a platform scenario needs at least one cohort: cohorts generate all "
               "of its load");
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const NodeView& cohort = items[i];
    models::CohortParams c;
    const bool name_ok = read_cohort_name(cohort, seen, i, c.name);
    const std::optional<std::size_t> home = names.dc(cohort.require_value("home"));
    const models::DcSpec* home_dc = home ? &names.topology().dcs[*home] : nullptr;
    if (home_dc != nullptr) c.home = home_dc->name;
    read_cohort_jurisdiction(cohort, home_dc, out.placement, c);
    read_cohort_load(cohort, profiles, home_dc, c);
    read_cohort_tenants(cohort, c);
    if (name_ok) out.cohorts.push_back(std::move(c));
  }
  read_composite(root, out);
}

}  // namespace b24::scenarios::detail

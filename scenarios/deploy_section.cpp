// `deploy:`: a rolling deploy (an EC2 Auto Scaling instance refresh) of the web tier of a
// single-DC scenario, or of a platform's DCs one after the other. Keys: at (as a fault's `at`),
// dcs (platform only: a list of DC names or `all`), min_healthy_percentage, instance_warmup,
// check_interval. Defaults are models::InstanceRefreshParams'.

#include <algorithm>
#include <string>

#include "scenarios/scenario_sections.hpp"
#include "scenarios/units.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

// A duration since the start ("12h") or the first time the clock shows a time of day ("12:00"
// UTC, "12:00 local" in the zone of `utc_offset`), before the end of the run.
std::optional<sim::Duration> read_deploy_at(const NodeView& deploy, sim::Duration utc_offset,
                                            const CheckedValues& checked) {
  const NodeView at = deploy.require_value("at");
  if (!at.present()) return std::nullopt;
  std::optional<sim::Duration> out;
  if (at.text().find(':') == std::string_view::npos) {
    out = at.as_duration();
  } else if (const std::optional<TimeOfDay> time = at.as_time_of_day()) {
    constexpr sim::Duration day = 24h;
    const sim::Duration utc = time->since_midnight - (time->local ? utc_offset : sim::Duration{});
    out = ((utc % day) + day) % day;
  }
  if (out && checked.duration && *out >= *checked.duration) {
    deploy.error("at", "the deploy would start at " + format_duration_short(*out) +
                           " after the start, not before the end of the run (duration: " +
                           format_duration_short(*checked.duration) + ")");
    return std::nullopt;
  }
  return out;
}

bool read_refresh(const NodeView& deploy, models::InstanceRefreshParams& out) {
  bool ok = read_int(deploy, "min_healthy_percentage", out.min_healthy_percentage,
                     {.min = 0, .max = 100});
  if (deploy.has("instance_warmup")) {
    std::chrono::seconds warmup{};
    if (read_seconds(deploy, "instance_warmup", warmup, {.max = 24h})) {
      out.instance_warmup = warmup;
    } else {
      ok = false;
    }
  }
  return read_duration(deploy, "check_interval", out.check_interval, {.min = 1s, .max = 1h}) && ok;
}

}  // namespace

void read_deploy(const NodeView& root, const CheckedValues& checked, sim::Duration utc_offset,
                 std::optional<models::DeployParams>& out) {
  if (!root.has("deploy")) return;
  const NodeView deploy = root.child("deploy");
  models::DeployParams d;
  const std::optional<sim::Duration> at = read_deploy_at(deploy, utc_offset, checked);
  if (deploy.has("dcs")) {
    deploy.value("dcs").error(
        "a single-DC scenario deploys its one DC: `dcs` belongs to a platform scenario");
  }
  if (!read_refresh(deploy, d.refresh) || !at) return;
  d.at = *at;
  out = d;
}

void read_platform_deploy(const NodeView& root, const PlatformNames& names,
                          const CheckedValues& checked,
                          std::optional<models::PlatformDeployParams>& out) {
  if (!root.has("deploy")) return;
  const NodeView deploy = root.child("deploy");
  models::PlatformDeployParams d;
  const NodeView dcs = deploy.require_value("dcs");
  bool ok = dcs.present();
  if (dcs.present() && dcs.is_scalar() && dcs.text() == "all") {
    for (const models::DcSpec& dc : names.topology().dcs) d.dcs.push_back(dc.name);
  } else if (dcs.present() && dcs.is_sequence()) {
    for (const NodeView& value : dcs.items()) {
      const std::optional<std::size_t> index = names.dc(value);
      ok = ok && index.has_value();
      if (!index) continue;
      const std::string& name = names.topology().dcs[*index].name;
      if (std::find(d.dcs.begin(), d.dcs.end(), name) != d.dcs.end()) {
        value.error("DC " + quote(name) + " is listed twice: each DC is deployed once");
        ok = false;
      }
      d.dcs.push_back(name);
    }
    if (dcs.items().empty()) {
      dcs.error("name at least one DC, or write `all`");
      ok = false;
    }
  } else if (dcs.present()) {
    dcs.error("expected a list of DC names or `all`, found " + quote(dcs.text()));
    ok = false;
  }
  // "12:00 local" is local time of the first DC deployed.
  sim::Duration offset{};
  for (const models::DcSpec& dc : names.topology().dcs) {
    if (!d.dcs.empty() && dc.name == d.dcs.front()) offset = dc.utc_offset;
  }
  const std::optional<sim::Duration> at = read_deploy_at(deploy, offset, checked);
  ok = read_refresh(deploy, d.refresh) && ok;
  if (!ok || !at) return;
  d.at = *at;
  out = std::move(d);
}

}  // namespace b24::scenarios::detail

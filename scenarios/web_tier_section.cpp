// Scenario sections of one DC's web tier: slo, dc, workload, web_node, load_balancer (with its
// health_check) and cloudwatch. Defaults are those of the model structs read into; ranges are
// the sourced ones of shared/DOMAIN.md where AWS documents one (see scenarios/README.md).

#include <cctype>
#include <string>

#include "policy/load_balancing.hpp"
#include "policy/target_health.hpp"
#include "scenarios/key_log.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

using namespace std::chrono_literals;

std::string hh_mm(double hour) {
  const auto minutes = static_cast<int>(hour * 60.0 + 0.5);
  std::string out = std::to_string(minutes / 60) + ":";
  if (minutes % 60 < 10) out += "0";
  return out + std::to_string(minutes % 60);
}

// A profile point's time: the DC's local time of day ("07:00" or "07:00 local"), in hours.
std::optional<double> read_profile_hour(const NodeView& item) {
  const NodeView at = item.require_value("at");
  const std::optional<TimeOfDay> time = at.as_time_of_day();
  if (!time) return std::nullopt;
  const std::string_view text = at.text();
  if (!time->local && (text.ends_with("Z") || text.ends_with("UTC"))) {
    at.error("daily_profile times are the DC's local time: write '07:00' or '07:00 local', found " +
             quote(text));
    return std::nullopt;
  }
  return std::chrono::duration<double, std::ratio<3600>>(time->since_midnight).count();
}

void read_health_check(const NodeView& check, policy::HealthCheckConfig& out) {
  // Ranges: ALB guide, target group health checks (DOMAIN.md 1).
  const bool interval_ok = read_seconds(check, "interval", out.interval, {.min = 5s, .max = 300s});
  const bool timeout_ok = read_seconds(check, "timeout", out.timeout, {.min = 2s, .max = 120s});
  read_int(check, "healthy_threshold", out.healthy_threshold, {.min = 2, .max = 10});
  read_int(check, "unhealthy_threshold", out.unhealthy_threshold, {.min = 2, .max = 10});
  read_int(check, "initial_successes_to_healthy", out.initial_successes_to_healthy,
           {.min = 1, .max = 10});
  if (interval_ok && timeout_ok && out.timeout >= out.interval) {
    check.error("timeout", "the timeout must be shorter than the interval (" +
                               format_duration_short(out.interval) + ")");
  }
}

}  // namespace

// The DC's name makes entity names ("dc/<name>/elb"), so does an alarm's ("dc/<name>/alarm/...").
bool is_entity_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_') return false;
  }
  return true;
}

void read_daily_profile(const NodeView& map, std::string_view key, models::DailyProfile& out) {
  const NodeView list = map.value(key);
  const std::vector<NodeView> items = map.items(key);
  if (items.empty()) {
    if (list.is_sequence() || list.is_null())
      list.error("a daily profile needs at least one point");
    return;
  }
  std::vector<models::DailyProfile::Point> points;
  bool ok = true;
  bool has_peak = false;
  for (const NodeView& item : items) {
    const std::optional<double> hour = read_profile_hour(item);
    const std::optional<double> share = item.require_value("of_peak").as_fraction();
    if (hour && ok && !points.empty() && *hour <= points.back().hour) {
      item.error("at",
                 "times must ascend through the day, from 00:00 to 23:59: this point is "
                 "not after the previous one (" +
                     hh_mm(points.back().hour) + ")");
      ok = false;
    }
    if (!hour || !share) ok = false;
    if (!hour || !share) continue;
    points.push_back({*hour, *share});
    has_peak = has_peak || *share == 1.0;
  }
  if (ok && !has_peak) {
    list.error(
        "no point is at 100%: of_peak is a share of peak_rate, so the busiest point of "
        "the day must be 100%");
    ok = false;
  }
  if (ok) out.points = std::move(points);
}

void read_slo(const NodeView& slo, models::SloParams& out) {
  read_duration(slo, "p99_latency", out.p99_latency, {.min = 1us});
  read_fraction(slo, "max_error_rate", out.max_error_rate);
}

void read_dc(const NodeView& dc, models::WebTierParams& out) {
  const NodeView name = dc.value("name");
  if (name.records_default()) name.note_default(string_text(out.name));
  if (const std::optional<std::string> text = name.as_string()) {
    if (is_entity_name(*text)) {
      out.name = *text;
    } else {
      name.error(
          "expected a name of letters, digits, '-' and '_' (it names the DC's records), "
          "found " +
          quote(*text));
    }
  }
  // Offsets in use run from UTC-12 to UTC+14.
  read_duration(dc, "utc_offset", out.workload.utc_offset, {.min = -12h, .max = 14h});
  const NodeView price = dc.value("instance_price_usd_per_hour");
  if (price.records_default()) price.note_default(number_text(out.instance_price_usd_per_hour));
  if (const std::optional<double> usd = price.as_double({.min = 0.0})) {
    out.instance_price_usd_per_hour = *usd;
  }
}

void read_workload(const NodeView& workload, models::WorkloadParams& out) {
  const NodeView rate = workload.value("peak_rate");
  if (rate.records_default()) rate.note_default(rate_text(out.peak_rate_per_s));
  if (const std::optional<double> r = rate.as_rate_per_s({.max = 1e9})) {
    if (*r > 0.0) {
      out.peak_rate_per_s = *r;
    } else {
      rate.error("expected a positive rate, found " + quote(rate.text()));
    }
  }
  read_daily_profile(workload, "daily_profile", out.profile);
}

void read_web_node(const NodeView& node, models::WebNodeParams& out) {
  read_u32(node, "cores", out.cores, {.min = 1, .max = 1024});
  read_u32(node, "queue_limit", out.queue_limit, {.min = 0, .max = 10'000'000});
  if (read_time_distribution(node, "cpu_time", out.cpu_time_s) &&
      !(sim::mean(out.cpu_time_s) > 0.0)) {
    node.error("cpu_time", "the mean CPU time of a request must be positive");
  }
}

void read_load_balancer(const NodeView& lb, models::WebTierParams& out) {
  using policy::BalancerType;
  using policy::RoutingAlgorithm;
  policy::LoadBalancerConfig& config = out.load_balancer.balancer;
  const bool type_ok =
      read_enum(lb, "type", config.type,
                {{"application", BalancerType::application}, {"classic", BalancerType::classic}});
  const bool classic = config.type == BalancerType::classic;
  // Defaults by type: ALB round robin, CLB (HTTP listeners) least outstanding requests.
  config.algorithm = policy::default_algorithm(config.type);
  read_enum(lb, "algorithm", config.algorithm,
            {{"round_robin", RoutingAlgorithm::round_robin},
             {"least_outstanding_requests", RoutingAlgorithm::least_outstanding_requests},
             {"weighted_random", RoutingAlgorithm::weighted_random}});
  if (type_ok && classic && config.algorithm == RoutingAlgorithm::weighted_random) {
    lb.error("algorithm",
             "a Classic Load Balancer routes by round_robin or "
             "least_outstanding_requests; weighted_random needs type: application");
  }
  {
    // Written out, even at its default, surge_queue_limit is an error for an ALB: no default.
    const KeyLogNoDefaults alb_has_no_surge_queue(!classic);
    read_u32(lb, "surge_queue_limit", out.load_balancer.surge_queue_limit,
             {.min = 0, .max = 10'000'000});
  }
  if (type_ok && !classic && lb.has("surge_queue_limit")) {
    lb.error("surge_queue_limit", "only a Classic Load Balancer has a surge queue (type: classic)");
  }
  read_duration(lb, "idle_timeout", out.load_balancer.idle_timeout, {.min = 1s});
  // Client <-> balancer round trip, added to every latency. Assumption: at most 10 s.
  read_duration(lb, "network_rtt", out.load_balancer.network_rtt, {.max = 10s});
  read_duration(lb, "deregistration_delay", out.deregistration_delay, {.max = 3600s});
  // Health check defaults by type: ALB healthy threshold 5, CLB 10 (DOMAIN.md 1).
  out.health_check =
      classic ? policy::clb_health_check_defaults() : policy::alb_health_check_defaults();
  read_health_check(lb.child("health_check"), out.health_check);
}

std::optional<sim::Duration> read_cloudwatch(const NodeView& cloudwatch,
                                             models::CloudWatchParams& out) {
  sim::Duration period = out.period;
  bool period_ok = read_duration(cloudwatch, "period", period, {.min = 1s, .max = 24h});
  // CloudWatch's periods: 10 s or 30 s (high resolution) or a multiple of 60 s (DOMAIN.md 2).
  if (period_ok && period != 10s && period != 30s && period % 60s != sim::Duration::zero()) {
    cloudwatch.error("period",
                     "expected 10s, 30s or a multiple of 60s (CloudWatch's periods), "
                     "found " +
                         quote(cloudwatch.value("period").text()));
    period_ok = false;
  }
  if (period_ok) out.period = period;
  read_duration(cloudwatch, "publication_delay", out.publication_delay, {.max = 24h});
  return period_ok ? std::optional(out.period) : std::nullopt;
}

}  // namespace b24::scenarios::detail

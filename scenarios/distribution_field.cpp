// Time-valued distributions in scenario text:
//
//   cpu_time: 40ms                                                 # a constant
//   cpu_time: {distribution: exponential, mean: 40ms}
//   cpu_time: {distribution: lognormal, mean: 40ms, stddev: 30ms}
//   cpu_time: {distribution: normal, mean: 40ms, stddev: 10ms}      # negative draws count as 0
//   cpu_time: {distribution: uniform, low: 20ms, high: 60ms}
//   cpu_time: {distribution: pareto, scale: 10ms, shape: 1.5}       # scale is the minimum
//   cpu_time: {distribution: constant, value: 40ms}
//   cpu_time: {distribution: empirical, points: [{value: 10ms, cumulative: 0%}, ...]}
//
// Every check sim/distributions.cpp makes with B24_ASSERT is made here first, with an error at
// the key, so a scenario can never abort the simulator.

#include <cmath>

#include "scenarios/default_text.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

enum class Kind { constant, exponential, lognormal, normal, uniform, pareto, empirical };

constexpr std::string_view kind_names[] = {"constant", "exponential", "lognormal", "normal",
                                           "uniform",  "pareto",      "empirical"};
// Every parameter key of every kind: made known when the kind itself is wrong, so that a
// misspelt kind gives one error, not one more per parameter.
constexpr std::string_view parameter_keys[] = {"value", "mean",  "stddev", "low",
                                               "high",  "scale", "shape",  "points"};

// No parameter may exceed a year: keeps every exponential or normal draw far inside the
// simulated clock's range.
constexpr sim::Duration longest_parameter = std::chrono::days{365};
// The largest draw a lognormal or Pareto may make, in seconds: far below sim::from_seconds'
// limit (about 9.2e12 s), so that no draw, however unlikely, can overflow the clock.
constexpr double largest_draw_s = 1e12;
// The largest |z| of sim::standard_normal (Box-Muller with u >= 2^-53): sqrt(-2 ln 2^-53).
constexpr double largest_normal_z = 8.58;

std::optional<double> seconds_param(const NodeView& spec, std::string_view key, bool positive) {
  const NodeView value = spec.require_value(key);
  const std::optional<sim::Duration> d = value.as_duration({.max = longest_parameter});
  if (!d) return std::nullopt;
  if (positive && *d == sim::Duration::zero()) {
    value.error("expected a positive duration, found " + quote(value.text()));
    return std::nullopt;
  }
  return sim::to_seconds(*d);
}

std::optional<sim::Distribution> read_lognormal(const NodeView& spec) {
  const auto mean = seconds_param(spec, "mean", true);
  const auto stddev = seconds_param(spec, "stddev", false);
  if (!mean || !stddev) return std::nullopt;
  const double ratio = *stddev / *mean;
  const double sigma2 = std::log1p(ratio * ratio);
  const double log_largest = std::log(*mean) - sigma2 / 2 + largest_normal_z * std::sqrt(sigma2);
  if (log_largest > std::log(largest_draw_s)) {
    spec.error("stddev",
               "stddev is too large for the mean: the lognormal could draw samples over 10^12 s");
    return std::nullopt;
  }
  return sim::LogNormal::from_mean_stddev(*mean, *stddev);
}

std::optional<sim::Distribution> read_uniform(const NodeView& spec) {
  const auto low = seconds_param(spec, "low", false);
  const auto high = seconds_param(spec, "high", false);
  if (!low || !high) return std::nullopt;
  if (*high <= *low) {
    spec.error("high",
               "high must be greater than low (" + std::string(spec.value("low").text()) + ")");
    return std::nullopt;
  }
  return sim::Uniform(*low, *high);
}

std::optional<sim::Distribution> read_pareto(const NodeView& spec) {
  const auto scale = seconds_param(spec, "scale", true);
  const NodeView shape_value = spec.require_value("shape");
  const std::optional<double> shape = shape_value.as_double({.min = 0.0});
  if (shape && *shape == 0.0) {
    shape_value.error("expected a positive number, found " + quote(shape_value.text()));
  }
  if (!scale || !shape || *shape == 0.0) return std::nullopt;
  // The largest draw is scale * 2^(53 / shape) (u >= 2^-53).
  if (std::log(*scale) + 53.0 / *shape * std::log(2.0) > std::log(largest_draw_s)) {
    shape_value.error(
        "shape is too small for the scale: the Pareto could draw samples over "
        "10^12 s");
    return std::nullopt;
  }
  return sim::Pareto(*scale, *shape);
}

std::optional<sim::EmpiricalPoint> read_point(const NodeView& item) {
  const std::optional<sim::Duration> value =
      item.require_value("value").as_duration({.max = longest_parameter});
  const std::optional<double> cumulative = item.require_value("cumulative").as_fraction();
  if (!value || !cumulative) return std::nullopt;
  return sim::EmpiricalPoint{sim::to_seconds(*value), *cumulative};
}

std::optional<sim::Distribution> read_empirical(const NodeView& spec) {
  const NodeView list = spec.require_value("points");
  const std::vector<NodeView> items = spec.items("points");
  if (items.empty() && (list.is_sequence() || list.is_null())) {
    spec.error("points", "an empirical distribution needs at least one point");
  }
  std::vector<sim::EmpiricalPoint> points;
  bool ok = !items.empty();
  for (const NodeView& item : items) {
    const std::optional<sim::EmpiricalPoint> point = read_point(item);
    const bool after_valid = ok && !points.empty();  // compare only with a valid previous point
    if (!point) {
      ok = false;
    } else if (after_valid && point->value < points.back().value) {
      item.error("value", "values must not decrease (the previous point's value is larger)");
      ok = false;
    } else if (after_valid && point->cumulative < points.back().cumulative) {
      item.error("cumulative", "cumulative probabilities must not decrease");
      ok = false;
    }
    if (point) points.push_back(*point);
  }
  if (ok && points.back().cumulative != 1.0) {
    items.back().error("cumulative", "the last point's cumulative probability must be 100%");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return sim::Empirical(points);
}

std::optional<sim::Distribution> read_kind(const NodeView& spec, Kind kind) {
  switch (kind) {
    case Kind::constant:
      if (const auto v = seconds_param(spec, "value", false)) return sim::Constant(*v);
      return std::nullopt;
    case Kind::exponential:
      if (const auto mean = seconds_param(spec, "mean", true)) return sim::Exponential(*mean);
      return std::nullopt;
    case Kind::lognormal:
      return read_lognormal(spec);
    case Kind::normal: {
      const auto mean = seconds_param(spec, "mean", false);
      const auto stddev = seconds_param(spec, "stddev", false);
      if (mean && stddev) return sim::Normal(*mean, *stddev);
      return std::nullopt;
    }
    case Kind::uniform:
      return read_uniform(spec);
    case Kind::pareto:
      return read_pareto(spec);
    case Kind::empirical:
      return read_empirical(spec);
  }
  return std::nullopt;
}

}  // namespace

bool read_time_distribution(const NodeView& map, std::string_view key, sim::Distribution& out) {
  const NodeView value = map.value(key);
  if (!value.present()) {
    if (value.records_default()) value.note_default(time_distribution_text(out));
    return true;
  }
  if (value.is_scalar()) {  // a bare duration: a constant
    const std::optional<sim::Duration> d = value.as_duration({.max = longest_parameter});
    if (d) out = sim::Constant(sim::to_seconds(*d));
    return d.has_value();
  }
  if (!value.is_mapping()) {
    value.error(std::string("expected a duration like 40ms or a mapping like {distribution: "
                            "exponential, mean: 40ms}, found ") +
                (value.is_null() ? "an empty value" : "a sequence"));
    return false;
  }
  const NodeView spec = map.child(key);
  const std::optional<std::size_t> kind = spec.require_value("distribution").as_choice(kind_names);
  if (!kind) {
    for (const std::string_view k : parameter_keys) (void)spec.has(k);
    return false;
  }
  std::optional<sim::Distribution> read = read_kind(spec, static_cast<Kind>(*kind));
  if (!read) return false;
  out = std::move(*read);
  return true;
}

}  // namespace b24::scenarios::detail

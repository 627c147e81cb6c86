// `checks:` (issue 6): the figure list, the expression grammar (scenarios/check.hpp) and the
// reading of the section with the checks that need the scenario (applicability, DC names).

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "scenarios/check.hpp"
#include "scenarios/scenario_sections.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/units.hpp"

namespace b24::scenarios {
namespace {

constexpr std::uint8_t web = feature_web_tier;
constexpr std::uint8_t platform = feature_platform;
constexpr std::uint8_t storage = feature_storage;
using U = FigureUnit;

// scenarios/README.md "checks" documents each row; cli/checks.cpp maps each onto the summary.
constexpr std::array figures{
    CheckFigure{"availability", U::percent, web | platform, 0, "dc", "requests served / arrived"},
    CheckFigure{"requests_failed", U::count, web | platform, 0, "dc", "requests failed"},
    CheckFigure{"p50_latency", U::milliseconds, web | platform, 0, "", "median latency"},
    CheckFigure{"p99_latency", U::milliseconds, web | platform, 0, "dc", "99th percentile latency"},
    CheckFigure{"slo_violation_minutes", U::count, web | platform, 0, "dc",
                "minutes outside the SLO"},
    CheckFigure{"peak_nodes", U::count, web | platform, 0, "dc", "most nodes in service"},
    CheckFigure{"node_hours", U::count, web | platform, 0, "dc", "node-hours used"},
    CheckFigure{"cost", U::usd, web | platform, 0, "dc", "node cost over the run"},
    CheckFigure{"cost_per_month", U::usd, web | platform, 0, "dc", "node cost scaled to 30 days"},
    CheckFigure{"cost_per_tenant_month", U::usd, platform, 0, "plan|cohort",
                "node cost per tenant over 30 days", true},
    CheckFigure{"residency_violations", U::count, platform, 0, "", "cohorts placed unlawfully"},
    CheckFigure{"cohort_moves", U::count, platform, 0, "", "cohort moves"},
    CheckFigure{"writes_at_risk", U::count, platform, 0, "", "committed writes at risk"},
    CheckFigure{"writes_lost", U::count, platform, 0, "", "committed writes lost"},
    CheckFigure{"writes_conflicting", U::count, platform, 0, "", "conflicting writes"},
    CheckFigure{"max_replication_lag", U::seconds, platform, 0, "", "largest replication lag"},
    CheckFigure{"failover_time", U::seconds, platform, 0, "dc", "failure until served elsewhere"},
    CheckFigure{"calls_failed", U::count, platform, feature_calls, "", "calls that failed"},
    CheckFigure{"calls_dropped", U::count, platform, feature_calls, "", "calls dropped"},
    CheckFigure{"call_setup_p99", U::milliseconds, platform, feature_calls, "",
                "99th percentile call set-up"},
    CheckFigure{"relayed_share", U::percent, platform, feature_calls, "",
                "share of call pairs relayed"},
    CheckFigure{"phone_blocked", U::count, platform, feature_calls, "", "phone calls blocked"},
    CheckFigure{"deploy_failed_requests", U::count, web | platform, feature_deploy, "",
                "requests failed during deploys"},
    CheckFigure{"deploy_duration", U::seconds, web | platform, feature_deploy, "",
                "first deploy start to last deploy end"},
    CheckFigure{"upload_p99_latency", U::milliseconds, storage, 0, "",
                "99th percentile upload ack"},
    CheckFigure{"objects_lost", U::count, storage, 0, "", "objects lost"},
    CheckFigure{"durability_nines", U::nines, storage, 0, "", "implied annual durability"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// The leading identifier of `s`, removed from it.
std::string_view take_name(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && is_name_char(s[n])) ++n;
  const std::string_view name = s.substr(0, n);
  s.remove_prefix(n);
  s = trim(s);
  return name;
}

std::optional<CheckOp> take_op(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, CheckOp>, 6> ops{{
      {"<=", CheckOp::less_equal},
      {">=", CheckOp::greater_equal},
      {"==", CheckOp::equal},
      {"!=", CheckOp::not_equal},
      {"<", CheckOp::less},
      {">", CheckOp::greater},
  }};
  for (const auto& [symbol, op] : ops) {
    if (s.starts_with(symbol)) {
      s = trim(s.substr(symbol.size()));
      return op;
    }
  }
  return std::nullopt;
}

// A plain decimal number at the start of `s` (no inf, nan or hex), removed from it.
std::optional<double> take_number(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && (std::isdigit(static_cast<unsigned char>(s[n])) || s[n] == '.' ||
                          s[n] == '-' || s[n] == '+' || s[n] == 'e' || s[n] == 'E')) {
    ++n;
  }
  double v = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + n, v);
  if (ec != std::errc{} || end == s.data() || !std::isfinite(v)) return std::nullopt;
  s = trim(s.substr(static_cast<std::size_t>(end - s.data())));
  return v;
}

// The threshold in the figure's unit, or the message saying what was expected.
Parsed<double> parse_threshold(std::string_view text, FigureUnit unit) {
  const std::string found = "found " + quote(text) + ", expected ";
  if (unit == U::milliseconds || unit == U::seconds) {
    const Parsed<sim::Duration> d = parse_duration(text);
    if (!d.value) return Parsed<double>::fail("threshold: " + d.error);
    // Divided once, from whole microseconds: "84ms" is exactly 84, not 84 x 0.001 x 1000.
    const double us = static_cast<double>(
        std::chrono::duration_cast<std::chrono::microseconds>(*d.value).count());
    return Parsed<double>::ok(unit == U::milliseconds ? us / 1e3 : us / 1e6);
  }
  std::string_view rest = text;
  const std::optional<double> v = take_number(rest);
  const std::string_view want = unit_symbol(unit);
  const std::string shape = unit == U::count   ? "a plain number"
                            : unit == U::nines ? "a number of nines (\"9\" or \"9 nines\")"
                                               : "a number with unit " + std::string(want) +
                                                     " (\"12 " + std::string(want) + "\")";
  if (!v) return Parsed<double>::fail("threshold: " + found + shape);
  const bool unit_ok =
      rest == want || (unit == U::nines && rest.empty()) || (unit == U::count && rest.empty());
  if (!unit_ok) return Parsed<double>::fail("threshold: " + found + shape);
  return Parsed<double>::ok(*v);
}

// Whether `key` is one of `keys` ("dc", "plan|cohort").
bool takes_key(std::string_view keys, std::string_view key) {
  for (;;) {
    const std::size_t bar = keys.find('|');
    if (keys.substr(0, bar) == key) return true;
    if (bar == std::string_view::npos) return false;
    keys.remove_prefix(bar + 1);
  }
}

// "'p99_latency(dc: <name>)'", or each form joined by " or ".
std::string argument_forms(std::string_view figure, std::string_view keys) {
  std::string out;
  for (;;) {
    const std::size_t bar = keys.find('|');
    out += (out.empty() ? "'" : " or '") + std::string(figure) + "(" +
           std::string(keys.substr(0, bar)) + ": <name>)'";
    if (bar == std::string_view::npos) return out;
    keys.remove_prefix(bar + 1);
  }
}

// "(<key>: <name>)" after the figure's name, into check.argument_key and check.argument; an empty
// string when it parsed (or was absent and may be), else the message.
std::string take_argument(std::string_view& s, std::string_view written, const CheckFigure& figure,
                          Check& check) {
  const std::string forms = argument_forms(figure.name, figure.argument);
  if (!s.starts_with('(')) {
    return figure.argument_required ? quote(figure.name) + " needs an argument: " + forms : "";
  }
  if (figure.argument.empty()) return quote(figure.name) + " takes no argument";
  s = trim(s.substr(1));
  const std::string_view key = take_name(s);
  if (!takes_key(figure.argument, key) || !s.starts_with(':')) {
    return "found " + quote(written) + ", expected " + forms;
  }
  s = trim(s.substr(1));
  check.argument_key = std::string(key);
  check.argument = std::string(take_name(s));
  if (check.argument.empty() || !s.starts_with(')')) {
    return "found " + quote(written) + ", expected " + forms;
  }
  s = trim(s.substr(1));
  return {};
}

std::string figure_names() {
  std::string all;
  for (const CheckFigure& f : figures) all += (all.empty() ? "" : ", ") + std::string(f.name);
  return all;
}

}  // namespace

std::span<const CheckFigure> check_figures() {
  return figures;
}

const CheckFigure* find_check_figure(std::string_view name) {
  for (const CheckFigure& f : figures) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string_view unit_symbol(FigureUnit unit) {
  switch (unit) {
    case U::percent:
      return "%";
    case U::milliseconds:
      return "ms";
    case U::seconds:
      return "s";
    case U::usd:
      return "USD";
    case U::count:
      return "";
    case U::nines:
      return "nines";
  }
  return "";
}

std::string_view op_symbol(CheckOp op) {
  switch (op) {
    case CheckOp::less:
      return "<";
    case CheckOp::less_equal:
      return "<=";
    case CheckOp::greater:
      return ">";
    case CheckOp::greater_equal:
      return ">=";
    case CheckOp::equal:
      return "==";
    case CheckOp::not_equal:
      return "!=";
  }
  return "?";
}

bool compare(double measured, CheckOp op, double threshold) {
  switch (op) {
    case CheckOp::less:
      return measured < threshold;
    case CheckOp::less_equal:
      return measured <= threshold;
    case CheckOp::greater:
      return measured > threshold;
    case CheckOp::greater_equal:
      return measured >= threshold;
    case CheckOp::equal:
      return measured == threshold;
    case CheckOp::not_equal:
      return measured != threshold;
  }
  return false;
}

CheckParse parse_check(std::string_view text) {
  const std::string_view written = trim(text);
  std::string_view s = written;
  const auto fail = [](std::string message) {
    return CheckParse{std::nullopt, std::move(message)};
  };
  const std::string_view name = take_name(s);
  if (name.empty()) {
    return fail("found " + quote(written) +
                ", expected '<figure>[(<arg>: <value>)] <op> <value>[ unit]'");
  }
  const CheckFigure* figure = find_check_figure(name);
  if (!figure) {
    std::vector<std::string_view> names;
    for (const CheckFigure& f : figures) names.push_back(f.name);
    const std::optional<std::string> near = closest_match(name, std::span(names));
    return fail(
        "unknown figure " + quote(name) +
        (near ? ", did you mean " + quote(*near) + "?" : "; expected one of " + figure_names()));
  }
  Check check;
  check.expression = std::string(written);
  check.figure = std::string(figure->name);
  check.unit = figure->unit;
  if (std::string error = take_argument(s, written, *figure, check); !error.empty()) {
    return fail(std::move(error));
  }
  const std::optional<CheckOp> op = take_op(s);
  if (!op) {
    return fail("found " + quote(written) + ", expected an operator (< <= > >= == !=) after " +
                quote(name));
  }
  check.op = *op;
  const Parsed<double> threshold = parse_threshold(s, figure->unit);
  if (!threshold.value) return fail(threshold.error);
  check.threshold = *threshold.value;
  return CheckParse{std::move(check), {}};
}

namespace detail {
namespace {

// The kind of scenario a figure applies to, for the message.
std::string applies_to(const CheckFigure& f) {
  std::string kinds;
  if (f.kinds & feature_web_tier) kinds += "single-DC";
  if (f.kinds & feature_platform) kinds += std::string(kinds.empty() ? "" : " and ") + "platform";
  if (f.kinds & feature_storage) kinds += std::string(kinds.empty() ? "" : " and ") + "storage";
  std::string needs;
  if (f.needs & feature_calls) needs = " with calls:";
  if (f.needs & feature_deploy) needs = " with deploy:";
  return kinds + " scenarios" + needs;
}

// The plan of (plan: <name>): some cohort has it, and one of those counts tenants (else the
// figure could only measure as missing, and a run would fail the check for a loader's reason).
bool plan_counted(const NodeView& item, const std::string& plan,
                  std::span<const models::CohortParams> cohorts) {
  std::vector<std::string> plans;
  bool found = false;
  for (const models::CohortParams& c : cohorts) {
    if (c.plan == plan) {
      found = true;
      if (c.tenants > 0) return true;
    }
    if (std::find(plans.begin(), plans.end(), c.plan) == plans.end()) plans.push_back(c.plan);
  }
  if (found) {
    item.error("plan " + quote(plan) +
               " counts no tenants: write tenants: (how many accounts a cohort stands for) on "
               "its cohorts");
  } else if (const std::optional<std::string> near = closest_match(plan, plans)) {
    item.error("no cohort has plan " + quote(plan) + " (did you mean " + quote(*near) + "?)");
  } else {
    std::string all;
    for (const std::string& p : plans) all += (all.empty() ? "" : ", ") + p;
    item.error("no cohort has plan " + quote(plan) + ": the cohorts' plans are " + all);
  }
  return false;
}

// The cohort of (cohort: <name>): it exists and counts tenants.
bool cohort_counted(const NodeView& item, const std::string& name,
                    std::span<const models::CohortParams> cohorts) {
  std::vector<std::string> names;
  for (const models::CohortParams& c : cohorts) {
    if (c.name != name) {
      names.push_back(c.name);
      continue;
    }
    if (c.tenants > 0) return true;
    item.error("cohort " + quote(name) +
               " counts no tenants: write its tenants: (how many accounts it stands for)");
    return false;
  }
  std::string message = "unknown cohort " + quote(name);
  if (const std::optional<std::string> near = closest_match(name, names)) {
    message += " (did you mean " + quote(*near) + "?)";
  } else {
    message += ": no cohort of this name";
  }
  item.error(std::move(message));
  return false;
}

// The argument names something the scenario has (a DC, a plan, a cohort); else reported.
bool argument_known(const NodeView& item, const Check& check, const PlatformNames* names,
                    std::span<const models::CohortParams> cohorts) {
  if (check.argument_key == "plan") return plan_counted(item, check.argument, cohorts);
  if (check.argument_key == "cohort") return cohort_counted(item, check.argument, cohorts);
  if (!names) {
    item.error(quote(check.figure) + ": (dc: ...) applies only to platform scenarios");
    return false;
  }
  return names->dc_named(item, check.argument).has_value();
}

}  // namespace

void read_checks(const NodeView& root, std::uint8_t features, const PlatformNames* names,
                 std::span<const models::CohortParams> cohorts, std::vector<Check>& out) {
  std::set<std::string, std::less<>> seen;
  for (const NodeView& item : root.items("checks")) {
    if (item.is_mapping()) {
      // An unquoted "p99_latency(dc: fra) < 800ms" is a YAML mapping (": " makes a key).
      (void)item.entries();  // its "keys" are not unknown keys: one error is enough
      item.error(
          "found a mapping, expected a check; quote a check with an argument: - "
          "\"p99_latency(dc: fra) < 800ms\"");
      continue;
    }
    const std::optional<std::string> text = item.as_string({.allow_empty = false});
    if (!text) continue;
    CheckParse parsed = parse_check(*text);
    if (!parsed.check) {
      item.error(parsed.error);
      continue;
    }
    const CheckFigure& f = *find_check_figure(parsed.check->figure);
    if ((f.kinds & features) == 0 || (f.needs & features) != f.needs) {
      item.error(quote(f.name) + " applies only to " + applies_to(f));
      continue;
    }
    if (!parsed.check->argument.empty() && !argument_known(item, *parsed.check, names, cohorts)) {
      continue;
    }
    if (!seen.insert(parsed.check->expression).second) {
      item.error("duplicate check " + quote(parsed.check->expression));
      continue;
    }
    out.push_back(std::move(*parsed.check));
  }
}

}  // namespace detail
}  // namespace b24::scenarios

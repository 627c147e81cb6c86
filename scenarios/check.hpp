#pragma once
// `checks:` of a scenario (issue 6): assertions over the run's headline figures, written
//
//   <figure>[(<key>: <name>)] <op> <number>[ unit]        ops: <  <=  >  >=  ==  !=
//
// e.g. "availability >= 99.95%", "p99_latency(dc: fra) < 800ms", "cost_per_month < 12000 USD",
// "cost_per_tenant_month(plan: free) < 0.50 USD".
// The figures are a fixed, documented list (scenarios/README.md "checks"); each has one unit, the
// kinds of scenario it applies to and an optional argument. The loader parses and validates a
// check (figure, argument, unit, that the figure applies to this scenario); cli/checks.hpp
// evaluates it against the run's summary.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace b24::scenarios {

// The unit a figure is measured and compared in. A threshold must be written in a unit of the
// same dimension: a percentage with '%', a time with a duration unit (converted), money with USD.
enum class FigureUnit : std::uint8_t { percent, milliseconds, seconds, usd, count, nines };

// What a scenario has; a figure lists what it needs (all of the bits of `needs`, and a kind).
enum ScenarioFeature : std::uint8_t {
  feature_web_tier = 1,  // a single-DC scenario (issue 3)
  feature_platform = 2,  // a platform scenario (issue 4: `topology:`)
  feature_storage = 4,   // a storage scenario (issue 5: `storage:`)
  feature_calls = 8,     // a platform scenario with `calls:`
  feature_deploy = 16    // a scenario with `deploy:`
};

struct CheckFigure {
  std::string_view name;
  FigureUnit unit;
  std::uint8_t kinds;  // feature bits of which one must be present (web/platform/storage)
  std::uint8_t needs;  // feature bits that must all be present (calls, deploy), or 0
  // The keys the figure takes in parentheses, '|' between alternatives: "dc" for (dc: <name>),
  // "plan|cohort" for (plan: <name>) or (cohort: <name>); empty: none.
  std::string_view argument;
  std::string_view meaning;        // one line, for messages
  bool argument_required = false;  // the figure has no whole-run value
};

// Every figure a check may name, in the order scenarios/README.md documents them.
[[nodiscard]] std::span<const CheckFigure> check_figures();
[[nodiscard]] const CheckFigure* find_check_figure(std::string_view name);
// The unit as a threshold is printed: "%", "ms", "s", "USD", "" (count), "nines".
[[nodiscard]] std::string_view unit_symbol(FigureUnit unit);

enum class CheckOp : std::uint8_t { less, less_equal, greater, greater_equal, equal, not_equal };
[[nodiscard]] std::string_view op_symbol(CheckOp op);
[[nodiscard]] bool compare(double measured, CheckOp op, double threshold);

struct Check {
  std::string expression;    // as written, trimmed: the check's name in reports
  std::string figure;        // one of check_figures()
  std::string argument_key;  // "dc", "plan" or "cohort" when an argument is written, else empty
  std::string argument;      // the argument's <name>, else empty
  CheckOp op = CheckOp::less;
  double threshold = 0.0;  // in the figure's unit
  FigureUnit unit = FigureUnit::count;
};

// Parses one expression; the error says what was found and what was expected. Does not check
// that the figure applies to a scenario or that a DC, plan or cohort exists (the loader does).
struct CheckParse {
  std::optional<Check> check;
  std::string error;
};
[[nodiscard]] CheckParse parse_check(std::string_view text);

}  // namespace b24::scenarios

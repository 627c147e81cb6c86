#pragma once
// Which summary figures `b24sim compare` shows first and how it names them: the headline an
// architect asks about (availability, failures, latency, SLO minutes, capacity and cost, data
// at risk, residency), then, in compare.json and with --all, every other numeric figure.

#include <span>
#include <string>
#include <string_view>

namespace b24::reports {

struct HeadlineFigure {
  std::string_view key;    // the flattened summary key (run.sqlite `summary`)
  std::string_view label;  // what the table calls it, with its unit
};

// In display order. A run type lists only the keys its summary holds (a single-DC run has no
// writes, a storage run no latency); figures no run has are skipped.
[[nodiscard]] std::span<const HeadlineFigure> headline_figures();

// The label of a headline key, or the key itself.
[[nodiscard]] std::string figure_label(std::string_view key);
[[nodiscard]] bool is_headline(std::string_view key);

// Whether a numeric summary key is a figure to compare: not the `run.` block (identity: seed,
// events, simulated length) and not the `checks.` block (thresholds and verdicts, whose
// measured values are figures compared under their own keys already).
[[nodiscard]] bool is_comparable_key(std::string_view key);

}  // namespace b24::reports

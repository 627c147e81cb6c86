#include "reports/compare_figures.hpp"

#include <algorithm>
#include <array>

namespace b24::reports {
namespace {

// Keys from reports/README.md, "summary.json": single-DC and platform runs share the first
// ones; writes and residency are platform figures; the last ones belong to calls and storage.
constexpr std::array headline{
    HeadlineFigure{"availability_pct", "availability (%)"},
    HeadlineFigure{"requests.failed", "requests failed"},
    HeadlineFigure{"latency.p50_ms", "p50 latency (ms)"},
    HeadlineFigure{"latency.p99_ms", "p99 latency (ms)"},
    HeadlineFigure{"slo_violation_minutes", "SLO-violation minutes"},
    HeadlineFigure{"nodes.node_hours", "node-hours"},
    HeadlineFigure{"nodes.cost_usd", "cost (USD)"},
    HeadlineFigure{"writes.at_risk", "writes at risk"},
    HeadlineFigure{"writes.lost", "writes lost"},
    HeadlineFigure{"placement.residency_violations", "residency violations"},
    HeadlineFigure{"calls.failed", "calls failed"},
    HeadlineFigure{"calls.setup_p99_ms", "call setup p99 (ms)"},
    HeadlineFigure{"storage.ack_latency.p99_ms", "upload ack p99 (ms)"},
    HeadlineFigure{"storage.objects.lost", "objects lost"},
    HeadlineFigure{"storage.durability.implied_nines", "durability (nines)"},
};

const HeadlineFigure* find_headline(std::string_view key) {
  const auto* it = std::find_if(headline.begin(), headline.end(),
                                [&](const HeadlineFigure& f) { return f.key == key; });
  return it == headline.end() ? nullptr : it;
}

}  // namespace

std::span<const HeadlineFigure> headline_figures() {
  return headline;
}

std::string figure_label(std::string_view key) {
  const HeadlineFigure* f = find_headline(key);
  return std::string(f != nullptr ? f->label : key);
}

bool is_headline(std::string_view key) {
  return find_headline(key) != nullptr;
}

bool is_comparable_key(std::string_view key) {
  return !key.starts_with("run.") && !key.starts_with("checks.");
}

}  // namespace b24::reports

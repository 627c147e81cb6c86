// The headline: what an architect reads first. Each card shows one figure of the summary that
// the run actually wrote (single-DC, platform and storage runs write different ones), coloured
// against the scenario's SLO where there is one to compare with, then the checks' verdicts and
// every summary figure.

#include <cmath>
#include <optional>

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

enum class Verdict { none, ok, warn, bad };

struct Card {
  std::string label;
  std::string value;
  std::string note;
  Verdict verdict = Verdict::none;
};

const char* css_of(Verdict v) {
  switch (v) {
    case Verdict::ok:
      return " ok";
    case Verdict::warn:
      return " warn";
    case Verdict::bad:
      return " bad";
    case Verdict::none:
      break;
  }
  return "";
}

// Figures read as a person writes them: counts grouped, small values with a few decimals.
std::string figure(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::abs(v) >= 1e15) return compact(v, 0);
  if (v == std::floor(v) && std::abs(v) >= 1000) return grouped(static_cast<std::int64_t>(v));
  if (std::abs(v) >= 100) return fixed(v, 1);
  if (std::abs(v) >= 1) return compact(v, 2);
  return compact(v, 4);
}

Verdict zero_is_ok(double v, Verdict otherwise) {
  return v == 0.0 ? Verdict::ok : otherwise;
}

void request_cards(const ReportContext& ctx, std::vector<Card>& cards) {
  const RunData& r = ctx.run;
  const std::optional<double> budget = ctx.slo_max_error_rate;
  if (const auto a = r.summary_number("availability_pct")) {
    Card c{"Availability", fixed(*a, 4) + " %", "", Verdict::none};
    if (budget) {
      const double target = 100.0 * (1.0 - *budget);
      c.note = "SLO: at least " + compact(target, 4) + " %";
      c.verdict = *a >= target ? Verdict::ok : Verdict::bad;
    }
    cards.push_back(c);
  }
  const auto failed = r.summary_number("requests.failed");
  const auto arrived = r.summary_number("requests.arrived");
  if (failed && arrived) {
    const double rate = *arrived > 0 ? *failed / *arrived : 0.0;
    Card c{"Requests failed", figure(*failed),
           "of " + figure(*arrived) + " (" + compact(100.0 * rate, 4) + " %)", Verdict::none};
    if (budget) c.verdict = rate <= *budget ? Verdict::ok : Verdict::bad;
    cards.push_back(c);
  }
  if (const auto p99 = r.summary_number("latency.p99_ms")) {
    Card c{"p99 latency", fixed(*p99, 1) + " ms", "", Verdict::none};
    if (ctx.slo_p99_ms) {
      c.note = "SLO: at most " + compact(*ctx.slo_p99_ms, 1) + " ms";
      c.verdict = *p99 <= *ctx.slo_p99_ms ? Verdict::ok : Verdict::bad;
    }
    cards.push_back(c);
  }
  if (const auto m = r.summary_number("slo_violation_minutes")) {
    cards.push_back({"SLO-violation minutes", figure(*m), "minutes over the p99 or error budget",
                     zero_is_ok(*m, Verdict::bad)});
  }
}

void capacity_cards(const ReportContext& ctx, std::vector<Card>& cards) {
  const RunData& r = ctx.run;
  const auto hours_used = r.summary_number("nodes.node_hours");
  const auto cost = r.summary_number("nodes.cost_usd");
  if (hours_used) {
    std::optional<double> peak = r.summary_number("nodes.peak_in_service");
    std::string note = peak ? "peak " + figure(*peak) + " nodes" : "";
    if (!peak && (peak = r.summary_number("nodes.sum_of_dc_peaks"))) {
      note = "sum of DC peaks " + figure(*peak) + " nodes";
    }
    cards.push_back({"Node-hours", fixed(*hours_used, 1), note, Verdict::none});
  }
  if (cost) cards.push_back({"Cost", fixed(*cost, 2) + " USD", "web tier nodes", Verdict::none});
  if (const auto risk = r.summary_number("writes.at_risk")) {
    cards.push_back({"Writes at risk", figure(*risk), "committed, not yet replicated at a failure",
                     zero_is_ok(std::round(*risk), Verdict::warn)});
  }
  if (const auto lost = r.summary_number("writes.lost")) {
    cards.push_back({"Writes lost", figure(*lost), "", zero_is_ok(*lost, Verdict::bad)});
  }
  if (const auto v = r.summary_number("placement.residency_violations")) {
    cards.push_back({"Residency violations", figure(*v), "tenants served outside their law",
                     zero_is_ok(*v, Verdict::bad)});
  }
  if (const auto moves = r.summary_number("placement.cohort_moves")) {
    const auto back = r.summary_number("placement.failbacks");
    cards.push_back(
        {"Cohort moves", figure(*moves), back ? figure(*back) + " failbacks" : "", Verdict::none});
  }
}

// One card per DC failure (failovers.<dc>.*): how long until its tenants were served again.
void failover_cards(const ReportContext& ctx, std::vector<Card>& cards) {
  for (const auto& [key, value] : ctx.run.summary()) {
    if (!key.starts_with("failovers.") || !key.ends_with(".failover_time_s")) continue;
    const std::string dc = key.substr(10, key.size() - 10 - 16);
    const auto t = ctx.run.summary_number(key);
    const auto detect = ctx.run.summary_number("failovers." + dc + ".detection_s");
    const auto failed = ctx.run.summary_number("failovers." + dc + ".requests_failed");
    std::string note = detect ? "detected after " + fixed(*detect, 1) + " s" : "";
    if (failed) note += (note.empty() ? "" : "; ") + figure(*failed) + " requests failed";
    const bool never = !t || *t < 0;
    cards.push_back({"Failover " + dc, never ? "not served" : fixed(*t, 1) + " s", note,
                     never ? Verdict::bad : Verdict::none});
  }
}

void calls_cards(const ReportContext& ctx, std::vector<Card>& cards) {
  const RunData& r = ctx.run;
  const auto started = r.summary_number("calls.started");
  if (!started) return;
  const auto failed = r.summary_number("calls.failed").value_or(0.0);
  cards.push_back({"Calls failed", figure(failed), "of " + figure(*started) + " started",
                   zero_is_ok(failed, Verdict::bad)});
  if (const auto share = r.summary_number("calls.relayed_share")) {
    const auto expected = r.summary_number("calls.expected_relay_share");
    cards.push_back({"Calls relayed", compact(100.0 * *share, 1) + " %",
                     expected ? "of pairs; expected " + compact(100.0 * *expected, 1) + " %" : "",
                     Verdict::none});
  }
  if (const auto dropped = r.summary_number("calls.dropped")) {
    cards.push_back({"Calls dropped", figure(*dropped), "", zero_is_ok(*dropped, Verdict::warn)});
  }
}

void storage_cards(const ReportContext& ctx, std::vector<Card>& cards) {
  const RunData& r = ctx.run;
  if (const auto lost = r.summary_number("storage.objects.lost")) {
    const auto stored = r.summary_number("storage.objects.stored_at_end");
    cards.push_back({"Objects lost", figure(*lost), stored ? "of " + figure(*stored) : "",
                     zero_is_ok(*lost, Verdict::bad)});
  }
  if (const auto nines = r.summary_number("storage.durability.implied_nines")) {
    const auto design = r.summary_number("storage.durability.design_nines");
    const auto meets = r.summary_number("storage.durability.meets_design");
    cards.push_back({"Durability", *nines < 0 ? "infinite" : compact(*nines, 2) + " nines",
                     design ? "per year; design " + compact(*design, 2) + " nines" : "per year",
                     meets ? (*meets != 0.0 ? Verdict::ok : Verdict::bad) : Verdict::none});
  }
  if (const auto p99 = r.summary_number("storage.ack_latency.p99_ms")) {
    cards.push_back({"Upload ack p99", fixed(*p99, 1) + " ms", "", Verdict::none});
  }
  if (const auto f = r.summary_number("storage.devices.failures")) {
    const auto bytes = r.summary_number("storage.devices.repair_traffic_bytes");
    cards.push_back({"Device failures", figure(*f),
                     bytes ? fixed(*bytes / 1e12, 2) + " TB re-replicated" : "", Verdict::none});
  }
}

void checks_card(const ReportContext& ctx, std::vector<Card>& cards) {
  const auto passed = ctx.run.summary_number("checks.passed");
  const auto failed = ctx.run.summary_number("checks.failed");
  if (!passed || !failed) return;
  cards.push_back({"Checks", figure(*passed) + " of " + figure(*passed + *failed) + " passed",
                   *failed > 0 ? figure(*failed) + " failed" : "the scenario's assertions",
                   *failed > 0 ? Verdict::bad : Verdict::ok});
}

std::string render_cards(const std::vector<Card>& cards) {
  std::string out = "<div class=\"cards\">";
  for (const Card& c : cards) {
    out += "<div class=\"card" + std::string(css_of(c.verdict)) + "\"><div class=\"label\">" +
           escape(c.label) + "</div><div class=\"value\">" + escape(c.value) + "</div>";
    if (!c.note.empty()) out += "<div class=\"note\">" + escape(c.note) + "</div>";
    out += "</div>";
  }
  return out + "</div>\n";
}

std::string value_text(const SummaryValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return grouped(*i);
  if (const auto* d = std::get_if<double>(&v)) return compact(*d, 6);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return "null";
}

std::string checks_table(const ReportContext& ctx) {
  std::string rows;
  for (int i = 1;; ++i) {
    const std::string base = "checks." + std::to_string(i) + ".";
    const auto expression = ctx.run.summary_text(base + "expression");
    if (!expression) break;
    const SummaryValue* measured = ctx.run.summary_value(base + "measured");
    const std::string unit = ctx.run.summary_text(base + "unit").value_or("");
    const bool pass = ctx.run.summary_text(base + "verdict").value_or("") == "pass";
    rows += "<tr><td><code>" + escape(*expression) + "</code></td><td class=\"num\">" +
            escape(measured ? value_text(*measured) : "missing") + " " + escape(unit) +
            "</td><td class=\"" + (pass ? "pass\">pass" : "fail\">FAIL") + "</td></tr>";
  }
  if (rows.empty()) return "";
  return "<h3>Checks</h3><div class=\"scroll\"><table><tr><th>check</th><th class=\"num\">"
         "measured</th><th>verdict</th></tr>" +
         rows + "</table></div>\n";
}

std::string summary_table(const ReportContext& ctx) {
  std::string rows;
  for (const auto& [key, value] : ctx.run.summary()) {
    rows += "<tr><td>" + escape(key) + "</td><td class=\"num\">" + escape(value_text(value)) +
            "</td></tr>";
  }
  return "<details><summary>Every summary figure (" + std::to_string(ctx.run.summary().size()) +
         ", as in summary.json)</summary><div class=\"scroll\"><table><tr><th>key</th>"
         "<th class=\"num\">value</th></tr>" +
         rows + "</table></div></details>\n";
}

}  // namespace

Section headline_section(const ReportContext& ctx) {
  std::vector<Card> cards;
  if (ctx.kind == RunKind::storage) {
    storage_cards(ctx, cards);
  } else {
    request_cards(ctx, cards);
    capacity_cards(ctx, cards);
    failover_cards(ctx, cards);
    calls_cards(ctx, cards);
  }
  checks_card(ctx, cards);
  std::string body = render_cards(cards);
  if (!ctx.slo_p99_ms && ctx.kind != RunKind::storage) {
    body += "<p class=\"muted\">This run recorded no SLO, so no figure is coloured against it.</p>";
  }
  body += checks_table(ctx) + summary_table(ctx);
  return Section{"headline", "Headline", body};
}

}  // namespace b24::reports::html

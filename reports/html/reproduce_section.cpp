// Everything needed to run the same simulation again and check it is the same: the command,
// seed, version, hashes, and the scenario as it was resolved (includes and overrides applied),
// with the files it was built from.

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"

namespace b24::reports::html {
namespace {

std::string facts_table(const ReportContext& ctx) {
  const RunData& r = ctx.run;
  std::string rows;
  const auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) {
      rows +=
          "<tr><th>" + std::string(label) + "</th><td><code>" + escape(value) + "</code></td></tr>";
    }
  };
  row("scenario", r.meta("scenario_name"));
  row("scenario file", r.meta("scenario_file"));
  row("scenario hash", r.meta("scenario_hash"));
  row("seed", r.meta("seed"));
  row("overrides", r.meta("overrides"));
  row("b24sim version", r.meta("version"));
  row("trace hash", r.meta("trace_hash"));
  row("simulated", sim_time(r.duration_us()));
  if (const auto step = r.meta_integer("sample_step_us")) row("sample step", sim_time(*step));
  if (const auto events = r.summary_number("run.events")) {
    row("events handled", grouped(static_cast<std::int64_t>(*events)));
  }
  return "<div class=\"scroll\"><table>" + rows + "</table></div>\n";
}

// The line `b24sim run` prints as "reproduce: ...".
std::string reproduce_command(const RunData& r) {
  std::string cmd("b24sim run ");
  cmd.append(r.meta("scenario_file")).append(" --seed ").append(r.meta("seed"));
  if (!r.meta("overrides").empty()) cmd.append(" ").append(r.meta("overrides"));
  return cmd;
}

std::string text_block(const std::string& title, const std::string& text, bool open) {
  if (text.empty()) return "";
  return "<details" + std::string(open ? " open" : "") + "><summary>" + escape(title) +
         "</summary><pre>" + escape(text) + "</pre></details>\n";
}

}  // namespace

Section reproduce_section(const ReportContext& ctx) {
  const RunData& r = ctx.run;
  std::string body = facts_table(ctx);
  body +=
      "<p>Reproduce (the same scenario files, seed and version give the same trace hash):</p>"
      "<pre>";
  body.append(escape(reproduce_command(r))).append("</pre>");
  const std::string resolved = r.meta(meta_scenario_resolved);
  if (!resolved.empty()) {
    body += text_block(
        "The scenario as resolved (includes and overrides applied, as b24sim "
        "explain prints it)",
        resolved, true);
    body += text_block("The scenario file as written", r.meta("scenario_text"), false);
  } else {
    body += text_block("The scenario file", r.meta("scenario_text"), true);
  }
  body += text_block("Included files", r.meta("included_text"), false);
  body += text_block("Topology file", r.meta("topology_text"), false);
  return Section{"reproduce", "Reproduce", body};
}

}  // namespace b24::reports::html

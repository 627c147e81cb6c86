// report.html as a whole: the head (viewport for phones, the inline stylesheet), the title,
// the navigation and the sections in reading order.

#include <fstream>
#include <system_error>

#include "reports/html/html_text.hpp"
#include "reports/html/report_sections.hpp"
#include "reports/html/report_style.hpp"
#include "reports/report_error.hpp"
#include "reports/report_html.hpp"
#include "reports/report_meta.hpp"

namespace b24::reports {
namespace {

using html::escape;

std::string run_kind_text(const html::ReportContext& ctx) {
  switch (ctx.kind) {
    case html::RunKind::storage:
      return "object storage run";
    case html::RunKind::platform:
      return "platform run, " + std::to_string(ctx.dc_names.size()) + " data centers";
    case html::RunKind::single_dc:
      break;
  }
  return "single data center run";
}

std::string header(const html::ReportContext& ctx, const std::vector<html::Section>& sections) {
  const html::RunData& r = ctx.run;
  std::string nav = "<nav>";
  for (const html::Section& s : sections) {
    if (!s.body.empty()) nav += "<a href=\"#" + s.id + "\">" + escape(s.title) + "</a>";
  }
  nav += "</nav>\n";
  const std::string description = r.meta(meta_scenario_description);
  return "<h1>" + escape(r.meta("scenario_name")) + "</h1>" +
         (description.empty() ? "" : "<p>" + escape(description) + "</p>") + "<p class=\"sub\">" +
         escape(run_kind_text(ctx)) + "; " + escape(html::sim_time(r.duration_us())) +
         " simulated; seed " + escape(r.meta("seed")) + "; b24sim " + escape(r.meta("version")) +
         "; trace hash <code>" + escape(r.meta("trace_hash")) + "</code></p>\n" + nav;
}

std::string document(const html::ReportContext& ctx) {
  const std::vector<html::Section> sections{
      html::headline_section(ctx),  html::map_section(ctx),
      html::dc_charts_section(ctx), html::replication_section(ctx),
      html::calls_section(ctx),     html::pages_and_deploys_section(ctx),
      html::storage_section(ctx),   html::timeline_section(ctx),
      html::reproduce_section(ctx)};
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"generator\" content=\"b24sim " +
      escape(ctx.run.meta("version")) +
      "\">"
      "<title>b24sim report: " +
      escape(ctx.run.meta("scenario_name")) + "</title><style>" + std::string(html::report_css()) +
      "</style></head>\n<body><main>\n" + header(ctx, sections);
  for (const html::Section& s : sections) {
    if (s.body.empty()) continue;
    out +=
        "<section id=\"" + s.id + "\"><h2>" + escape(s.title) + "</h2>\n" + s.body + "</section>\n";
  }
  return out +
         "<footer class=\"muted\"><p>Rendered by b24sim from run.sqlite alone: every figure "
         "here is in the run database.</p></footer>\n</main></body></html>\n";
}

}  // namespace

std::string render_report_html(const std::filesystem::path& run_dir) {
  const html::RunData data(run_dir);
  const html::ReportContext ctx(data);
  return document(ctx);
}

std::filesystem::path write_report_html(const std::filesystem::path& run_dir) {
  const std::string text = render_report_html(run_dir);
  const std::filesystem::path file = run_dir / report_file_name;
  const std::filesystem::path temporary = run_dir / (std::string(report_file_name) + ".partial");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw ReportError("cannot write " + temporary.string() + " (is the disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw ReportError("cannot write " + file.string() + ": " + ec.message());
  }
  return file;
}

}  // namespace b24::reports

#pragma once
// What `b24sim run` adds to run_meta for the HTML report (reports/report_meta.hpp): the
// scenario as resolved, its SLO, and a platform's DC coordinates and links. The report reads
// only the run database, and reports/ may not include scenarios/, so this glue lives here.

#include "reports/sqlite_recorder.hpp"
#include "scenarios/scenario.hpp"

namespace b24::cli {

void write_report_meta(reports::SqliteRecorder& recorder, const scenarios::Scenario& scenario);

}  // namespace b24::cli

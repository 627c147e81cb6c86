#pragma once
// `b24sim export RUN_DIR [--format csv|jsonl] [--out DIR]`: a run's series, events,
// histograms, summary and metadata as files for pandas, spreadsheets and SQL tools.

namespace CLI {
class App;
}

namespace b24::cli {
void add_export_command(CLI::App& app);
}  // namespace b24::cli

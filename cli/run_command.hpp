#pragma once
// `b24sim run SCENARIO` and `b24sim validate SCENARIO`.

namespace CLI {
class App;
}

namespace b24::cli {
// Exit status for a scenario with errors (file, line, column, key printed on stderr).
inline constexpr int invalid_scenario_status = 2;
void add_run_command(CLI::App& app);
void add_validate_command(CLI::App& app);
}  // namespace b24::cli

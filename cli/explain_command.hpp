#pragma once
// `b24sim explain SCENARIO [--set k=v]...`: the resolved scenario as YAML.

namespace CLI {
class App;
}

namespace b24::cli {
void add_explain_command(CLI::App& app);
}  // namespace b24::cli

#pragma once
// `b24sim schema [--scenarios DIR] [EXTRA.yaml...]`: a JSON Schema of scenario files on stdout.

namespace CLI {
class App;
}

namespace b24::cli {
void add_schema_command(CLI::App& app);
}  // namespace b24::cli

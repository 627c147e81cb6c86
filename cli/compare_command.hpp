#pragma once
// `b24sim compare`: headline figures of runs side by side, with differences, and with 95 %
// confidence intervals where a group holds replications:
//   b24sim compare RUN_A RUN_B [RUN...]                each run its own group
//   b24sim compare -g A1 A2 A3 -g B1 B2 B3 [--out DIR]  each -g a group of replications

namespace CLI {
class App;
}

namespace b24::cli {
void add_compare_command(CLI::App& app);
}  // namespace b24::cli

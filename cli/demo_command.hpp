#pragma once
// `b24sim demo`: the kernel demo, an M/M/c station checked against Erlang C and Little's law.

namespace CLI {
class App;
}

namespace b24::cli {
void add_demo_command(CLI::App& app);
}

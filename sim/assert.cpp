#include "sim/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace b24::sim::detail {

void assert_failed(const char* expr, const char* file, int line, const char* msg) {
  std::fprintf(stderr, "b24: internal invariant broken: %s\n  at %s:%d\n", expr, file, line);
  if (msg != nullptr) std::fprintf(stderr, "  %s\n", msg);
  std::fflush(stderr);
  std::abort();
}

}  // namespace b24::sim::detail

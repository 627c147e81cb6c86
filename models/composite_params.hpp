#pragma once
// The composite site (DOMAIN.md 7, issue 5): which cohorts' pages are composite and what the
// cache and the two parts of a page cost. Plain data, filled in by the scenario loader's
// `composite:` section; models::CompositeSite validates again.

#include <chrono>
#include <string>
#include <vector>

#include "sim/time.hpp"

namespace b24::models {

struct CompositeParams {
  // Names of the cohorts whose page views are composite; the others are served whole by the web
  // tier. Empty: no composite site (and no per-request observer anywhere).
  std::vector<std::string> cohorts;
  // Share of page views whose static shell is in the cache. Assumption: 0.9 (a portal's pages
  // are few and the shell is rewritten only when its checksum changes, DOMAIN.md 7).
  double cache_hit_ratio = 0.9;
  // nginx serving the cached shell from disk: about 20 ms (DOMAIN.md 7, 1C-Bitrix course 39
  // lesson 3252). The client round trip comes on top.
  sim::Duration cache_serve_time = std::chrono::milliseconds{20};
  // CPU of a cache miss (the shell rendered by PHP) and of the dynamic blocks fetched by AJAX,
  // as shares of a whole page's CPU time. Assumption: 0.7 and 0.3, so that a page whose shell
  // missed costs what a whole page costs and a hit saves the shell's 70 %.
  double static_cpu_share = 0.7;
  double dynamic_cpu_share = 0.3;

  [[nodiscard]] bool enabled() const noexcept { return !cohorts.empty(); }
};

}  // namespace b24::models

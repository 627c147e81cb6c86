// Platform: each DC's node cost shared among the cohorts it served, and the cost per tenant
// (PlatformTotals::cohorts and ::plans; scenarios/README.md "cohorts").
//
// Why requests weighted by their kind's CPU share, and not the CPU seconds each request drew:
// within one DC every cohort's requests draw their CPU time from the same distribution (the DC's
// web_node.cpu_time), so the weighted count is the cohort's expected share of the DC's CPU, and
// counting at the load balancer keeps the web node's per-request path and the 24-byte Request
// unchanged. A request that then fails (503, 504) is counted too: the capacity was there for it.

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

#include "models/platform.hpp"
#include "sim/assert.hpp"

namespace b24::models {
namespace {

// The month of the per-month figures: 30 days, as cost_per_month of the checks (cli/checks.cpp).
constexpr double month_s = 30.0 * 86'400.0;

std::optional<double> per_tenant_month(double cost_usd, std::uint64_t tenants, double simulated_s) {
  if (tenants == 0 || simulated_s <= 0.0) return std::nullopt;
  return cost_usd * (month_s / simulated_s) / static_cast<double>(tenants);
}

// The cohorts of each plan added up, plans in order of their first cohort (deterministic).
void add_plans(PlatformTotals& t) {
  std::vector<double> counted_cost;  // parallel to t.plans: the cohorts with tenants only
  for (const CohortCostTotals& c : t.cohorts) {
    auto plan = std::find_if(t.plans.begin(), t.plans.end(),
                             [&](const PlanCostTotals& p) { return p.plan == c.plan; });
    if (plan == t.plans.end()) {
      t.plans.emplace_back().plan = c.plan;
      counted_cost.push_back(0.0);
      plan = std::prev(t.plans.end());
    }
    const auto index = static_cast<std::size_t>(plan - t.plans.begin());
    ++plan->cohorts;
    plan->cost_usd += c.cost_usd;
    if (c.tenants == 0) continue;  // not counted: its cost stays out of the per-tenant figure
    plan->tenants += c.tenants;
    counted_cost[index] += c.cost_usd;
  }
  for (std::size_t i = 0; i < t.plans.size(); ++i) {
    t.plans[i].cost_per_tenant_month_usd =
        per_tenant_month(counted_cost[i], t.plans[i].tenants, t.simulated_s);
  }
}

}  // namespace

void Platform::attribute_cost(PlatformTotals& t) const {
  B24_ASSERT_MSG(t.dcs.size() == dc_.size(), "attribute the cost after the DCs' totals");
  const std::size_t n = dc_.size();
  t.cohorts.clear();
  for (const auto& cohort : cohorts_) {
    const CohortParams& p = cohort->params();
    CohortCostTotals& c = t.cohorts.emplace_back();
    c.name = p.name;
    c.plan = p.plan;
    c.tenants = p.tenants;
  }
  std::vector<double> weight(cohorts_.size());
  for (std::size_t dc = 0; dc < n; ++dc) {
    double total = 0.0;
    for (std::size_t c = 0; c < cohorts_.size(); ++c) {
      const KindCounts& counts = tier_requests_[c * n + dc];
      weight[c] = 0.0;
      for (std::size_t k = 0; k < request_kind_count; ++k) {
        weight[c] += static_cast<double>(counts[k]) * dc_[dc].cpu_share[k];
        t.cohorts[c].web_requests += counts[k];
      }
      total += weight[c];
    }
    const double cost = t.dcs[dc].web.cost_usd;
    if (total <= 0.0) {
      t.unattributed_cost_usd += cost;  // no cohort's request reached this DC's nodes
      continue;
    }
    for (std::size_t c = 0; c < cohorts_.size(); ++c) {
      t.cohorts[c].cost_usd += cost * (weight[c] / total);
    }
  }
  for (CohortCostTotals& c : t.cohorts) {
    c.cost_per_tenant_month_usd = per_tenant_month(c.cost_usd, c.tenants, t.simulated_s);
  }
  add_plans(t);
}

}  // namespace b24::models

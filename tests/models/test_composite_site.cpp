// The composite site (DOMAIN.md 7) over a real WebTier under load: first-content and complete-page
// times, the cache's hit ratio, page conservation, and the degenerate case where a composite page
// is a whole page.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "memory_recorder.hpp"
#include "models/composite_site.hpp"
#include "models/platform.hpp"
#include "models/web_tier.hpp"
#include "sim/distributions.hpp"
#include "sim_time.hpp"

namespace b24::models {
namespace {

using namespace std::chrono_literals;

constexpr auto pages_from = 5min;  // the nodes are in service and healthy by then
constexpr auto pages_until = 25min;
constexpr auto drained_at = 40min;  // far past the last page: every page has ended
constexpr std::int32_t client_rtt_us = 30'000;
constexpr auto lb_rtt = 10ms;

// 10 nodes of 2 cores at 50 ms of CPU per whole page: 400 whole pages/s. No scaling policy,
// min = max = 10 and a constant launch delay, so the fleet is fixed and identical across runs.
WebTierParams fixed_tier(std::uint32_t queue_limit = 64) {
  WebTierParams p;
  p.name = "fra";
  p.external_arrivals = true;
  p.node = {.cores = 2, .queue_limit = queue_limit, .cpu_time_s = sim::Exponential(0.05)};
  p.load_balancer.network_rtt = lb_rtt;
  p.auto_scaling.limits = {.min_size = 10, .max_size = 10};
  p.auto_scaling.initial_desired = 10;
  p.auto_scaling.target_tracking.reset();
  p.auto_scaling.launch_delay_s = sim::Constant(30.0);
  return p;
}

WebTierParams with_shares(WebTierParams p, const CompositeParams& c) {
  p.node.cpu_share[static_cast<std::size_t>(RequestKind::static_part)] = c.static_cpu_share;
  p.node.cpu_share[static_cast<std::size_t>(RequestKind::dynamic_part)] = c.dynamic_cpu_share;
  return p;
}

// Poisson page views at `rate_per_s` between pages_from and pages_until, each handed to `emit`.
template <class Emit>
struct PoissonSource {
  sim::Simulator* sim;
  sim::Rng* rng;
  double mean_gap_s;
  Emit* emit;
  std::uint64_t* next_id;
  void operator()() const {
    if (sim->now() >= testing::at(pages_until)) return;
    (*emit)(Request{.id = (*next_id)++, .arrived = sim->now(), .client_rtt_us = client_rtt_us});
    const double gap = sim::sample(sim::Distribution{sim::Exponential(mean_gap_s)}, *rng);
    sim->schedule_in(sim::from_seconds(gap), *this);
  }
};

// One cohort ("portal", index 0) whose pages are all composite, served by one DC.
struct CompositeRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim;
  WebTier tier;
  CompositeSite site;
  sim::Rng arrivals;
  std::uint64_t next_id = 0;
  std::vector<PageRecord> pages;
  std::vector<CompositePageTotals> at_steps;

  CompositeRun(std::uint64_t seed, const CompositeParams& c, double rate_per_s,
               const WebTierParams& tier_params)
      : sim(seed),
        tier(sim, with_shares(tier_params, c), SloParams{}, recorder),
        site(
            sim, c, {"portal"}, {tier.load_balancer().network_rtt()},
            [this](std::uint32_t, const Request& r) {
              tier.arrive(r);
              return true;
            },
            recorder),
        arrivals(sim.stream("pages")) {
    tier.set_completion_observer(&site.observer(0));
    site.set_page_probe([this](const PageRecord& p) { pages.push_back(p); });
    tier.start();
    const auto emit = [this](const Request& r) { site.start_page(0, r); };
    using Source = PoissonSource<const decltype(emit)>;
    sim.schedule_at(testing::at(pages_from),
                    Source{&sim, &arrivals, 1.0 / rate_per_s, &emit, &next_id});
    // Sample (and check conservation) every 10 s while pages flow and drain.
    for (auto t = 10s; t <= drained_at; t += 10s) {
      sim.run_until(testing::at(t));
      site.sample(sim.now());
      at_steps.push_back(site.totals().all);
    }
  }
};

CompositeParams portal(double hit_ratio) {
  CompositeParams c;
  c.cohorts = {"portal"};
  c.cache_hit_ratio = hit_ratio;
  return c;
}

TEST(CompositeSite, ACacheHitShowsFirstContentAfterTheRoundTripAndTheCacheTime) {
  CompositeParams c = portal(1.0);
  const CompositeRun run(1, c, 200.0, fixed_tier());
  const sim::Duration expected = lb_rtt + sim::Duration{client_rtt_us} + c.cache_serve_time;
  ASSERT_GT(run.pages.size(), 100'000U);  // 200/s for 20 minutes
  for (const PageRecord& p : run.pages) ASSERT_EQ(p.ttfc, expected);
  const CompositeTotals t = run.site.totals();
  EXPECT_EQ(t.all.cache_hits, t.all.started);
  EXPECT_EQ(t.all.static_misses, 0U);
}

TEST(CompositeSite, EveryPageCompletesAtLeastOneRoundTripAfterItsFirstContent) {
  const CompositeRun run(2, portal(0.5), 300.0, fixed_tier());
  std::uint64_t completed = 0;
  const sim::Duration rtt = lb_rtt + sim::Duration{client_rtt_us};
  for (const PageRecord& p : run.pages) {
    ASSERT_GE(p.ttfc, rtt);  // a hit or a shell through the tier: a round trip at least
    if (p.ttcp < sim::Duration::zero()) continue;
    ++completed;
    ASSERT_GE(p.ttcp, p.ttfc + rtt);  // the dynamic part pays its own round trip on top
  }
  const CompositeTotals t = run.site.totals();
  EXPECT_EQ(completed, t.all.completed);
  EXPECT_EQ(t.all.started, t.all.completed);  // no failure at 60 % of capacity, all drained
  EXPECT_GE(t.all.ttcp_p50_us, t.all.ttfc_p50_us);
}

TEST(CompositeSite, ObservedHitRatioLiesInItsBinomial95PercentInterval) {
  // Each page draws its hit independently with probability p: hits ~ Binomial(n, p), and the
  // normal approximation's 95 % interval is accurate here (n p (1-p) is about 50,000). One run
  // lies outside it with probability 5 % by construction, so ten seeds are run: the number
  // inside is Binomial(10, 0.95), and fewer than 7 has probability 0.1 %.
  constexpr double p = 0.7;
  int inside = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const CompositeRun run(seed, portal(p), 200.0, fixed_tier());
    const CompositeTotals t = run.site.totals();
    const auto n = static_cast<double>(t.all.started);
    ASSERT_GT(n, 100'000.0);
    ASSERT_EQ(t.all.cache_hits + t.all.static_misses, t.all.started);
    const double half_width = 1.96 * std::sqrt(p * (1.0 - p) / n);
    if (std::abs(static_cast<double>(t.all.cache_hits) / n - p) <= half_width) ++inside;
  }
  EXPECT_GE(inside, 7);
}

TEST(CompositeSite, PageViewsAreConservedThroughOverload) {
  // 700 pages/s with every shell missed (static 0.7 + dynamic 0.3 = a whole page each): 1.75x the
  // capacity and queues of 2, so shells and dynamic parts fail with 502s.
  const CompositeRun run(4, portal(0.0), 700.0, fixed_tier(2));
  for (const CompositePageTotals& s : run.at_steps) {
    ASSERT_EQ(s.started, s.completed + s.failed() + s.in_flight);
  }
  const CompositeTotals t = run.site.totals();
  EXPECT_GT(t.all.failed_no_content, 1'000U);
  EXPECT_GT(t.all.failed_incomplete, 1'000U);
  EXPECT_EQ(t.all.in_flight, 0U);
  EXPECT_EQ(run.pages.size(), t.all.started);  // the probe heard every page end once
  // The tier saw every part: each page's shell, and a dynamic part for each page with content.
  const LoadBalancerCounters& lb = run.tier.load_balancer().counters();
  EXPECT_EQ(lb.arrived, t.all.static_misses + t.all.completed + t.all.failed_incomplete);
}

// A whole-page twin: the same arrivals (same seed, same stream) sent to the same tier whole.
struct WholeRun {
  testing::MemoryRecorder recorder;
  sim::Simulator sim;
  WebTier tier;
  sim::Rng arrivals;
  std::uint64_t next_id = 0;

  WholeRun(std::uint64_t seed, double rate_per_s, const WebTierParams& tier_params)
      : sim(seed), tier(sim, tier_params, SloParams{}, recorder), arrivals(sim.stream("pages")) {
    tier.start();
    const auto emit = [this](const Request& r) { tier.arrive(r); };
    using Source = PoissonSource<const decltype(emit)>;
    sim.schedule_at(testing::at(pages_from),
                    Source{&sim, &arrivals, 1.0 / rate_per_s, &emit, &next_id});
    sim.run_until(testing::at(drained_at));
  }
};

TEST(CompositeSite, WithEveryShellCachedAndAFullDynamicShareAPageIsAWholePage) {
  // Hit ratio 1 and dynamic share 1: each page's dynamic part is its whole page, shifted by the
  // constant TTFC. Same seed, same node streams, same order: the tier does the same work, so
  // every page completes exactly TTFC later than its whole twin (same CPU per page).
  CompositeParams c = portal(1.0);
  c.dynamic_cpu_share = 1.0;
  const CompositeRun composite(5, c, 250.0, fixed_tier());
  const WholeRun whole(5, 250.0, fixed_tier());
  const CompositeTotals t = composite.site.totals();
  const WebTierTotals w = whole.tier.totals();
  ASSERT_EQ(t.all.completed, w.requests.served);
  ASSERT_EQ(t.all.started, whole.next_id);
  const double ttfc_s = sim::to_seconds(lb_rtt + sim::Duration{client_rtt_us} + c.cache_serve_time);
  // Means come from exact integer sums: only the final division rounds.
  EXPECT_NEAR(t.all.ttcp_mean_s, ttfc_s + w.mean_latency_s, 1e-9);
  EXPECT_DOUBLE_EQ(t.page_renders_used, static_cast<double>(t.all.started));
  EXPECT_DOUBLE_EQ(t.page_renders_saved, 0.0);
}

TEST(CompositeSite, RejectsAnUnknownCohortAndSharesOutOfRange) {
  sim::Simulator sim(1);
  testing::MemoryRecorder recorder;
  const auto none = [](std::uint32_t, const Request&) { return true; };
  CompositeParams c = portal(0.9);
  c.cohorts = {"nobody"};
  EXPECT_THROW(CompositeSite(sim, c, {"portal"}, {0ms}, none, recorder), std::invalid_argument);
  c = portal(1.5);
  EXPECT_THROW(CompositeSite(sim, c, {"portal"}, {0ms}, none, recorder), std::invalid_argument);
  c = portal(0.9);
  c.dynamic_cpu_share = -0.1;
  EXPECT_THROW(CompositeSite(sim, c, {"portal"}, {0ms}, none, recorder), std::invalid_argument);
}

// Two EU DCs; at fra a composite cohort and a whole-page one with the same load, so the summary's
// comparison is like for like. fra fails for an hour in the middle.
PlatformParams two_dcs_with_a_portal() {
  PlatformParams p;
  for (const char* name : {"fra", "par"}) {
    const bool fra = std::string_view(name) == "fra";
    p.topology.dcs.push_back(DcSpec{.name = name,
                                    .city = "city",
                                    .latitude_deg = fra ? 50.11 : 48.86,
                                    .longitude_deg = fra ? 8.68 : 2.35,
                                    .utc_offset = 0h,
                                    .jurisdiction = "EU"});
    WebTierParams t;
    t.name = name;
    t.node.cores = 4;
    t.node.cpu_time_s = sim::Exponential(0.05);
    t.auto_scaling.limits = {.min_size = 4, .max_size = 20};
    t.auto_scaling.initial_desired = 4;
    p.tiers.push_back(t);
  }
  p.topology.links.push_back(LinkSpec{.a = "fra", .b = "par", .latency = std::nullopt});
  for (const char* name : {"portal", "whole"}) {
    CohortParams c;
    c.name = name;
    c.home = "fra";
    c.workload.peak_rate_per_s = 60.0;
    p.cohorts.push_back(c);
  }
  p.replication.edges = {{"fra", "par"}, {"par", "fra"}};
  p.composite.cohorts = {"portal"};
  p.faults.push_back({.kind = FaultKind::dc_failure, .targets = {"fra"}, .at = 1h, .length = 1h});
  p.horizon = 4h;
  return p;
}

TEST(CompositeSite, OnThePlatformPagesAndRequestsAreConservedThroughADcFailure) {
  sim::Simulator sim(9);
  testing::MemoryRecorder recorder;
  Platform platform(sim, two_dcs_with_a_portal(), recorder);
  platform.start();
  // The platform checks request conservation, and the site page conservation, at every step.
  sim.run_until(testing::at(4h));
  const PlatformTotals t = platform.totals();
  ASSERT_TRUE(t.composite.has_value());
  const CompositeTotals& c = *t.composite;
  EXPECT_EQ(c.all.started, c.all.completed + c.all.failed() + c.all.in_flight);
  EXPECT_EQ(t.requests_arrived, t.requests_served + t.requests_failed + t.requests_in_flight);
  // 60 pages/s for 4 h, less the pages sent to fra while it was down and undetected.
  EXPECT_GT(c.all.started, 700'000U);
  ASSERT_EQ(t.failovers.size(), 1U);
  EXPECT_GT(t.failovers[0].requests_failed, 0U);
  // The whole-page cohort's requests, served by the same DCs, are the comparison.
  EXPECT_GT(c.whole_pages_served, 700'000U);
  EXPECT_LT(c.all.ttfc_mean_s, c.whole_page_mean_s);
  // Series per step for the composite cohort only.
  const auto rows = std::count_if(recorder.samples.begin(), recorder.samples.end(), [](auto& r) {
    return r.entity == "cohort/portal/composite" && r.metric == "page_views";
  });
  EXPECT_EQ(rows, 4 * 60 + 1);  // a 60 s step over 4 h, and the row at time zero
  EXPECT_EQ(std::count_if(recorder.samples.begin(), recorder.samples.end(),
                          [](auto& r) { return r.entity == "cohort/whole/composite"; }),
            0);
}

}  // namespace
}  // namespace b24::models

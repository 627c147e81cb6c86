#pragma once
// The composite site (DOMAIN.md 7): a page view of a composite cohort is a static HTML shell,
// served at once by nginx from a cache, and dynamic blocks the page's JavaScript then fetches by
// AJAX through the web tier.
//
// Times follow the load balancer's convention: a request's `arrived` is when it reaches the load
// balancer, and every latency adds the client round trip (rtt = the LB's network_rtt + the
// request's client_rtt_us). For a page that reaches its DC at t0:
// - hit (probability cache_hit_ratio): first content TTFC = rtt + cache_serve_time, with no web
//   node involved;
// - miss: the shell is a `static_part` request through the web tier; TTFC = its latency;
// - then the dynamic part reaches the load balancer at t0 + TTFC (the shell travelled half a round
//   trip to the client, the AJAX call half a round trip back) and the page is complete at
//   TTCP = TTFC + the dynamic part's latency.
// A page fails without content when its static part fails, and incomplete when its dynamic part
// fails (or its DC has become unreachable). Pages are conserved: started = completed + failed +
// in flight. TTFC is recorded for every page that showed content, TTCP for every completed page.
//
// Per request the site keeps no state: the dynamic part carries its page's TTFC in Request::id.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/composite_params.hpp"
#include "models/load_balancer.hpp"
#include "models/request.hpp"
#include "sim/latency_histogram.hpp"
#include "sim/recorder.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"

namespace b24::models {

// Page views of one cohort (or all composite cohorts) over a run.
struct CompositePageTotals {
  std::string name;
  std::uint64_t started = 0;
  std::uint64_t completed = 0;
  std::uint64_t failed_no_content = 0;  // the static part failed
  std::uint64_t failed_incomplete = 0;  // content shown, the dynamic part failed
  std::uint64_t in_flight = 0;
  std::uint64_t cache_hits = 0;
  std::uint64_t static_misses = 0;  // shells rendered by the web tier
  std::int64_t ttfc_p50_us = 0, ttfc_p99_us = 0;
  double ttfc_mean_s = 0.0;
  std::int64_t ttcp_p50_us = 0, ttcp_p99_us = 0;
  double ttcp_mean_s = 0.0;
  [[nodiscard]] std::uint64_t failed() const { return failed_no_content + failed_incomplete; }
};

struct CompositeTotals {
  CompositePageTotals all;                   // every composite cohort
  std::vector<CompositePageTotals> cohorts;  // in the order of CompositeParams::cohorts
  // The comparison: whole pages (the non-composite cohorts' requests) served in the same run by
  // the DCs that served composite pages, as their clients saw them.
  std::uint64_t whole_pages_served = 0;
  std::int64_t whole_page_p50_us = 0, whole_page_p99_us = 0;
  double whole_page_mean_s = 0.0;
  // Web-tier CPU in whole-page renders (a render = one whole page's mean CPU time): what the
  // composite pages used (static misses x static share + dynamic parts x dynamic share) and what
  // serving each of their page views whole would have used more.
  double page_renders_used = 0.0;
  double page_renders_saved = 0.0;
};

// How one page view ended, for a probe (tests, traces): first content and completion times
// from the page's start; negative when the page never got there.
struct PageRecord {
  std::uint32_t cohort = 0;
  sim::Duration ttfc{-1};
  sim::Duration ttcp{-1};
};

class CompositeSite {
 public:
  // Hands a part to DC `dc`'s load balancer; false when the DC is unreachable (the part fails).
  using Transport = std::function<bool(std::uint32_t dc, const Request&)>;

  // `cohort_names[i]` names the platform's cohort i; `network_rtt[d]` is DC d's load balancer
  // round trip. Throws std::invalid_argument on a composite cohort that is not among the names or
  // shares out of range.
  CompositeSite(sim::Simulator& sim, const CompositeParams& params,
                const std::vector<std::string>& cohort_names,
                std::vector<sim::Duration> network_rtt, Transport transport,
                sim::Recorder& recorder);
  CompositeSite(const CompositeSite&) = delete;
  CompositeSite& operator=(const CompositeSite&) = delete;
  ~CompositeSite();

  [[nodiscard]] bool composite(std::uint32_t cohort) const {
    return cohort < slot_of_.size() && slot_of_[cohort] >= 0;
  }
  // A page view of composite cohort `page.cohort` reaching up DC `dc` now.
  void start_page(std::uint32_t dc, Request page);
  // The observer to install on DC `dc`'s load balancer (every DC: whole pages are compared too).
  [[nodiscard]] CompletionObserver& observer(std::uint32_t dc);
  // Called once per page as it completes or fails; empty: none (the default).
  void set_page_probe(std::function<void(const PageRecord&)> probe) { probe_ = std::move(probe); }

  // One row per composite cohort ("cohort/<name>/composite"): the step's page views and
  // TTFC/TTCP percentiles.
  void sample(sim::Instant now);
  [[nodiscard]] CompositeTotals totals() const;

  // For the platform's request conservation: pages handed to the site, parts handed to load
  // balancers, and dynamic parts that found their DC unreachable.
  [[nodiscard]] std::uint64_t pages_started() const noexcept { return pages_started_; }
  [[nodiscard]] std::uint64_t parts_delivered() const noexcept { return parts_delivered_; }
  [[nodiscard]] std::uint64_t parts_unreachable() const noexcept { return parts_unreachable_; }

 private:
  struct Slot;
  class DcObserver;
  void on_completed(std::uint32_t dc, const Request& request, Outcome outcome,
                    sim::Duration latency);
  void send_dynamic(std::uint32_t dc, Request page, sim::Duration ttfc);
  void first_content(Slot& slot, sim::Duration ttfc);
  void page_failed(Slot& slot, const Request& part);

  sim::Simulator& sim_;
  CompositeParams params_;
  std::vector<sim::Duration> network_rtt_;
  Transport transport_;
  sim::Recorder& recorder_;
  std::vector<int> slot_of_;  // per platform cohort: its slot, or -1
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::unique_ptr<DcObserver>> observers_;
  std::function<void(const PageRecord&)> probe_;
  std::vector<sim::LatencyHistogram> whole_page_;  // per DC
  std::vector<std::uint64_t> parts_at_;            // per DC: parts delivered there
  std::uint64_t pages_started_ = 0;
  std::uint64_t parts_delivered_ = 0;
  std::uint64_t parts_unreachable_ = 0;
  std::uint64_t dynamic_parts_ = 0;  // delivered to a load balancer
};

}  // namespace b24::models

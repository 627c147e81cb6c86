#include "models/composite_site.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/assert.hpp"

namespace b24::models {

struct CompositeSite::Slot {
  Slot(const std::string& cohort, const sim::Simulator& sim)
      : name(cohort), entity("cohort/" + cohort + "/composite"), hit_rng(sim.stream(entity)) {
    counts.name = cohort;
  }
  std::string name;
  std::string entity;  // "cohort/<name>/composite"
  sim::Rng hit_rng;    // "cohort/<name>/composite": one draw per page, hit or miss
  CompositePageTotals counts;
  sim::LatencyHistogram ttfc, ttcp;            // the run
  sim::LatencyHistogram step_ttfc, step_ttcp;  // since the last sample
  std::uint64_t started_at_sample = 0;
  std::uint64_t completed_at_sample = 0;
  std::uint64_t failed_at_sample = 0;
};

// Tells the site which DC's load balancer a completion comes from.
class CompositeSite::DcObserver final : public CompletionObserver {
 public:
  DcObserver(CompositeSite& site, std::uint32_t dc) : site_(site), dc_(dc) {}
  void on_completed(const Request& request, Outcome outcome, sim::Duration latency) override {
    site_.on_completed(dc_, request, outcome, latency);
  }

 private:
  CompositeSite& site_;
  std::uint32_t dc_;
};

namespace {

void check_share(double share, const char* what) {
  if (!(share >= 0.0 && share <= 1.0)) {
    throw std::invalid_argument(std::string("composite: ") + what + " must be in [0, 1]");
  }
}

}  // namespace

CompositeSite::CompositeSite(sim::Simulator& sim, const CompositeParams& params,
                             const std::vector<std::string>& cohort_names,
                             std::vector<sim::Duration> network_rtt, Transport transport,
                             sim::Recorder& recorder)
    : sim_(sim),
      params_(params),
      network_rtt_(std::move(network_rtt)),
      transport_(std::move(transport)),
      recorder_(recorder),
      slot_of_(cohort_names.size(), -1),
      whole_page_(network_rtt_.size()),
      parts_at_(network_rtt_.size(), 0) {
  check_share(params.cache_hit_ratio, "cache_hit_ratio");
  check_share(params.static_cpu_share, "static_cpu_share");
  check_share(params.dynamic_cpu_share, "dynamic_cpu_share");
  if (params.cache_serve_time < sim::Duration::zero()) {
    throw std::invalid_argument("composite: cache_serve_time must not be negative");
  }
  for (const std::string& name : params.cohorts) {
    const auto it = std::find(cohort_names.begin(), cohort_names.end(), name);
    if (it == cohort_names.end()) throw std::invalid_argument("composite: unknown cohort " + name);
    const auto index = static_cast<std::size_t>(it - cohort_names.begin());
    if (slot_of_[index] >= 0) throw std::invalid_argument("composite: cohort twice: " + name);
    slot_of_[index] = static_cast<int>(slots_.size());
    slots_.push_back(std::make_unique<Slot>(name, sim));
  }
  for (std::uint32_t dc = 0; dc < network_rtt_.size(); ++dc) {
    observers_.push_back(std::make_unique<DcObserver>(*this, dc));
  }
}

CompositeSite::~CompositeSite() = default;

CompletionObserver& CompositeSite::observer(std::uint32_t dc) {
  return *observers_.at(dc);
}

void CompositeSite::start_page(std::uint32_t dc, Request page) {
  B24_ASSERT_MSG(composite(page.cohort), "a composite page of a cohort that is not composite");
  B24_ASSERT(dc < network_rtt_.size());
  Slot& slot = *slots_[static_cast<std::size_t>(slot_of_[page.cohort])];
  ++pages_started_;
  ++slot.counts.started;
  ++slot.counts.in_flight;
  if (slot.hit_rng.uniform01() < params_.cache_hit_ratio) {
    ++slot.counts.cache_hits;
    const sim::Duration ttfc =
        network_rtt_[dc] + sim::Duration{page.client_rtt_us} + params_.cache_serve_time;
    first_content(slot, ttfc);
    sim_.schedule_in(ttfc, [this, dc, page, ttfc] { send_dynamic(dc, page, ttfc); });
    return;
  }
  ++slot.counts.static_misses;
  page.kind = RequestKind::static_part;
  // The page was routed to an up DC this instant, so the shell reaches its load balancer.
  const bool delivered = transport_(dc, page);
  B24_ASSERT_MSG(delivered, "a page's static part found its DC down at the page's instant");
  ++parts_delivered_;
  ++parts_at_[dc];
}

void CompositeSite::send_dynamic(std::uint32_t dc, Request page, sim::Duration ttfc) {
  page.kind = RequestKind::dynamic_part;
  page.arrived = sim_.now();
  page.id = static_cast<std::uint64_t>(ttfc.count());
  if (transport_(dc, page)) {
    ++parts_delivered_;
    ++parts_at_[dc];
    ++dynamic_parts_;
    return;
  }
  ++parts_unreachable_;
  page_failed(*slots_[static_cast<std::size_t>(slot_of_[page.cohort])], page);
}

void CompositeSite::first_content(Slot& slot, sim::Duration ttfc) {
  slot.ttfc.record(ttfc);
  slot.step_ttfc.record(ttfc);
}

// `part` is the part that failed: a dynamic one means the page had shown its content.
void CompositeSite::page_failed(Slot& slot, const Request& part) {
  B24_ASSERT(slot.counts.in_flight > 0);
  --slot.counts.in_flight;
  const bool content_shown = part.kind == RequestKind::dynamic_part;
  ++(content_shown ? slot.counts.failed_incomplete : slot.counts.failed_no_content);
  if (!probe_) return;
  PageRecord record{.cohort = part.cohort};
  if (content_shown) record.ttfc = sim::Duration{static_cast<std::int64_t>(part.id)};
  probe_(record);
}

void CompositeSite::on_completed(std::uint32_t dc, const Request& request, Outcome outcome,
                                 sim::Duration latency) {
  if (request.kind == RequestKind::whole_page) {
    if (outcome == Outcome::served) whole_page_[dc].record(latency);
    return;
  }
  Slot& slot = *slots_[static_cast<std::size_t>(slot_of_[request.cohort])];
  if (outcome != Outcome::served) {
    page_failed(slot, request);
    return;
  }
  if (request.kind == RequestKind::static_part) {
    first_content(slot, latency);
    // The shell reaches the client half a round trip after leaving the load balancer, whose
    // AJAX call arrives half a round trip later: one rtt after now, at t0 + TTFC.
    const sim::Duration rtt = network_rtt_[dc] + sim::Duration{request.client_rtt_us};
    sim_.schedule_in(rtt, [this, dc, page = request, latency] { send_dynamic(dc, page, latency); });
    return;
  }
  const sim::Duration ttcp = sim::Duration{static_cast<std::int64_t>(request.id)} + latency;
  slot.ttcp.record(ttcp);
  slot.step_ttcp.record(ttcp);
  B24_ASSERT(slot.counts.in_flight > 0);
  --slot.counts.in_flight;
  ++slot.counts.completed;
  if (probe_) {
    probe_(PageRecord{.cohort = request.cohort,
                      .ttfc = sim::Duration{static_cast<std::int64_t>(request.id)},
                      .ttcp = ttcp});
  }
}

void CompositeSite::sample(sim::Instant now) {
  const auto ms = [](std::int64_t us) { return static_cast<double>(us) / 1000.0; };
  for (const auto& s : slots_) {
    Slot& slot = *s;
    const CompositePageTotals& c = slot.counts;
    B24_ASSERT_MSG(c.started == c.completed + c.failed() + c.in_flight,
                   "composite page conservation broken");
    recorder_.sample(
        now, slot.entity,
        {{"page_views", static_cast<double>(c.started - slot.started_at_sample)},
         {"pages_completed", static_cast<double>(c.completed - slot.completed_at_sample)},
         {"pages_failed", static_cast<double>(c.failed() - slot.failed_at_sample)},
         {"pages_in_flight", static_cast<double>(c.in_flight)},
         {"ttfc_p50_ms", ms(slot.step_ttfc.percentile(50))},
         {"ttfc_p99_ms", ms(slot.step_ttfc.percentile(99))},
         {"ttcp_p50_ms", ms(slot.step_ttcp.percentile(50))},
         {"ttcp_p99_ms", ms(slot.step_ttcp.percentile(99))}});
    slot.started_at_sample = c.started;
    slot.completed_at_sample = c.completed;
    slot.failed_at_sample = c.failed();
    slot.step_ttfc.clear();
    slot.step_ttcp.clear();
  }
}

namespace {

void fill_latencies(CompositePageTotals& t, const sim::LatencyHistogram& ttfc,
                    const sim::LatencyHistogram& ttcp) {
  t.ttfc_p50_us = ttfc.percentile(50);
  t.ttfc_p99_us = ttfc.percentile(99);
  t.ttfc_mean_s = ttfc.mean() * 1e-6;
  t.ttcp_p50_us = ttcp.percentile(50);
  t.ttcp_p99_us = ttcp.percentile(99);
  t.ttcp_mean_s = ttcp.mean() * 1e-6;
}

}  // namespace

CompositeTotals CompositeSite::totals() const {
  CompositeTotals t;
  t.all.name = "all";
  sim::LatencyHistogram ttfc, ttcp;
  for (const auto& s : slots_) {
    CompositePageTotals c = s->counts;
    fill_latencies(c, s->ttfc, s->ttcp);
    ttfc.merge(s->ttfc);
    ttcp.merge(s->ttcp);
    t.all.started += c.started;
    t.all.completed += c.completed;
    t.all.failed_no_content += c.failed_no_content;
    t.all.failed_incomplete += c.failed_incomplete;
    t.all.in_flight += c.in_flight;
    t.all.cache_hits += c.cache_hits;
    t.all.static_misses += c.static_misses;
    t.cohorts.push_back(std::move(c));
  }
  fill_latencies(t.all, ttfc, ttcp);
  sim::LatencyHistogram whole;
  for (std::size_t dc = 0; dc < whole_page_.size(); ++dc) {
    if (parts_at_[dc] > 0) whole.merge(whole_page_[dc]);
  }
  t.whole_pages_served = whole.count();
  t.whole_page_p50_us = whole.percentile(50);
  t.whole_page_p99_us = whole.percentile(99);
  t.whole_page_mean_s = whole.mean() * 1e-6;
  t.page_renders_used = static_cast<double>(t.all.static_misses) * params_.static_cpu_share +
                        static_cast<double>(dynamic_parts_) * params_.dynamic_cpu_share;
  t.page_renders_saved = static_cast<double>(t.all.started) - t.page_renders_used;
  return t;
}

}  // namespace b24::models

// CallService: drops on a DC or TURN relay failure, re-establishment through the DC the cohort
// works with now and a healthy relay, the per-DC series and the run's totals.

#include <algorithm>
#include <cmath>
#include <string>

#include "models/call_service.hpp"
#include "sim/assert.hpp"

namespace b24::models {

void CallService::on_dc_failed(DcId dc) {
  ++dcs_[dc.index].peaks.relay_failures;
  drop_where(dc.index, true, "the DC failed: calls signalled or relayed there dropped");
}

void CallService::on_dc_recovered(DcId dc) {
  if (dcs_[dc.index].relay_failed) return;  // its relays are still out (turn_failure)
  recorder_->event(sim_->now(), "relay_recovered", dcs_[dc.index].entity,
                   "the DC is back: its TURN relay takes allocations again");
}

void CallService::fail_relay(DcId dc) {
  DcState& d = dcs_[dc.index];
  if (d.relay_failed) return;
  d.relay_failed = true;
  ++d.peaks.relay_failures;
  recorder_->event(sim_->now(), "relay_failed", d.entity, "fault: the DC's TURN relays are down");
  drop_where(dc.index, false, "the TURN relay failed: calls relayed there dropped");
}

void CallService::recover_relay(DcId dc) {
  DcState& d = dcs_[dc.index];
  if (!d.relay_failed) return;
  d.relay_failed = false;
  recorder_->event(sim_->now(), "relay_recovered", d.entity,
                   "fault over: the TURN relays are back");
}

// Calls relayed at `dc` (and, for a whole-DC failure, signalled there) lose their media or
// signalling now; their clients retry after retry_after. One event per DC per failure.
void CallService::drop_where(std::uint32_t dc, bool signalling_too, const char* why) {
  const sim::Instant now = sim_->now();
  std::uint64_t dropped = 0;
  for (std::uint32_t slot = 0; slot < calls_.size(); ++slot) {
    Call& call = calls_[slot];
    if (call.state != State::active) continue;
    const bool hit = call.relay_dc == static_cast<std::int32_t>(dc) ||
                     (signalling_too && call.signalling_dc == dc);
    if (!hit) continue;
    release(call);
    call.state = State::reconnecting;
    call.dropped_at = now;
    ++dropped;
    const std::uint32_t generation = call.generation;
    sim_->schedule_in(params_.retry_after, [this, slot, generation] { retry(slot, generation); });
  }
  totals_.dropped += dropped;
  recorder_->event(now, "calls_dropped", dcs_[dc].entity,
                   std::string(why) + ": " + std::to_string(dropped) + " calls");
  // In the trace hash, so that the determinism checks cover the calls too.
  sim_->emit("calls_dropped", dcs_[dc].entity,
             {{"dropped", dropped}, {"active", totals_.connected - totals_.completed}});
}

// The clients signal again through the DC their cohort works with now. While that DC is down,
// or no relay has room, they keep retrying until the call's planned end.
void CallService::retry(std::uint32_t slot, std::uint32_t generation) {
  Call& call = calls_[slot];
  if (call.generation != generation || call.state != State::reconnecting) return;
  const std::uint32_t dc = world_.cohorts[call.cohort]->assigned().index;
  bool ok = world_.topology->dc_up(DcId{dc});
  std::int32_t relay = -1;
  if (ok && call.relayed_pairs > 0) {
    const policy::RelayDecision d =
        choose_relay(call.cohort, dc, call.relayed_pairs, call.relay_mbps);
    ok = d.relay.has_value();
    if (ok) relay = static_cast<std::int32_t>(*d.relay);
  }
  const sim::Instant now = sim_->now();
  if (!ok) {
    if (now + params_.retry_after < call.ends_at) {
      sim_->schedule_in(params_.retry_after, [this, slot, generation] { retry(slot, generation); });
    }
    return;  // the end event counts it as lost
  }
  call.signalling_dc = dc;
  call.relay_dc = relay;
  call.state = State::active;
  hold(call);
  ++totals_.reestablished;
  const sim::Duration setup = setup_time(call.cohort, dc, relay, call.check_position, true);
  interruption_.record(now - call.dropped_at + setup);
}

void CallService::sample() {
  const sim::Instant now = sim_->now();
  for (std::uint32_t i = 0; i < dcs_.size(); ++i) {
    const DcState& d = dcs_[i];
    recorder_->sample(now, d.entity,
                      {{"active_calls", static_cast<double>(d.active_calls)},
                       {"relayed_streams", static_cast<double>(d.relayed_streams)},
                       {"relay_mbps", d.relay_mbps},
                       {"relay_allocations", static_cast<double>(d.allocations)},
                       {"relay_up", relay_healthy(i) ? 1.0 : 0.0}});
  }
  // The trace hash covers the calls too: one record per sample with the running totals.
  sim_->emit("calls", "calls",
             {{"started", totals_.started},
              {"connected", totals_.connected},
              {"relayed_pairs", totals_.relayed_pairs},
              {"dropped", totals_.dropped}});
  for (auto& g : gateways_) g->sample();
}

CallTotals CallService::totals() const {
  CallTotals t = totals_;
  for (const Call& call : calls_) {
    if (call.state != State::free) ++t.in_progress_at_end;
  }
  if (t.pairs > 0) {
    const double n = static_cast<double>(t.pairs);
    t.relayed_share = static_cast<double>(t.relayed_pairs) / n;
    t.relayed_share_ci95 = 1.96 * std::sqrt(t.relayed_share * (1.0 - t.relayed_share) / n);
  }
  t.setup_p50_us = setup_.percentile(50);
  t.setup_p95_us = setup_.percentile(95);
  t.setup_p99_us = setup_.percentile(99);
  t.interruption_p50_us = interruption_.percentile(50);
  t.interruption_p95_us = interruption_.percentile(95);
  t.interruption_max_us = interruption_.max();
  for (std::size_t i = 0; i < dcs_.size(); ++i) {
    DcCallTotals d = dcs_[i].peaks;
    if (i < gateways_.size()) {
      d.phone_offered = gateways_[i]->offered();
      d.phone_blocked = gateways_[i]->blocked();
      t.phone_offered += d.phone_offered;
      t.phone_blocked += d.phone_blocked;
    }
    t.dcs.push_back(std::move(d));
  }
  return t;
}

}  // namespace b24::models

#pragma once
// The faults of a run, drawn before it starts: random fault specs become fixed FaultSpecs, so a
// run replays one deterministic list whether its faults were written in the scenario or drawn.
//
// Random faults (RandomFaultSpec): each target independently alternates "up for an exponential
// time of mean mean_time_between, then down for an exponential time of mean mean_length". The
// fault starts are the renewals of that alternating process within [0, horizon): a target starts
// up at 0, and a target's next fault starts only after its previous fault ended (a DC cannot
// fail while it is already failed; a second overlapping fault would also be cut short by the
// first one's heal, since the models do not nest faults). So mean_time_between is the mean *up*
// time between faults, and the expected number of faults is about
// horizon / (mean_time_between + mean length).
//
// Lengths are at least 1 s (a length of 0 means "until the end of the run" in FaultSpec) and are
// rounded to the microsecond, like the gaps. A fault that starts before the horizon keeps its
// full length even when it ends after it. A node crash has no length (FaultSpec): its faults get
// length 0 and the next one follows the gap alone; its length is still drawn and discarded, so
// every fault consumes exactly two draws (gap, then length) whatever the kind.
//
// Streams: target t of a spec of kind k draws from the run seed's stream "faults/<k>/<t>", and
// a DB server crash from "faults/db_crash/<dc>/s<server>" (the two servers of a DC fail
// independently). Adding a target or a spec never changes another target's faults (common
// random numbers across scenarios).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/platform_params.hpp"
#include "sim/rng.hpp"
#include "sim/time.hpp"

namespace b24::models {

// "dc_failure", "db_crash", "partition", "node_crash": the YAML spelling.
[[nodiscard]] std::string_view fault_kind_name(FaultKind kind);

// The stream name a target of `spec` draws from (see above).
[[nodiscard]] std::string fault_stream_name(const RandomFaultSpec& spec, std::string_view target);

// Throws std::invalid_argument when targets is empty or has an empty or repeated name,
// mean_time_between or mean_length is not positive, server is not 0 or 1 for a db_crash, nodes
// is 0 for a node crash, or horizon / mean_time_between exceeds one million (a plan that large is
// a unit mistake, and it would be held in memory).
void validate(const RandomFaultSpec& spec, sim::Duration horizon);

// The faults of every target of `spec` with a start in [0, horizon), each target's in time
// order, targets in the spec's order. Each fault names one target. Validates first.
[[nodiscard]] std::vector<FaultSpec> draw_random_faults(const RandomFaultSpec& spec,
                                                        sim::Duration horizon, std::uint64_t seed);

// The fixed faults plus those drawn from every random spec, sorted by (at, kind, targets), ties
// broken by (server, nodes, length) and then kept in input order (fixed before random), so the
// list is a pure function of its inputs. Throws std::invalid_argument on a fixed fault with no
// target, a negative `at` or `length`, on an invalid random spec, or when two random specs would
// draw from the same stream (same kind, target and, for db_crash, server: they would fail in
// lockstep, which no scenario means).
[[nodiscard]] std::vector<FaultSpec> resolve_faults(const std::vector<FaultSpec>& fixed,
                                                    const std::vector<RandomFaultSpec>& random,
                                                    sim::Duration horizon, std::uint64_t seed);

}  // namespace b24::models

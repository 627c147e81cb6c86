#pragma once
// Which server of a DC's master-master MySQL pair the DC's clients (the web tier) write to.
// Source: the article's "a master-master pair of servers inside each DC with switch-over on
// server crash" (ARCHITECTURE.md, model scope).
//
// The rules, in order (the first that applies decides):
//  1. keep: the active server is up: clients stay on it. There is no automatic failback: both
//     servers are masters, so the recovered one is as good a target as the one in use, and moving
//     clients back would cost a second switch-over (and its window of unreplicated writes) for
//     nothing.
//  2. switch over: the active server is down and the other is up: clients move to the other at
//     once. No wait for the survivor to apply its relay log and no data-loss check: the pair is
//     master-master and the survivor already accepts writes; the writes the crashed server had
//     not shipped are at risk until it returns (the model counts them).
//  3. none available: both servers are down: no target, writes fail. `active` keeps naming the
//     server last used, so whichever returns first is chosen by rules 1 and 2.
//
// The caller decides when to ask (on a crash, a recovery, or its DC coming back); the policy
// never reads a clock: `since` instants only appear in the reason.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "policy/time.hpp"

namespace b24::policy {

struct DbServerState {
  bool up = false;
  Timestamp since{};  // when it last went up or down (<= now); shown in the reason
};

struct DbFailoverObservation {
  Timestamp now{};
  std::string pair_name{};  // for the reason, e.g. "db/fra"; may be empty
  std::array<DbServerState, 2> servers{};
  // The server clients use, or last used when none is up: 0 or 1.
  int active = 0;
};

enum class DbFailoverAction { keep, switch_over, none_available };

struct DbFailoverDecision {
  DbFailoverAction action = DbFailoverAction::none_available;
  std::optional<int> target{};  // none: both servers are down
  bool switched = false;        // target differs from the observation's active server
  std::string reason{};
};

// Applies the rules above. Throws std::invalid_argument when `active` is neither 0 nor 1 or a
// server's `since` is after `now`.
[[nodiscard]] DbFailoverDecision decide_db_failover(const DbFailoverObservation& observation);

[[nodiscard]] std::string_view to_string(DbFailoverAction action);

}  // namespace b24::policy

#include "reports/html/event_kinds.hpp"

#include <array>
#include <utility>

namespace b24::reports::html {
namespace {

using Entry = std::pair<std::string_view, EventCategory>;
constexpr std::array kinds{
    Entry{"dc_failed", EventCategory::fault},
    Entry{"crash", EventCategory::fault},
    Entry{"db_server_crash", EventCategory::fault},
    Entry{"db_unavailable", EventCategory::fault},
    Entry{"db_writes_lost", EventCategory::fault},
    Entry{"partition_start", EventCategory::fault},
    Entry{"disconnect", EventCategory::fault},
    Entry{"binlog_purged", EventCategory::fault},
    Entry{"marker_out_of_order", EventCategory::fault},
    Entry{"relay_failed", EventCategory::fault},
    Entry{"calls_dropped", EventCategory::fault},
    Entry{"device_failure", EventCategory::fault},
    Entry{"object_loss", EventCategory::fault},
    Entry{"resync_aborted", EventCategory::fault},
    Entry{"dc_recovered", EventCategory::recovery},
    Entry{"dc_declared_healthy", EventCategory::recovery},
    Entry{"db_server_recover", EventCategory::recovery},
    Entry{"db_available", EventCategory::recovery},
    Entry{"partition_end", EventCategory::recovery},
    Entry{"reconnect", EventCategory::recovery},
    Entry{"caught_up", EventCategory::recovery},
    Entry{"relay_recovered", EventCategory::recovery},
    Entry{"device_repaired", EventCategory::recovery},
    Entry{"scaling_resumed", EventCategory::recovery},
    Entry{"dc_declared_failed", EventCategory::failover},
    Entry{"cohort_move", EventCategory::failover},
    Entry{"cohort_failback", EventCategory::failover},
    Entry{"db_switchover", EventCategory::failover},
    Entry{"resync_start", EventCategory::failover},
    Entry{"resync_end", EventCategory::failover},
    Entry{"repoint", EventCategory::failover},
    Entry{"repoint_reverted", EventCategory::failover},
    Entry{"deploy_start", EventCategory::change},
    Entry{"deploy_batch", EventCategory::change},
    Entry{"deploy_done", EventCategory::change},
    Entry{"scaling", EventCategory::scaling},
    Entry{"scale_in", EventCategory::scaling},
    Entry{"replacement", EventCategory::scaling},
    Entry{"in_service", EventCategory::scaling},
    Entry{"terminate", EventCategory::scaling},
    Entry{"refresh_drain", EventCategory::scaling},
    Entry{"alarm", EventCategory::health},
    Entry{"health", EventCategory::health},
};

}  // namespace

EventCategory category_of(std::string_view kind) {
  for (const auto& [k, c] : kinds) {
    if (k == kind) return c;
  }
  return EventCategory::other;
}

const char* category_name(EventCategory category) {
  switch (category) {
    case EventCategory::fault:
      return "fault";
    case EventCategory::recovery:
      return "recovery";
    case EventCategory::failover:
      return "failover";
    case EventCategory::change:
      return "change";
    case EventCategory::scaling:
      return "scaling";
    case EventCategory::health:
      return "health";
    case EventCategory::other:
      break;
  }
  return "other";
}

bool is_routine(EventCategory category) {
  return category == EventCategory::scaling || category == EventCategory::health;
}

std::string dc_of_entity(std::string_view entity) {
  for (const std::string_view prefix : {"dc/", "db/", "calls/", "phone/"}) {
    if (!entity.starts_with(prefix)) continue;
    const std::string_view rest = entity.substr(prefix.size());
    return std::string(rest.substr(0, rest.find('/')));
  }
  return {};
}

}  // namespace b24::reports::html

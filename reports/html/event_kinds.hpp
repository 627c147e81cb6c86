#pragma once
// What the report makes of an event's kind and entity: which events are incidents (drawn red
// on the map and listed one by one in the timeline) and which are routine autoscaling and
// health-check traffic (counted, and collapsed per DC and hour), and which DC an entity
// belongs to. Kinds are those of reports/README.md; an unknown kind is shown one by one.

#include <string>
#include <string_view>

namespace b24::reports::html {

enum class EventCategory {
  fault,     // something broke: a DC, a node, a link, a relay, a device, replication
  recovery,  // it came back
  failover,  // a policy moved work: detection, cohort moves, DB switch-over, resync
  change,    // a planned change: a rolling deploy
  scaling,   // routine: scaling actions, launches, terminations
  health,    // routine: alarms and health checks
  other,
};

[[nodiscard]] EventCategory category_of(std::string_view kind);
[[nodiscard]] const char* category_name(EventCategory category);

// Scaling and health events come by the hundred in a day; the timeline collapses them.
[[nodiscard]] bool is_routine(EventCategory category);

// The DC an entity belongs to: "dc/fra/asg", "db/fra/s0->s1", "calls/fra", "phone/fra" ->
// "fra"; empty for entities of no single DC (cohorts, replication edges, links).
[[nodiscard]] std::string dc_of_entity(std::string_view entity);

}  // namespace b24::reports::html

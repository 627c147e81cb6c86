#pragma once
// What the viewer reads from an event beyond its columns: whether it starts an incident (the
// timeline marks those and "next incident" jumps to them), and which DCs it concerns (the event
// log's DC filter). Both follow the entity names of reports/README.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viewer/run_data.hpp"

namespace b24::viewer {

// A fault or a failure starting: a DC, link, node, DB server, relay or device going down, a
// deploy starting, data lost. Recoveries and routine scaling are not incidents.
[[nodiscard]] bool is_incident(std::string_view kind);

// The DCs an event concerns: dc/<x>/..., db/<x>/..., calls/<x>, phone/<x> -> x; repl/<a>-><b>
// and links/<a>-<b> -> a and b; a cohort move's "a -> b: ..." reason -> a and b.
[[nodiscard]] std::vector<std::string> dcs_of_event(const RunEvent& event);

// Times of the incidents, in time order, without duplicates.
[[nodiscard]] std::vector<std::int64_t> incident_times(const std::vector<RunEvent>& events);

// The first incident strictly after `after_us` (nullopt when there is none).
[[nodiscard]] std::optional<std::int64_t> next_incident(const std::vector<std::int64_t>& times,
                                                        std::int64_t after_us);
[[nodiscard]] std::optional<std::int64_t> previous_incident(const std::vector<std::int64_t>& times,
                                                            std::int64_t before_us);

}  // namespace b24::viewer

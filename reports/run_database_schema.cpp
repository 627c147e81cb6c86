#include "reports/run_database_schema.hpp"

namespace b24::reports {
namespace {

// SQL for the `time` column of the views: simulated time as sim::format_duration prints it,
// "[Nd ]HH:MM:SS", with ".ffffff" only when the instant is not a whole second, so that samples
// every 10 s read as 00:00:10 rather than 00:00:10.000000. time_us is never negative.
std::string time_text(const std::string& us) {
  return "(CASE WHEN " + us + " >= 86400000000 THEN (" + us + " / 86400000000) || 'd ' ELSE '' " +
         "END || printf('%02d:%02d:%02d', (" + us + " / 3600000000) % 24, (" + us +
         " / 60000000) % 60, (" + us + " / 1000000) % 60) || CASE WHEN " + us +
         " % 1000000 <> 0 THEN printf('.%06d', " + us + " % 1000000) ELSE '' END)";
}

constexpr std::string_view tables = R"sql(
CREATE TABLE run_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE wall_clock(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE metrics(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE samples(time_us INTEGER NOT NULL,
                     entity_id INTEGER NOT NULL REFERENCES entities(id),
                     metric_id INTEGER NOT NULL REFERENCES metrics(id),
                     value REAL);
CREATE TABLE events(time_us INTEGER NOT NULL, kind TEXT NOT NULL, entity TEXT NOT NULL,
                    reason TEXT NOT NULL);
CREATE TABLE histograms(time_us INTEGER NOT NULL, entity TEXT NOT NULL, metric TEXT NOT NULL,
                        low_us INTEGER NOT NULL, high_us INTEGER NOT NULL,
                        count INTEGER NOT NULL);
CREATE TABLE summary(key TEXT PRIMARY KEY, value);
)sql";

}  // namespace

std::string run_database_schema() {
  std::string sql = "BEGIN;";
  sql += tables;
  sql += "CREATE VIEW samples_v AS SELECT s.time_us AS time_us, " + time_text("s.time_us") +
         " AS time, e.name AS entity, m.name AS metric, s.value AS value FROM samples AS s"
         " JOIN entities AS e ON e.id = s.entity_id JOIN metrics AS m ON m.id = s.metric_id;\n";
  sql += "CREATE VIEW events_v AS SELECT time_us, " + time_text("time_us") +
         " AS time, kind, entity, reason FROM events;\n";
  sql += "PRAGMA user_version = " + std::to_string(run_database_schema_version) + ";\n";
  sql += "COMMIT;";
  return sql;
}

std::string_view run_database_indexes() {
  return R"sql(
CREATE INDEX samples_by_series ON samples(entity_id, metric_id, time_us);
CREATE INDEX events_by_entity ON events(entity, time_us);
)sql";
}

}  // namespace b24::reports

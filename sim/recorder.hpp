#pragma once
// What models publish about a run, decoupled from where it goes (OMNeT++'s signals): models
// call a Recorder; reports/ implements it with SQLite, tests with an in-memory recorder, and
// what to keep is decided outside the model. Models never write files.
//
// Entities are slash paths ("dc/fra", "dc/fra/asg", "link/fra-ams"); metric names carry their
// unit ("cpu_pct", "p99_latency_ms", "lag_s"). Calls come in non-decreasing time order.

#include <initializer_list>
#include <string_view>

#include "sim/latency_histogram.hpp"
#include "sim/time.hpp"

namespace b24::sim {

struct Metric {
  std::string_view name;
  double value;
};

class Recorder {
 public:
  virtual ~Recorder() = default;

  // One sample of several metrics of one entity at one instant (one row of a time series).
  virtual void sample(Instant t, std::string_view entity,
                      std::initializer_list<Metric> metrics) = 0;
  // Something that happened, with the reason a person needs to understand it (a policy's
  // decision reason, a fault's description).
  virtual void event(Instant t, std::string_view kind, std::string_view entity,
                     std::string_view reason) = 0;
  // A latency distribution of `entity` over the interval that ends at t.
  virtual void histogram(Instant t, std::string_view entity, std::string_view metric,
                         const LatencyHistogram& histogram) = 0;
};

// Discards everything: for runs that only need the trace hash or the final figures.
class NullRecorder final : public Recorder {
 public:
  void sample(Instant, std::string_view, std::initializer_list<Metric>) override {}
  void event(Instant, std::string_view, std::string_view, std::string_view) override {}
  void histogram(Instant, std::string_view, std::string_view, const LatencyHistogram&) override {}
};

}  // namespace b24::sim

#pragma once
// A Recorder that keeps everything in memory, for model tests.

#include <string>
#include <vector>

#include "sim/recorder.hpp"

namespace b24::models::testing {

class MemoryRecorder final : public sim::Recorder {
 public:
  struct Event {
    sim::Instant time;
    std::string kind, entity, reason;
  };
  struct Sample {
    sim::Instant time;
    std::string entity, metric;
    double value;
  };
  void sample(sim::Instant t, std::string_view entity,
              std::initializer_list<sim::Metric> metrics) override {
    for (const auto& m : metrics)
      samples.push_back({t, std::string(entity), std::string(m.name), m.value});
  }
  void event(sim::Instant t, std::string_view kind, std::string_view entity,
             std::string_view reason) override {
    events.push_back({t, std::string(kind), std::string(entity), std::string(reason)});
  }
  void histogram(sim::Instant, std::string_view, std::string_view,
                 const sim::LatencyHistogram&) override {
    ++histograms;
  }
  std::vector<Event> events;
  std::vector<Sample> samples;
  int histograms = 0;
};

}  // namespace b24::models::testing

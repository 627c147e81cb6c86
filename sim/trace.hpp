#pragma once
// Structured trace: (time, kind, entity, fields) records sent to pluggable sinks, and a 64-bit
// hash over every record emitted. Two runs with the same scenario, seed and binary must give
// the same hash; the hash is the cheap way to prove it (FoundationDB's "unseed", OMNeT++'s
// fingerprint). The hash covers a canonical byte encoding, not the sinks' text.

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/time.hpp"

namespace b24::sim {

using TraceValue = std::variant<std::int64_t, double, std::string_view>;

struct TraceField {
  std::string_view key;
  TraceValue value;
  template <std::integral T>
  TraceField(std::string_view k, T v) : key(k), value(static_cast<std::int64_t>(v)) {}
  TraceField(std::string_view k, double v) : key(k), value(v) {}
  TraceField(std::string_view k, std::string_view v) : key(k), value(v) {}
  TraceField(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  TraceField(std::string_view k, Duration v) : key(k), value(std::int64_t{v.count()}) {}
};

// Views into the emitter's data: valid only during TraceSink::write.
struct TraceRecord {
  Instant time;
  std::string_view kind;
  std::string_view entity;
  std::span<const TraceField> fields;
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void write(const TraceRecord& record) = 0;
};

// One line per record: "00:00:01.500000 kind entity key=value ...".
class TextTraceSink final : public TraceSink {
 public:
  explicit TextTraceSink(std::ostream& out) : out_(&out) {}
  void write(const TraceRecord& record) override;

 private:
  std::ostream* out_;
};

// Keeps every record as text, for tests and small runs.
class MemoryTraceSink final : public TraceSink {
 public:
  void write(const TraceRecord& record) override;
  [[nodiscard]] const std::vector<std::string>& lines() const noexcept { return lines_; }

 private:
  std::vector<std::string> lines_;
};

[[nodiscard]] std::string format_record(const TraceRecord& record);

class Trace {
 public:
  void emit(Instant t, std::string_view kind, std::string_view entity,
            std::initializer_list<TraceField> fields = {});
  // Sinks are not owned and must outlive the trace or be removed.
  void add_sink(TraceSink& sink) { sinks_.push_back(&sink); }
  void remove_sink(TraceSink& sink) noexcept;

  [[nodiscard]] std::uint64_t hash() const noexcept;
  [[nodiscard]] std::uint64_t records() const noexcept { return records_; }

 private:
  void absorb(std::uint64_t word) noexcept;
  void absorb(std::string_view bytes) noexcept;

  std::vector<TraceSink*> sinks_;
  std::uint64_t state_ = 0x6A09E667F3BCC908ULL;
  std::uint64_t records_ = 0;
};

// "0123456789abcdef": how hashes are printed everywhere (summary, CLI, tests).
[[nodiscard]] std::string format_hash(std::uint64_t hash);

}  // namespace b24::sim

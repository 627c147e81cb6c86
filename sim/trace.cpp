#include "sim/trace.hpp"

#include <algorithm>
#include <bit>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ostream>

namespace b24::sim {
namespace {

// A multiply-xorshift absorb step (the finaliser of MurmurHash3/SplitMix): every input bit
// affects every state bit, and it is defined on integers only, so the hash is the same on
// every platform.
std::uint64_t mix(std::uint64_t h, std::uint64_t word) noexcept {
  h ^= word + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

void append_value(std::string& out, const TraceValue& value) {
  char buf[40];
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    std::snprintf(buf, sizeof buf, "%" PRId64, *i);
    out += buf;
  } else if (const auto* d = std::get_if<double>(&value)) {
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    out += buf;
  } else {
    out += std::get<std::string_view>(value);
  }
}

}  // namespace

std::string format_record(const TraceRecord& record) {
  std::string line = format_instant(record.time);
  line += ' ';
  line += record.kind;
  line += ' ';
  line += record.entity;
  for (const TraceField& f : record.fields) {
    line += ' ';
    line += f.key;
    line += '=';
    append_value(line, f.value);
  }
  return line;
}

void TextTraceSink::write(const TraceRecord& record) {
  *out_ << format_record(record) << '\n';
}

void MemoryTraceSink::write(const TraceRecord& record) {
  lines_.push_back(format_record(record));
}

void Trace::remove_sink(TraceSink& sink) noexcept {
  std::erase(sinks_, &sink);
}

void Trace::absorb(std::uint64_t word) noexcept {
  state_ = mix(state_, word);
}

void Trace::absorb(std::string_view bytes) noexcept {
  absorb(bytes.size());  // length first: ("ab","c") and ("a","bc") must differ
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    std::uint64_t word = 0;
    const std::size_t n = std::min<std::size_t>(8, bytes.size() - i);
    for (std::size_t b = 0; b < n; ++b) {
      word |= std::uint64_t{static_cast<unsigned char>(bytes[i + b])} << (8 * b);
    }
    absorb(word);
  }
}

void Trace::emit(Instant t, std::string_view kind, std::string_view entity,
                 std::initializer_list<TraceField> fields) {
  absorb(static_cast<std::uint64_t>(t.time_since_epoch().count()));
  absorb(kind);
  absorb(entity);
  absorb(fields.size());
  for (const TraceField& f : fields) {
    absorb(f.key);
    absorb(f.value.index());
    if (const auto* i = std::get_if<std::int64_t>(&f.value)) {
      absorb(static_cast<std::uint64_t>(*i));
    } else if (const auto* d = std::get_if<double>(&f.value)) {
      absorb(std::bit_cast<std::uint64_t>(*d));
    } else {
      absorb(std::get<std::string_view>(f.value));
    }
  }
  ++records_;
  if (sinks_.empty()) return;
  const TraceRecord record{t, kind, entity,
                           std::span<const TraceField>(fields.begin(), fields.size())};
  for (TraceSink* sink : sinks_) sink->write(record);
}

std::uint64_t Trace::hash() const noexcept {
  return mix(state_, records_);
}

std::string format_hash(std::uint64_t hash) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, hash);
  return buf;
}

}  // namespace b24::sim

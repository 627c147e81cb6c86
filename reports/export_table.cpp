#include "reports/export_table.hpp"

#include <cmath>
#include <utility>

#include "sim/assert.hpp"

namespace b24::reports {
namespace {

constexpr std::size_t flush_bytes = 1 << 16;

void append_integer(std::string& out, std::int64_t value, const ExportColumn& column) {
  if (column.seconds_from_microseconds) {
    append_seconds(out, value);
  } else {
    out += std::to_string(value);
  }
}

}  // namespace

ExportTable::ExportTable(std::filesystem::path final_path, ExportFormat format,
                         std::vector<ExportColumn> columns)
    : file_(std::move(final_path)), format_(format), columns_(std::move(columns)) {
  if (format_ != ExportFormat::csv) return;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) buffer_ += ',';
    append_csv_field(buffer_, columns_[i].name);
  }
  buffer_ += '\n';
}

void ExportTable::add_row(std::span<const Cell> cells) {
  B24_ASSERT(cells.size() == columns_.size());
  if (format_ == ExportFormat::csv) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) buffer_ += ',';
      append_csv(cells[i], columns_[i]);
    }
  } else {
    buffer_ += '{';
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) buffer_ += ',';
      append_json_string(buffer_, columns_[i].name);
      buffer_ += ':';
      append_json(cells[i], columns_[i]);
    }
    buffer_ += '}';
  }
  buffer_ += '\n';
  ++rows_;
  flush_if_full();
}

void ExportTable::append_csv(const Cell& cell, const ExportColumn& column) {
  if (const auto* i = std::get_if<std::int64_t>(&cell)) {
    append_integer(buffer_, *i, column);
  } else if (const auto* d = std::get_if<double>(&cell)) {
    const double v = column.seconds_from_microseconds ? *d / 1e6 : *d;
    if (!std::isnan(v)) append_real(buffer_, v);  // NaN: an empty field, like NULL
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    append_csv_field(buffer_, *s);
  }  // NULL: an empty field
}

void ExportTable::append_json(const Cell& cell, const ExportColumn& column) {
  if (const auto* i = std::get_if<std::int64_t>(&cell)) {
    append_integer(buffer_, *i, column);
  } else if (const auto* d = std::get_if<double>(&cell)) {
    const double v = column.seconds_from_microseconds ? *d / 1e6 : *d;
    if (std::isfinite(v)) {
      append_real(buffer_, v);
    } else {
      buffer_ += "null";  // JSON has neither NaN nor infinity
    }
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    append_json_string(buffer_, *s);
  } else {
    buffer_ += "null";
  }
}

void ExportTable::flush_if_full() {
  if (buffer_.size() < flush_bytes) return;
  file_.write(buffer_);
  buffer_.clear();
}

void ExportTable::finish() {
  file_.write(buffer_);
  buffer_.clear();
  file_.finish();
}

}  // namespace b24::reports

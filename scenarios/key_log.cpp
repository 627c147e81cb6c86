#include "scenarios/key_log.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "scenarios/diagnostic.hpp"
#include "scenarios/scenario.hpp"

namespace b24::scenarios {

namespace {

thread_local KeyLog* active_log = nullptr;

// "dcs[2].web" -> {"dcs[2]", "web"}. Names with dots inside are not told apart (none are read).
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    parts.push_back(path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return parts;
}

}  // namespace

std::string KeyLog::normalize(std::string_view raw) const {
  std::string out;
  const std::string prefixed = prefix.empty() ? std::string(raw)
                               : raw.empty()  ? prefix
                                              : prefix + "." + std::string(raw);
  for (std::string_view part : split_path(prefixed)) {
    std::string_view name = part;
    std::size_t items = 0;  // "key[3][0]": the name and two item levels
    while (name.ends_with(']') && name.find('[') != std::string_view::npos) {
      name = name.substr(0, name.rfind('['));
      ++items;
    }
    const bool chosen_name = is_entries(out);
    if (!out.empty() && !name.empty()) out += '.';
    out += chosen_name ? std::string("*") : std::string(name);
    for (std::size_t i = 0; i < items; ++i) out += "[]";
  }
  return out;
}

bool KeyLog::is_entries(std::string_view normalized) const {
  return entries_.find(normalized) != entries_.end();
}

void KeyLog::note_key(std::string_view path) {
  if (paused > 0) return;
  const std::string normalized = normalize(path);
  keys_.try_emplace(normalized);
}

void KeyLog::note_kind(std::string_view path, std::string_view kind) {
  if (paused > 0) return;
  if (path.empty() && prefix.empty()) return;
  keys_[normalize(path)].emplace(kind);
}

void KeyLog::note_entries(std::string_view path) {
  if (paused > 0) return;
  std::string normalized = normalize(path);
  if (!normalized.empty()) keys_[normalized].emplace("a mapping of names");
  entries_.insert(std::move(normalized));
}

void KeyLog::note_default(std::string_view path, std::string yaml) {
  if (!records_defaults()) return;
  default_texts_[normalize(path)].insert(yaml);
  if (!prefix.empty() || !default_paths_.emplace(path).second) return;
  defaults_.push_back(Default{std::string(path), std::move(yaml)});
}

KeyLogScope::KeyLogScope(KeyLog& log) : previous_(active_log) {
  active_log = &log;
}
KeyLogScope::~KeyLogScope() {
  active_log = previous_;
}

KeyLog* current_key_log() {
  return active_log;
}

KeyLogPause::KeyLogPause() {
  if (active_log != nullptr) ++active_log->paused;
}
KeyLogPause::~KeyLogPause() {
  if (active_log != nullptr) --active_log->paused;
}

KeyLogNoDefaults::KeyLogNoDefaults(bool when) : log_(when ? active_log : nullptr) {
  if (log_ != nullptr) ++log_->no_defaults;
}
KeyLogNoDefaults::~KeyLogNoDefaults() {
  if (log_ != nullptr) --log_->no_defaults;
}

KeyLogPrefix::KeyLogPrefix(std::string prefix) {
  if (active_log == nullptr) return;
  previous_ = std::exchange(active_log->prefix, std::move(prefix));
}
KeyLogPrefix::~KeyLogPrefix() {
  if (active_log != nullptr) active_log->prefix = std::move(previous_);
}

KeyLog scenario_key_list(std::span<const std::filesystem::path> files) {
  KeyLog log;
  const KeyLogScope scope(log);
  for (const std::filesystem::path& file : files) {
    Diagnostics ignored;
    (void)load_scenario(file, ignored);
  }
  return log;
}

std::vector<std::filesystem::path> shipped_key_corpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& folder : {dir, dir / "key-corpus"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

KeyLog shipped_key_list(const std::filesystem::path& dir) {
  return scenario_key_list(shipped_key_corpus(dir));
}

}  // namespace b24::scenarios

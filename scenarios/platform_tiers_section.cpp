// Platform scenarios: one web tier per DC. `web_defaults:` holds the single-DC sections
// (web_node, load_balancer, cloudwatch, auto_scaling) and the instance price for every DC;
// `dcs.<name>:` overrides them for one DC, key by key.
//
// An override is merged into web_defaults in the document tree, not in the params: a key
// written under dcs.<name> replaces the same key of web_defaults, and the mappings
// load_balancer.health_check and auto_scaling.target_tracking merge key by key too (a
// distribution, a list of rules or a scalar is replaced whole). The merged sections are then
// read by the same readers as web_defaults, so every cross-field check (max_size >= min_size,
// a health check's timeout < interval, ...) sees the values the DC really gets. They are read
// by a reader of their own over a copy of the document whose nodes are shared with the
// original, so marks point at what is written; an error in web_defaults that every merged copy
// repeats is reported once.

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "scenarios/key_log.hpp"
#include "scenarios/scenario_sections.hpp"

namespace b24::scenarios::detail {

namespace {

// Sections whose mappings merge key by key (the rest is replaced whole).
bool merges(std::string_view key) {
  return key == "web_node" || key == "load_balancer" || key == "cloudwatch" ||
         key == "auto_scaling" || key == "health_check" || key == "target_tracking";
}

// `over` written over `base`: a new mapping node, or `over` itself when either is no mapping.
NodeId merge(Document& document, NodeId base, NodeId over) {
  if (base == no_node) return over;
  if (over == no_node || document.node(over).kind == NodeKind::null) return base;
  if (document.node(base).kind != NodeKind::mapping ||
      document.node(over).kind != NodeKind::mapping) {
    return over;
  }
  Node merged = document.node(over);  // its mark, tag and entries' marks
  merged.entries.clear();
  const std::vector<MapEntry> base_entries = document.node(base).entries;
  const std::vector<MapEntry> over_entries = document.node(over).entries;
  for (const MapEntry& entry : base_entries) {
    const MapEntry* written = document.find(over, entry.key);
    if (written == nullptr) {
      merged.entries.push_back(entry);
      continue;
    }
    MapEntry replaced = *written;
    if (merges(entry.key)) replaced.value = merge(document, entry.value, written->value);
    merged.entries.push_back(std::move(replaced));
  }
  for (const MapEntry& entry : over_entries) {
    if (document.find(base, entry.key) == nullptr) merged.entries.push_back(entry);
  }
  return document.add(std::move(merged));
}

NodeId value_at(const Document& document, NodeId mapping, std::string_view key) {
  if (mapping == no_node || document.node(mapping).kind != NodeKind::mapping) return no_node;
  const MapEntry* entry = document.find(mapping, key);
  return entry == nullptr ? no_node : entry->value;
}

std::size_t tier_index(const models::PlatformParams& p, std::string_view name) {
  for (std::size_t i = 0; i < p.tiers.size(); ++i) {
    if (p.tiers[i].name == name) return i;
  }
  return p.tiers.size();
}

// Adds what `extra` holds that `into` does not already say at the same place.
void append_new(const Diagnostics& extra, Diagnostics& into) {
  std::set<std::tuple<std::string, int, int, std::string>> known;
  for (const Diagnostic& d : into) known.emplace(d.file, d.line, d.column, d.message);
  for (const Diagnostic& d : extra) {
    if (known.emplace(d.file, d.line, d.column, d.message).second) into.add(d);
  }
}

// Marks every key below `value` as known to its reader (another reader checks them).
void know_subtree(const NodeView& value) {
  if (value.is_mapping()) {
    for (const auto& [key, child] : value.entries()) know_subtree(child);
  } else if (value.is_sequence()) {
    for (const NodeView& item : value.items()) know_subtree(item);
  }
}

}  // namespace

std::optional<sim::Duration> read_tier(const NodeView& map, const CheckedValues& checked,
                                       models::WebTierParams& out) {
  read_web_node(map.child("web_node"), out.node);
  read_load_balancer(map.child("load_balancer"), out);
  CheckedValues tier_checked = checked;
  tier_checked.cloudwatch_period = read_cloudwatch(map.child("cloudwatch"), out.cloudwatch);
  read_auto_scaling(map.child("auto_scaling"), tier_checked, out.auto_scaling);
  const NodeView price = map.value("instance_price_usd_per_hour");
  if (price.records_default()) price.note_default(number_text(out.instance_price_usd_per_hour));
  if (const std::optional<double> usd = price.as_double({.min = 0.0})) {
    out.instance_price_usd_per_hour = *usd;
  }
  return tier_checked.cloudwatch_period;
}

void read_web_defaults(const NodeView& root, const PlatformNames& names,
                       const CheckedValues& checked, models::PlatformParams& out,
                       std::vector<std::optional<sim::Duration>>& periods) {
  models::WebTierParams defaults;
  const std::optional<sim::Duration> period =
      read_tier(root.child("web_defaults"), checked, defaults);
  for (const auto& [name, value] : root.entries("dcs")) {
    if (name.starts_with("x-")) continue;
    (void)names.dc_named(value, name);
    // Its keys are read, and unknown ones reported, by read_dc_overrides.
    const KeyLogPause not_a_read;  // the key list records them there (key_log.hpp)
    know_subtree(value);
  }
  out.tiers.clear();
  periods.clear();
  for (const models::DcSpec& dc : names.topology().dcs) {
    models::WebTierParams tier = defaults;
    tier.name = dc.name;
    tier.sample_step = out.sample_step;
    out.tiers.push_back(std::move(tier));
    periods.push_back(period);
  }
}

void read_dc_overrides(const Document& document, Diagnostics& diagnostics,
                       const CheckedValues& checked, models::PlatformParams& out,
                       std::vector<std::optional<sim::Duration>>& periods) {
  const NodeId dcs = value_at(document, document.root(), "dcs");
  if (dcs == no_node || document.node(dcs).kind != NodeKind::mapping) return;
  Document copy = document;
  const NodeId defaults = value_at(copy, copy.root(), "web_defaults");
  Node dcs_node = copy.node(dcs);
  std::vector<std::size_t> tiers;
  std::vector<MapEntry> kept;
  for (const MapEntry& entry : dcs_node.entries) {
    const std::size_t tier = tier_index(out, entry.key);
    if (tier == out.tiers.size() || entry.key.starts_with("x-")) continue;
    MapEntry merged = entry;
    merged.value = merge(copy, defaults, entry.value);
    kept.push_back(std::move(merged));
    tiers.push_back(tier);
  }
  dcs_node.entries = std::move(kept);
  Node root;
  root.kind = NodeKind::mapping;
  root.mark = copy.node(copy.root()).mark;
  root.entries.push_back({.key = "dcs", .key_mark = dcs_node.mark, .value = copy.add(dcs_node)});
  copy.set_root(copy.add(std::move(root)));

  Diagnostics found;
  Reader reader(copy, found);
  const std::vector<std::pair<std::string, NodeView>> entries = reader.root().entries("dcs");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    models::WebTierParams tier;
    periods[tiers[i]] = read_tier(entries[i].second, checked, tier);
    tier.name = out.tiers[tiers[i]].name;
    tier.sample_step = out.sample_step;
    out.tiers[tiers[i]] = std::move(tier);
  }
  reader.finish();
  append_new(found, diagnostics);
}

}  // namespace b24::scenarios::detail

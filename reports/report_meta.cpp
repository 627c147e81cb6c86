#include "reports/report_meta.hpp"

#include <nlohmann/json.hpp>

namespace b24::reports {

std::string dc_sites_json(const std::vector<DcSite>& sites) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const DcSite& s : sites) {
    list.push_back({{"name", s.name},
                    {"city", s.city},
                    {"lat", s.latitude_deg},
                    {"lon", s.longitude_deg},
                    {"jurisdiction", s.jurisdiction}});
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string dc_links_json(const std::vector<DcLink>& links) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const DcLink& l : links) list.push_back({l.a, l.b});
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::vector<DcSite>> parse_dc_sites(std::string_view json) {
  try {
    std::vector<DcSite> sites;
    for (const nlohmann::json& s : nlohmann::json::parse(json)) {
      sites.push_back(DcSite{s.at("name").get<std::string>(), s.at("city").get<std::string>(),
                             s.at("lat").get<double>(), s.at("lon").get<double>(),
                             s.at("jurisdiction").get<std::string>()});
    }
    return sites;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::vector<DcLink>> parse_dc_links(std::string_view json) {
  try {
    std::vector<DcLink> links;
    for (const nlohmann::json& l : nlohmann::json::parse(json)) {
      links.push_back(DcLink{l.at(0).get<std::string>(), l.at(1).get<std::string>()});
    }
    return links;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::string meta_number(double value) {
  return nlohmann::json(value).dump();
}

}  // namespace b24::reports

#pragma once
// The report's one stylesheet, inlined in <style>: no web fonts, no external resources.

#include <string_view>

namespace b24::reports::html {

[[nodiscard]] std::string_view report_css() noexcept;

}  // namespace b24::reports::html

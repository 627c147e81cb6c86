#pragma once
// How a map element's state becomes colour and size, in one place so that the markers, the
// arrows and the legend agree.

#include <QColor>
#include <QString>

#include "viewer/map_snapshot.hpp"

namespace b24::viewer {

// Red when failed, orange while health detection still calls it failed, otherwise green to
// amber to red by CPU (a DC at its scaling target of 50 % is green; one near saturation red).
[[nodiscard]] QColor dc_colour(const DcMarker& dc);
// 7 px for an idle DC to 25 px for the busiest DC of the run (area proportional to load).
[[nodiscard]] double marker_radius(const DcMarker& dc);

// Green when in step, amber from 1 s of lag, red from 60 s; violet while resyncing. A
// disconnected edge is dashed, grey while nothing waits and the lag's colour otherwise.
[[nodiscard]] QColor repl_colour(const ReplArrow& edge);
[[nodiscard]] bool repl_dashed(const ReplArrow& edge);

// "30 s", "12 min", "2.0 h".
[[nodiscard]] QString lag_text(double lag_s);

inline const QColor ocean_colour{0xdd, 0xe8, 0xf0};
inline const QColor land_colour{0xf4, 0xf1, 0xe8};
inline const QColor coast_colour{0xb8, 0xb2, 0xa0};
inline const QColor link_colour{0x7d, 0x86, 0x91};
inline const QColor cut_colour{0xc9, 0x2a, 0x2a};
inline const QColor relay_colour{0x9c, 0x36, 0xb5};

}  // namespace b24::viewer

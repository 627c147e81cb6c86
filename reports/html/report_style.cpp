#include "reports/html/report_style.hpp"

namespace b24::reports::html {

// System fonts only. Charts sit in a grid that is one column on a phone and up to three on a
// wide screen; SVG text is sized in viewBox units so it shrinks with its chart. Print: no
// shadows, white background, charts kept whole on a page, every <details> body shown.
std::string_view report_css() noexcept {
  return R"css(
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;
--bg:#fff;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
color:var(--fg);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:12px 16px 48px}
h1{font-size:1.5em;margin:.4em 0 .1em}h2{font-size:1.2em;margin:1.6em 0 .5em;
border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em}
.sub{color:var(--muted);margin:0 0 .6em}
nav{font-size:.9em;margin:.4em 0 1em;display:flex;flex-wrap:wrap;gap:2px 14px}nav a{color:#0969da;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
.card{border:1px solid var(--line);border-left:5px solid var(--line);border-radius:6px;
padding:8px 10px;background:var(--panel)}
.card .label{font-size:.82em;color:var(--muted)}.card .value{font-size:1.35em;font-weight:600}
.card .note{font-size:.78em;color:var(--muted)}
.card.ok{border-left-color:var(--ok)}.card.bad{border-left-color:var(--bad)}
.card.warn{border-left-color:var(--warn)}
.card.ok .value{color:var(--ok)}.card.bad .value{color:var(--bad)}.card.warn .value{color:var(--warn)}
.pass{color:var(--ok);font-weight:600}.fail{color:var(--bad);font-weight:600}
table{border-collapse:collapse;font-size:.88em;margin:.4em 0;max-width:100%}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;max-width:100%}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;
overflow-x:auto;font-size:.82em;line-height:1.35;white-space:pre}
code{font-size:.9em}
details{margin:.5em 0}summary{cursor:pointer;color:#0969da}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(440px,100%),1fr));gap:12px}
figure{margin:0}
.chart-box{border:1px solid var(--line);border-radius:6px;padding:6px 8px;background:#fff;
break-inside:avoid}
.chart-box figcaption{font-weight:600;font-size:.9em}.unit{color:var(--muted);font-weight:400}
svg{display:block;height:auto;max-width:100%}
svg.chart text{font-size:12px;fill:var(--muted)}
svg.chart .axis.y text{text-anchor:end}svg.chart .axis.x text{text-anchor:middle}
svg.chart .grid line{stroke:#eaeef2;stroke-width:1}svg.chart .axis line{stroke:var(--muted)}
path.series{fill:none;stroke-width:1.4;stroke-linejoin:round}path.series.dashed{stroke-dasharray:5 3}
line.threshold{stroke:var(--bad);stroke-width:1;stroke-dasharray:4 3}
rect.band{fill:#cf222e;fill-opacity:.12}
.legend{list-style:none;margin:2px 0 0;padding:0;font-size:.8em;display:flex;flex-wrap:wrap;
gap:2px 12px}
.sw{display:inline-block;width:14px;height:3px;vertical-align:middle;margin-right:4px}
.sw.threshold{border-top:2px dashed var(--bad);height:0}
.sw.dashed{background:none!important;border-top:3px dashed;height:0}
.sw.dashed.s0{border-color:#0969da}.sw.dashed.s5{border-color:#4d6b7a}.sw.band{background:#cf222e33;height:10px}
.s0{stroke:#0969da;background:#0969da}.s1{stroke:#e16f24;background:#e16f24}
.s2{stroke:#1a7f37;background:#1a7f37}.s3{stroke:#8250df;background:#8250df}
.s4{stroke:#bf3989;background:#bf3989}.s5{stroke:#4d6b7a;background:#4d6b7a}
.s6{stroke:#b08800;background:#b08800}.s7{stroke:#0a7a8a;background:#0a7a8a}
svg.map{background:#dfeaf3;border:1px solid var(--line);border-radius:6px}
svg.map .land{fill:#f4f1ea;stroke:#a8a293;stroke-width:.6;fill-rule:evenodd}
svg.map .graticule{stroke:#c8d6e2;stroke-width:.4;fill:none}
svg.map .link{stroke:#57606a;stroke-width:1;stroke-opacity:.55;fill:none}
svg.map .link.cut{stroke:var(--bad);stroke-dasharray:4 3;stroke-opacity:.9;stroke-width:1.5}
svg.map .dc{stroke:#fff;stroke-width:1;fill-opacity:.85}
svg.map .dc.quiet{fill:#0969da}svg.map .dc.incident{fill:#d4a72c}svg.map .dc.failed{fill:var(--bad)}
svg.map text{fill:#1f2328;paint-order:stroke;stroke:#fff;stroke-linejoin:round}
svg.map .inset-frame{fill:none;stroke:#57606a;stroke-dasharray:3 2;stroke-width:.8}
.maps{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
.maps figure.world{grid-column:1/-1}.maps figure.world svg{max-width:1000px;margin:0 auto}
svg.timeline{border:1px solid var(--line);border-radius:6px;background:#fff}
svg.timeline text{font-size:9px;fill:var(--muted);text-anchor:end}
svg.timeline text.tick{text-anchor:middle}svg.timeline .lane{stroke:#eaeef2}
path.ev{stroke-width:1.2;fill:none}path.ev.fault{stroke:var(--bad)}
path.ev.recovery{stroke:var(--ok)}path.ev.failover{stroke:#8250df}path.ev.change{stroke:#0969da}
path.ev.scaling{stroke:#8c959f}path.ev.health{stroke:#d4a72c}path.ev.other{stroke:#1f2328}
.sw.ev-fault{background:var(--bad)}.sw.ev-recovery{background:var(--ok)}
.sw.ev-failover{background:#8250df}.sw.ev-change{background:#0969da}
.sw.ev-scaling{background:#8c959f}.sw.ev-health{background:#d4a72c}
tr.failover td{background:#fbefff}tr.change td{background:#ddf4ff}
.tl-kind{white-space:nowrap}.tl-time{white-space:nowrap;font-variant-numeric:tabular-nums}
tr.fault td{background:#ffebe9}tr.recovery td{background:#dafbe1}
.muted{color:var(--muted)}
@media (max-width:760px){body{font-size:14px}main{padding:8px}.grid{grid-template-columns:1fr}
.cards{grid-template-columns:repeat(2,1fr)}}
@media print{body{font-size:11px}main{max-width:none;padding:0}nav{display:none}
.card,.chart-box,pre{background:#fff}.grid{grid-template-columns:repeat(2,1fr)}
h2{break-after:avoid}
pre{white-space:pre-wrap;font-size:9px}table{font-size:9px}}
)css";
}

}  // namespace b24::reports::html

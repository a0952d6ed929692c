/**
 * The page's stylesheet. Served inline (helmet's default CSP allows inline styles, not inline
 * scripts): one request per view, no build step. Phone first: nothing is wider than the screen
 * (390 px and up), tables wrap their text instead of scrolling the page, charts scale down.
 * Colours pass WCAG AA contrast on white and never carry meaning alone (every mark has a word or
 * a symbol beside it).
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b57a4}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #b35900;outline-offset:2px}
header.site{background:#12263a;color:#fff;padding:.5rem 1rem}
header.site a{color:#fff}
header.site .brand{font-weight:700;margin-right:1rem;text-decoration:none}
nav.site{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
nav.site a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0 .75rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .5rem}
.demo{background:#fff4ce;border:2px solid #8a6d00;color:#3d3000;padding:.5rem .75rem;margin:0 0 1rem;border-radius:4px}
.notice{background:#eef3f8;border-left:4px solid #0b57a4;padding:.5rem .75rem;margin:1rem 0}
.error{background:#fdecea;border-left:4px solid #a4262c;padding:.5rem .75rem;margin:1rem 0}
.muted{color:#555}
.daynav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}
.daynav form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
input[type=date]{font:inherit;padding:.25rem;max-width:100%}
button{font:inherit;padding:.25rem .75rem}
.game{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:0 0 1rem}
.game h2{margin:0 0 .25rem;font-size:1.1rem}
.game .meta{margin:0 0 .5rem;color:#444}
.team-code{font-weight:700}
table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem}
th,td{padding:.3rem .35rem;text-align:right;vertical-align:top;border-bottom:1px solid #ddd;overflow-wrap:break-word}
th:first-child,td:first-child{text-align:left}
thead th{border-bottom:2px solid #888;font-size:.875rem}
tbody th{font-weight:600;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.forecast-table{font-size:.9rem;table-layout:fixed}
.forecast-table th:first-child{width:28%}
.forecast-table thead th{overflow-wrap:anywhere}
th .sub{display:block;font-weight:400;font-size:.8rem;color:#444}
.right{color:#1b6e2d}
.wrong{color:#8b1a6b}
.num{font-variant-numeric:tabular-nums}
.table-scroll{overflow-x:auto;max-width:100%}
.outlook-table{font-size:.85rem;min-width:40rem}
.outlook-table th,.outlook-table td{overflow-wrap:normal;word-break:normal}
.outlook-table tbody th,.outlook-table td{white-space:nowrap}
.outlook-table thead th{vertical-align:bottom}
.metrics-table td.name{text-align:left}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0;min-width:0;overflow-wrap:break-word}
.chart{margin:.5rem 0 1rem}
.chart svg{max-width:100%;height:auto;display:block}
details{margin:.25rem 0 1rem}
summary{cursor:pointer}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:.5rem 0 1rem}
.card{border:1px solid #c8c8c8;border-radius:6px;padding:.5rem}
.card .label{font-size:.8rem;color:#444}
.card .value{font-size:1.2rem;font-weight:700}
.status{display:inline-block;padding:0 .4rem;border-radius:3px;border:1px solid #888;font-size:.85rem}
.status-production{background:#e3f1e6;border-color:#1b6e2d}
.status-staging{background:#eef3f8;border-color:#0b57a4}
.status-archived{background:#f0f0f0}
.status-hindcast{background:#fdf3e1;border-color:#8a5a00}
.version{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:0 0 1rem}
.version h3{margin-top:0}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.glance{font-size:.9rem;table-layout:fixed;max-width:40rem;margin:.25rem 0 1rem}
.glance caption{font-size:.85rem;font-weight:400;color:#444;padding:0 0 .15rem}
.glance col.p{width:4.5rem}
.glance col.spread{width:6.5rem}
.glance thead th{font-size:.75rem;line-height:1.15;vertical-align:bottom;padding:.2rem .25rem;overflow-wrap:normal}
.glance th,.glance td{padding:.1rem .25rem;border:0;vertical-align:middle;overflow-wrap:normal}
.glance tbody{border-top:1px solid #c8c8c8}
.glance tbody th{font-size:.95rem;font-weight:700;white-space:nowrap}
.glance tbody th a{text-decoration-thickness:1px}
.glance .at{font-weight:400;color:#555}
.glance-numbers>*{padding-top:.35rem}
.glance-marks td{font-size:.8rem;line-height:1.2;white-space:nowrap}
.glance-full td{padding:0 .25rem .3rem}
.glance details{margin:0}
.glance summary{font-size:.8rem;color:#0b57a4;width:max-content}
.glance details[open]{margin-bottom:.5rem}
.glance details .game{margin:.25rem 0 0}
.pbar{position:relative;display:block;height:.5rem;max-width:8rem;background:#d9d9d9;border-radius:2px}
.pbar-home{position:absolute;right:0;top:0;bottom:0;background:#12263a;border-radius:0 2px 2px 0}
.pbar-market{position:absolute;top:-.2rem;bottom:-.2rem;width:2px;margin-left:-1px;background:#b35900}
.team-games{font-size:.85rem}
.team-games th,.team-games td{white-space:nowrap;overflow-wrap:normal;padding:.3rem .2rem}
.team-games td.result{white-space:normal}
.team-games .score{white-space:nowrap}
.team-games thead th{white-space:normal;font-size:.75rem;vertical-align:bottom}
.team-games tbody th{text-align:left}
.team-record{font-size:.9rem}
abbr.hc{font-size:.7em;vertical-align:super;text-decoration:none;color:#444;margin-left:1px}
.team-record .market-row th{font-weight:400}
footer.site{max-width:60rem;margin:2rem auto 1rem;padding:0 1rem;color:#555;font-size:.875rem}
@media (max-width:30rem){main{padding:.75rem}h1{font-size:1.25rem}.demo{font-size:.8rem;padding:.35rem .5rem;margin-bottom:.5rem}.daynav{font-size:.9rem;gap:.25rem .75rem;margin-bottom:.5rem}.glance col.p{width:3.4rem}.glance col.spread{width:5.4rem}.glance thead th{font-size:.7rem}.team-games{font-size:.8rem}.forecast-table{font-size:.85rem}th,td{padding:.25rem .2rem}}
`;

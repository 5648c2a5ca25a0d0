// The report's only stylesheet, inlined: system fonts, no remote resources, a print layout with a page per decision.
export const REPORT_CSS = `
:root { --ink: #1b2430; --muted: #5b6573; --rule: #d5dbe3; --accent: #1f4e79; --soft: #eef3f8; --high: #a4262c; --medium: #8a5a00; --ok: #2e6b30; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 1120px; padding: 32px 40px 48px; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; color: var(--accent); }
h2 { font-size: 22px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 16px; margin: 22px 0 8px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p { margin: 0 0 10px; }
.meta { color: var(--muted); margin: 0; }
header { border-bottom: 1px solid var(--rule); padding-bottom: 16px; margin-bottom: 8px; }
.lead { font-size: 17px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scores td:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scores th:nth-child(n+3) { text-align: right; }
.scores td:nth-child(2) { white-space: nowrap; }
.money td:nth-child(n+2), .money th:nth-child(n+2) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
#risks td:first-child { white-space: nowrap; }
.bar { display: inline-block; height: 8px; background: var(--accent); border-radius: 2px; margin-right: 6px; vertical-align: middle; }
.excluded { color: var(--muted); }
.outcome { background: var(--soft); border-left: 4px solid var(--accent); padding: 12px 16px; margin: 12px 0; }
.outcome .choice { font-size: 19px; font-weight: 600; margin-bottom: 4px; }
.override { border-left-color: var(--medium); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: var(--soft); color: var(--accent); white-space: nowrap; }
.sev-high { background: #fbe9ea; color: var(--high); }
.sev-medium { background: #fdf3e0; color: var(--medium); }
.status-accepted { background: #e7f3e8; color: var(--ok); }
.status-rejected, .status-deprecated, .status-superseded { background: #eceff3; color: var(--muted); }
.stack { margin: 12px 0; text-align: center; }
.stack svg { width: 100%; height: auto; max-height: 1400px; border: 1px solid var(--rule); }
.note { color: var(--muted); font-size: 14px; }
ul { margin: 0 0 12px; padding-left: 22px; }
li { margin: 2px 0; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 13px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { margin-top: 0; }
  .decision, #stack, #cost, #risks, #participants { break-before: page; }
  table, tr, .outcome, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .stack svg { max-height: 230mm; border: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The report's only styling, inlined into the page (its Content-Security-Policy allows inline styles and nothing else). */
export const STYLE = `
  :root { --critical: #8b0000; --high: #c62828; --medium: #b26a00; --low: #1565c0; --info: #616161; --pass: #2e7d32; --muted: #555; }
  * { box-sizing: border-box; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #111; background: #fafafa; }
  header.top { background: #1d2733; color: #fff; padding: 20px 32px; }
  header.top h1 { margin: 0 0 6px; font-size: 24px; }
  header.top dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
  header.top dt { color: #b8c4d0; }
  header.top dd { margin: 0; word-break: break-all; }
  main { padding: 8px 32px 40px; max-width: 1400px; }
  nav.toc { margin: 16px 0; font-size: 13px; }
  nav.toc a { margin-right: 14px; }
  h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #dde; }
  h3 { font-size: 16px; margin: 20px 0 8px; }
  section.control { background: #fff; border: 1px solid #dde; border-radius: 6px; padding: 4px 16px 12px; margin: 14px 0; }
  section.control > h3 { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
  .control-id { font-family: ui-monospace, monospace; font-size: 13px; color: var(--muted); }
  .cards { display: flex; gap: 14px; flex-wrap: wrap; margin: 16px 0; }
  .card { background: #fff; border: 1px solid #dde; border-radius: 6px; padding: 10px 16px; min-width: 150px; }
  .card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  .card .value { font-size: 26px; font-weight: 700; }
  table { border-collapse: collapse; width: 100%; background: #fff; margin: 6px 0 12px; }
  th, td { border: 1px solid #d6d9e0; padding: 5px 8px; text-align: left; vertical-align: top; }
  th { background: #eef0f4; font-weight: 600; }
  .narrow table { width: auto; min-width: 320px; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr { break-inside: avoid; }
  .pill { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 700; color: #fff; text-transform: uppercase; white-space: nowrap; }
  .pill.critical { background: var(--critical); } .pill.high { background: var(--high); } .pill.medium { background: var(--medium); }
  .pill.low { background: var(--low); } .pill.info { background: var(--info); }
  .pill.pass { background: var(--pass); } .pill.fail { background: var(--high); } .pill.manual { background: #6a1b9a; }
  .pill.not-applicable { background: #9e9e9e; } .pill.excepted { background: #00796b; } .pill.expired { background: #ef6c00; }
  article.finding { border-top: 1px solid #e4e6eb; padding: 8px 0; }
  article.finding dl { display: grid; grid-template-columns: 110px 1fr; gap: 2px 12px; margin: 0; }
  article.finding dt { color: var(--muted); }
  article.finding dd { margin: 0; word-break: break-word; }
  pre { margin: 0; padding: 6px 8px; background: #f3f4f7; border-radius: 4px; white-space: pre-wrap; word-break: break-all; font-size: 12px; max-height: 24em; overflow: auto; }
  code { font-family: ui-monospace, monospace; font-size: 12px; background: #f0f1f4; padding: 0 3px; border-radius: 3px; }
  .muted { color: var(--muted); }
  .note { background: #fff8e1; border-left: 4px solid #f9a825; padding: 6px 10px; margin: 8px 0; }
  .empty { color: var(--muted); font-style: italic; }
  dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
  dl.fields dt { color: var(--muted); }
  dl.fields dd { margin: 0; }
  ol.steps { margin: 4px 0 8px; padding-left: 22px; }
  .filters { font-size: 13px; margin: 8px 0; }
  .filters label { margin-right: 12px; }
  body:has(#show-critical:not(:checked)) .sev-critical,
  body:has(#show-high:not(:checked)) .sev-high,
  body:has(#show-medium:not(:checked)) .sev-medium,
  body:has(#show-low:not(:checked)) .sev-low,
  body:has(#show-info:not(:checked)) .sev-info,
  body:has(#show-excepted:not(:checked)) .is-excepted { display: none; }
  @media print {
    body { background: #fff; } header.top { background: #fff; color: #111; border-bottom: 2px solid #111; }
    header.top dt { color: #555; } .filters, nav.toc { display: none; } pre { max-height: none; }
    section.control { break-inside: auto; }
  }
`;

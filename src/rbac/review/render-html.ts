/**
 * The review as one self-contained HTML page to print and sign: inline CSS only, no scripts, no external resources
 * (its Content-Security-Policy forbids them), every object-supplied string escaped. Each row has an empty sign-off
 * cell, and the page ends with a signature and date block.
 */
import { describeSubject } from '../users.js';
import { describeBindings, describeCounts, describePods, describeRisk, describeScope, describeSources, describeWorkload } from './describe.js';
import type { AccessReview, ReviewRow } from './review.js';
import { RISKS } from './risks.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const STYLE = `
  body { font: 12px/1.4 system-ui, sans-serif; margin: 24px; color: #111; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  h2 { font-size: 15px; margin: 24px 0 8px; }
  .legend { grid-template-columns: max-content 1fr; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 16px; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  ul { margin: 0; padding-left: 14px; }
  .subject { font-weight: 600; word-break: break-all; }
  .system { color: #555; font-weight: normal; }
  .severity { font-weight: 700; text-transform: uppercase; }
  .critical .severity { color: #a00; }
  .high .severity { color: #d33; }
  .medium .severity { color: #b70; }
  .low .severity { color: #06c; }
  .sign-off { min-width: 140px; }
  .signature { margin-top: 32px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; page-break-inside: avoid; }
  .signature div { border-top: 1px solid #111; padding-top: 4px; }
  @media print { body { margin: 0; } @page { size: landscape; margin: 12mm; } }
`;

function list(items: readonly string[]): string {
  if (items.length === 0) return '-';
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function risks(row: ReviewRow): string {
  if (row.risks.length === 0) return '-';
  const items = row.risks.map((flag) => `<li class="${flag.severity}"><span class="severity">${flag.severity}</span> ${escapeHtml(describeRisk(flag))}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

function rowHtml(row: ReviewRow): string {
  const system = row.system ? ' <span class="system">(system)</span>' : '';
  return [
    '<tr>',
    `<td class="subject">${escapeHtml(describeSubject(row.subject))}${system}</td>`,
    `<td>${list(describeBindings(row))}</td>`,
    `<td>${list(row.permissions.map(describeScope))}</td>`,
    `<td>${risks(row)}</td>`,
    `<td>${row.workloads.length > 0 || row.pods > 0 ? list([...row.workloads.map(describeWorkload), describePods(row)]) : '-'}</td>`,
    `<td class="sign-off">${escapeHtml(row.signOff)}</td>`,
    '</tr>',
  ].join('');
}

/** What each flag on the page means, so a reviewer reading it on paper need not look it up. */
function legend(review: AccessReview): string {
  const shown = new Set(review.rows.flatMap((row) => row.risks.map((flag) => flag.id)));
  const entries = RISKS.filter((risk) => shown.has(risk.id)).map((risk) => {
    const controls = risk.controls ? ` Per-role ${risk.controls.length === 1 ? 'control' : 'controls'}: ${risk.controls.join(', ')}.` : '';
    return `<dt>${escapeHtml(risk.title)} (${risk.id})</dt><dd>${escapeHtml(`${risk.why.charAt(0).toUpperCase()}${risk.why.slice(1)}.`)}${controls}</dd>`;
  });
  return entries.length === 0 ? '' : `<h2>What the flags mean</h2>\n<dl class="legend">${entries.join('')}</dl>\n`;
}

export function renderReviewHtml(review: AccessReview): string {
  const head = ['Subject', 'Bound by', 'Permissions', 'Risks', 'Runs', 'Sign-off'].map((title) => `<th>${title}</th>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>RBAC access review ${escapeHtml(review.generatedAt)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>RBAC access review</h1>
<dl>
<dt>Generated</dt><dd>${escapeHtml(review.generatedAt)}</dd>
<dt>Sources</dt><dd>${escapeHtml(describeSources(review))}</dd>
<dt>Subjects</dt><dd>${escapeHtml(describeCounts(review))}</dd>
</dl>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${review.rows.map(rowHtml).join('\n')}
</tbody>
</table>
${legend(review)}<div class="signature"><div>Reviewer</div><div>Signature</div><div>Date</div></div>
</body>
</html>
`;
}

/** One finding as an auditor reads it: what, where, found against expected, and any exception that covers it. */
import type { AppliedException, Finding } from '../model/finding.js';
import { describeRef, isClusterLocation } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import { toJson } from '../outputs/values.js';
import { text } from './escape.js';

/** Evidence values are capped so one enormous field cannot swamp the page; the JSON report has them whole. */
const MAX_EVIDENCE_CHARS = 4000;

export function evidenceText(found: unknown): string {
  const json = JSON.stringify(toJson(found), null, 2) ?? 'null';
  return json.length > MAX_EVIDENCE_CHARS ? `${json.slice(0, MAX_EVIDENCE_CHARS)}\n... (cut; the JSON report has it whole)` : json;
}

export function exceptionText(exception: AppliedException): string {
  const who = exception.owner ?? 'no owner given';
  const until = exception.expires ?? 'no expiry';
  return `${exception.reason} (owner: ${who}; until: ${until}; from ${exception.origin})`;
}

export function exceptionPill(exception: AppliedException | null): string {
  if (!exception) return '';
  return exception.status === 'active' ? '<span class="pill excepted">excepted</span>' : '<span class="pill expired">exception expired</span>';
}

function row(label: string, html: string): string {
  return `<dt>${text(label)}</dt><dd>${html}</dd>`;
}

export function renderFinding(finding: Finding): string {
  const excepted = finding.exception?.status === 'active';
  const rows = [
    row('Resource', `<strong>${text(describeRef(finding.resource))}</strong> <span class="muted">${text(finding.resource.apiVersion)}</span> ${exceptionPill(finding.exception)}`),
    row(isClusterLocation(finding.source) ? 'Cluster' : 'File', `<code>${text(formatSource(finding.source))}</code>`),
    row('Path', finding.path ? `<code>${text(finding.path)}</code>` : '-'),
    row('Problem', text(finding.message)),
    row('Found', `<pre>${text(evidenceText(finding.evidence.found))}</pre>`),
    row('Expected', text(finding.evidence.expected)),
  ];
  if (finding.exception) {
    const label = finding.exception.status === 'active' ? 'Exception' : 'Expired exception';
    rows.push(row(label, text(exceptionText(finding.exception))));
  }
  return `<article class="finding sev-${finding.severity}${excepted ? ' is-excepted' : ''}"><dl>${rows.join('')}</dl></article>`;
}

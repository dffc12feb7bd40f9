/** The summary an auditor reads first: scores, counts by severity, frameworks and clusters. */
import type { CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { Summary } from '../model/report.js';
import { describeRef, type InputError } from '../model/resource.js';
import { SEVERITIES } from '../model/severity.js';
import { formatSource } from '../outputs/location.js';
import { formatScore, text } from './escape.js';
import { exceptionPill } from './finding.js';
import { card, table } from './table.js';

export function renderOverview(summary: Summary): string {
  const open = SEVERITIES.reduce((sum, severity) => sum + summary.findings.bySeverity[severity], 0);
  const cards = [
    card('Posture score', formatScore(summary.score), 'posture-score'),
    card('Resources scanned', String(summary.resources)),
    card('Open findings', String(open)),
    card('Excepted', String(summary.findings.excepted)),
    card('Input errors', String(summary.errors)),
  ].join('');
  const severities = table(
    ['Severity', 'Open findings'],
    SEVERITIES.map((severity) => [`<span class="pill ${severity}">${severity}</span>`, String(summary.findings.bySeverity[severity])]),
    new Set([1]),
  );
  const frameworks =
    summary.frameworks.length === 0
      ? ''
      : `<h3>Scores per framework</h3>\n${table(
          ['Framework', 'Score', 'Controls', 'Failing'],
          summary.frameworks.map((framework) => [
            `${text(framework.title)} <span class="control-id">${text(framework.id)}</span>`,
            text(formatScore(framework.score)),
            String(framework.controls),
            String(framework.failedControls),
          ]),
          new Set([1, 2, 3]),
        )}`;
  const expired =
    summary.findings.expiredExceptions > 0
      ? `<p class="note">${summary.findings.expiredExceptions} finding(s) have an expired exception and count as open.</p>`
      : '';
  return `<div class="cards">${cards}</div>\n${expired}<h3>Open findings by severity</h3>\n<div class="narrow">${severities}</div>\n${frameworks}\n${renderClusters(summary)}`;
}

function renderClusters(summary: Summary): string {
  if (!summary.clusters || summary.clusters.length === 0) return '';
  const rows = summary.clusters.map((cluster) => {
    const platform = `${cluster.platform.distribution}${cluster.platform.managed ? ' (managed control plane)' : ''}`;
    const counts = SEVERITIES.map((severity) => `${cluster.bySeverity[severity]} ${severity}`).join(', ');
    return [
      `<strong>${text(cluster.context)}</strong><br><span class="muted">${text(cluster.server)}</span>`,
      text(cluster.serverVersion ?? 'unknown'),
      text(platform),
      String(cluster.resources),
      text(counts),
      text(formatScore(cluster.score)),
      String(cluster.gaps.length),
    ];
  });
  return `<h3>Clusters</h3>\n${table(['Cluster', 'Version', 'Platform', 'Resources', 'Open findings', 'Score', 'Coverage gaps'], rows, new Set([3, 5, 6]))}`;
}

/** Every finding an exception touches: the active ones (not counted) and the expired ones (counted again). */
export function renderExceptions(findings: readonly Finding[], leftOut: number): string {
  const covered = findings.filter((finding) => finding.exception !== null);
  const note = leftOut > 0 ? `<p class="note">${leftOut} excepted finding(s) beyond the per-control limit are not listed; the JSON report has them.</p>` : '';
  if (covered.length === 0) return `${note}<p class="empty">No exception applies to any finding.</p>`;
  const rows = covered.map((finding) => {
    const exception = finding.exception!;
    return [
      exceptionPill(exception),
      `<code>${text(finding.controlId)}</code>`,
      text(describeRef(finding.resource)),
      text(exception.reason),
      text(exception.owner ?? '-'),
      text(exception.expires ?? 'never'),
      `<code>${text(exception.origin)}</code>`,
    ];
  });
  return `${note}${table(['Status', 'Control', 'Resource', 'Why', 'Who', 'Until', 'Written in'], rows)}`;
}

export function renderInputErrors(errors: readonly InputError[]): string {
  if (errors.length === 0) return '<p class="empty">Every input was read.</p>';
  return table(
    ['Input', 'Code', 'Message'],
    errors.map((error) => [`<code>${text(formatSource(error))}</code>`, text(error.code), text(error.message)]),
  );
}

export function renderGaps(gaps: readonly CoverageGap[]): string {
  if (gaps.length === 0) return '<p class="empty">No coverage gaps: everything the scan set out to read was readable.</p>';
  const intro = '<p>kspm could not read these resource types, so nothing in them was judged. Silence here is not a pass.</p>';
  return `${intro}\n${table(
    ['Cluster', 'Resource', 'Status', 'Reason'],
    gaps.map((gap) => [text(gap.cluster), `<code>${text(gap.resource)}</code>`, gap.status > 0 ? `HTTP ${gap.status}` : '-', text(gap.reason)]),
  )}`;
}

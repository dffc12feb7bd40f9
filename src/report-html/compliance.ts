/** Compliance per framework: each of the framework's own controls with its verdict and the evidence behind it. */
import type { ComplianceControlResult, ComplianceReport, ComplianceStatus } from '../compliance/types.js';
import { isExcepted } from '../model/finding.js';
import { describeRef } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import { anchor, formatScore, plural, text } from './escape.js';
import { table } from './table.js';

/** Findings and node results named per framework control; the rest are counted. */
const EVIDENCE_ITEMS = 5;

const STATUS_ORDER: readonly ComplianceStatus[] = ['fail', 'pass', 'manual', 'not-applicable'];

function pill(status: ComplianceStatus): string {
  return `<span class="pill ${status}">${status === 'not-applicable' ? 'n/a' : status}</span>`;
}

function limited(items: string[], total: number): string {
  const more = total - items.length;
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}${more > 0 ? `<li class="muted">${more} more</li>` : ''}</ul>`;
}

function checkList(control: ComplianceControlResult, linkable: ReadonlySet<string>): string {
  if (control.checks.length === 0) return '';
  const checks = control.checks.map((check) => (linkable.has(check) ? `<a href="#${anchor('control', check)}"><code>${text(check)}</code></a>` : `<code>${text(check)}</code>`));
  return `<div class="muted">Checks: ${checks.join(', ')}</div>`;
}

function evidence(control: ComplianceControlResult, linkable: ReadonlySet<string>): string {
  const parts = [checkList(control, linkable)];
  const open = control.findings.filter((finding) => !isExcepted(finding));
  if (open.length > 0) {
    const items = open.slice(0, EVIDENCE_ITEMS).map((finding) => `${text(describeRef(finding.resource))}: ${text(finding.message)} <span class="muted">(${text(formatSource(finding.source))})</span>`);
    parts.push(limited(items, open.length));
  }
  const excepted = control.findings.filter(isExcepted);
  if (excepted.length > 0) {
    const items = excepted.slice(0, EVIDENCE_ITEMS).map((finding) => `<span class="pill excepted">excepted</span> ${text(describeRef(finding.resource))}: ${text(finding.exception!.reason)}`);
    parts.push(limited(items, excepted.length));
  }
  const nodes = control.nodeResults ?? [];
  if (nodes.length > 0) {
    const shown = [...nodes.filter((result) => result.status === 'fail'), ...nodes.filter((result) => result.status !== 'fail')].slice(0, EVIDENCE_ITEMS);
    const items = shown.map((result) => `${pill(result.status)} node ${text(result.node)}${result.location ? ` <code>${text(result.location)}</code>` : ''}: ${text(result.message)}`);
    parts.push(limited(items, nodes.length));
  }
  if (control.reason) parts.push(`<div>${text(control.reason)}</div>`);
  if (control.audit) parts.push(`<div><strong>Auditor:</strong> ${text(control.audit)}</div>`);
  return parts.join('');
}

function findingCounts(control: ComplianceControlResult): string {
  const excepted = control.findings.filter(isExcepted).length;
  const open = control.findings.length - excepted;
  return `${open}${excepted > 0 ? ` <span class="muted">(+${excepted} excepted)</span>` : ''}`;
}

function frameworkHtml(report: ComplianceReport, linkable: ReadonlySet<string>): string {
  const { framework, counts } = report;
  const tally = STATUS_ORDER.map((status) => `${counts[status]} ${status}`).join(' · ');
  const rows = report.controls.map((control) => [
    `<code>${text(control.id)}</code>`,
    `${text(control.title)}${control.section ? `<div class="muted">${text(control.section)}</div>` : ''}`,
    pill(control.status),
    findingCounts(control),
    evidence(control, linkable),
  ]);
  return [
    `<section class="framework" id="${anchor('framework', framework.id)}">`,
    `<h3>${text(framework.title)} <span class="control-id">${text(framework.id)} ${text(framework.version)}</span></h3>`,
    `<p><strong>Score ${text(formatScore(report.score))}</strong> <span class="muted">(passed / decided; ${text(tally)})</span></p>`,
    framework.url ? `<p class="muted">Source: ${text(framework.url)}</p>` : '',
    report.controls.length === 0 ? '<p class="empty">The framework has no controls.</p>' : table(['ID', 'Requirement', 'Status', 'Open findings', 'Evidence'], rows, new Set([3])),
    '</section>',
  ].join('\n');
}

/** A table of every framework's score, then each framework's controls. `linkable` names the kspm controls the page has a section for. */
export function renderComplianceSection(reports: readonly ComplianceReport[], linkable: ReadonlySet<string> = new Set()): string {
  if (reports.length === 0) return '<p class="empty">No framework was evaluated.</p>';
  const scores = table(
    ['Framework', 'Score', 'Pass', 'Fail', 'Manual', 'Not applicable'],
    reports.map((report) => [
      `<a href="#${anchor('framework', report.framework.id)}">${text(report.framework.title)}</a>`,
      text(formatScore(report.score)),
      String(report.counts.pass),
      String(report.counts.fail),
      String(report.counts.manual),
      String(report.counts['not-applicable']),
    ]),
    new Set([1, 2, 3, 4, 5]),
  );
  return `${scores}\n${reports.map((report) => frameworkHtml(report, linkable)).join('\n')}\n<p class="muted">${text(plural(reports.length, 'framework'))}; score = passed / (passed + failed) controls.</p>`;
}

/** Findings grouped by control, worst first, each group capped so a large estate still gives a page a browser can open. */
import type { ControlMeta } from '../controls/types.js';
import { isExcepted, type Finding } from '../model/finding.js';
import type { ControlTally } from '../model/report.js';
import { SEVERITY_RANK, type Severity } from '../model/severity.js';
import { anchor, plural, prose, text } from './escape.js';
import { renderFinding } from './finding.js';

/** Open findings, and separately excepted ones, shown per control; the rest are counted and left to the JSON report. */
export const FINDINGS_PER_CONTROL = 200;

export interface OmittedFindings {
  open: number;
  excepted: number;
}

const NONE_OMITTED: OmittedFindings = { open: 0, excepted: 0 };

export interface ControlGroup {
  controlId: string;
  title: string;
  severity: Severity;
  open: Finding[];
  excepted: Finding[];
}

export function groupByControl(findings: Iterable<Finding>): ControlGroup[] {
  const groups = new Map<string, ControlGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.controlId);
    if (!group) {
      group = { controlId: finding.controlId, title: finding.title, severity: finding.severity, open: [], excepted: [] };
      groups.set(finding.controlId, group);
    }
    (isExcepted(finding) ? group.excepted : group.open).push(finding);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.open.length > 0) - Number(a.open.length > 0) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.open.length - a.open.length ||
      a.controlId.localeCompare(b.controlId),
  );
}

export interface FindingsSectionInput {
  findings: Iterable<Finding>;
  controls: readonly ControlMeta[];
  tallies: readonly ControlTally[];
  /** Findings per control a collector left out before rendering (see FindingCollector). */
  omitted?: ReadonlyMap<string, OmittedFindings>;
  cap?: number;
}

function frameworkRefs(meta: ControlMeta | undefined, finding: Finding): string {
  const refs = meta?.frameworks ?? finding.frameworks;
  return refs.length === 0 ? '' : refs.map((ref) => `${ref.framework} ${ref.id}`).join(', ');
}

function groupHtml(group: ControlGroup, meta: ControlMeta | undefined, tally: ControlTally | undefined, omitted: OmittedFindings, cap: number): string {
  const first = group.open[0] ?? group.excepted[0]!;
  const shown = [...group.open.slice(0, cap), ...group.excepted.slice(0, cap)];
  const more = group.open.length + group.excepted.length - shown.length + omitted.open + omitted.excepted;
  const excepted = group.excepted.length + omitted.excepted;
  const counts = [
    plural(group.open.length + omitted.open, 'open finding'),
    ...(excepted > 0 ? [`${excepted} excepted`] : []),
    ...(tally ? [`${tally.failed} of ${plural(tally.evaluated, 'resource')} failing`] : []),
  ];
  const refs = frameworkRefs(meta, first);
  return [
    `<section class="control sev-${group.severity}${group.open.length === 0 ? ' is-excepted' : ''}" id="${anchor('control', group.controlId)}">`,
    `<h3><span class="pill ${group.severity}">${group.severity}</span> ${text(group.title)} <span class="control-id">${text(group.controlId)}</span></h3>`,
    `<p class="muted">${text([meta?.category ?? first.category, ...counts].join(' · '))}</p>`,
    meta?.rationale ? `<p><strong>Why it matters:</strong> ${prose(meta.rationale)}</p>` : '',
    `<p><strong>Remediation:</strong> ${prose(meta?.remediation ?? first.remediation)}</p>`,
    refs ? `<p class="muted">Frameworks: ${text(refs)}</p>` : '',
    ...shown.map(renderFinding),
    more > 0 ? `<p class="note">${text(`${plural(more, 'more finding')} of this control ${more === 1 ? 'is' : 'are'} in the JSON report (-o json).`)}</p>` : '',
    '</section>',
  ].join('\n');
}

export function renderFindingsSection(input: FindingsSectionInput): string {
  const cap = input.cap ?? FINDINGS_PER_CONTROL;
  const meta = new Map(input.controls.map((control) => [control.id, control]));
  const tallies = new Map(input.tallies.map((tally) => [tally.controlId, tally]));
  const groups = groupByControl(input.findings);
  if (groups.length === 0) return '<p class="empty">No findings.</p>';
  const filters = ['critical', 'high', 'medium', 'low', 'info', 'excepted']
    .map((name) => `<label><input type="checkbox" id="show-${name}" checked> ${name}</label>`)
    .join('');
  return [
    `<div class="filters">Show: ${filters}</div>`,
    ...groups.map((group) => groupHtml(group, meta.get(group.controlId), tallies.get(group.controlId), input.omitted?.get(group.controlId) ?? NONE_OMITTED, cap)),
  ].join('\n');
}

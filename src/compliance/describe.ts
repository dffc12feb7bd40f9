/** The evidence behind a framework control as lines of text, shared by the table and the CSV. */
import type { AppliedException, Finding } from '../model/finding.js';
import { describeRef } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import type { ComplianceControlResult, ComplianceReport, NodeCheckResult } from './types.js';

export function describeException(exception: AppliedException): string {
  const who = exception.owner ? `, owner ${exception.owner}` : '';
  const until = exception.expires ? `, until ${exception.expires}` : '';
  return `${exception.status === 'expired' ? 'expired exception' : 'excepted'}: ${exception.reason}${who}${until}`;
}

export function describeFinding(finding: Finding): string {
  const line = `${finding.controlId}: ${describeRef(finding.resource)} (${formatSource(finding.source)}): ${finding.message}`;
  return finding.exception ? `${line} [${describeException(finding.exception)}]` : line;
}

export function describeNodeResult(result: NodeCheckResult): string {
  return `${result.checkId} on ${result.node}${result.location ? ` (${result.location})` : ''}: ${result.status}: ${result.message}`;
}

function failingNodeResults(control: ComplianceControlResult): NodeCheckResult[] {
  return (control.nodeResults ?? []).filter((result) => result.status === 'fail');
}

/** Why it is manual or not applicable, and what an auditor should look at. */
function explanation(control: ComplianceControlResult): string[] {
  return [...(control.reason ? [control.reason] : []), ...(control.audit && control.status !== 'pass' ? [`audit: ${control.audit}`] : [])];
}

/** Everything that decided the control: each finding and failing node result, then the explanation. */
export function evidenceLines(control: ComplianceControlResult): string[] {
  return [...control.findings.map(describeFinding), ...failingNodeResults(control).map(describeNodeResult), ...explanation(control)];
}

/**
 * The same, short enough for a table: the counts, each resource with findings once (at most `listed`), failing nodes,
 * then the explanation.
 */
export function evidenceSummary(control: ComplianceControlResult, listed: number): string[] {
  const lines: string[] = [];
  if (control.findings.length > 0) {
    const excepted = control.findings.filter((finding) => finding.exception?.status === 'active').length;
    lines.push(`${control.findings.length - excepted} open, ${excepted} excepted finding${control.findings.length === 1 ? '' : 's'}`);
    const resources = new Map<string, boolean>();
    for (const finding of control.findings) {
      const name = describeRef(finding.resource);
      resources.set(name, (resources.get(name) ?? true) && finding.exception?.status === 'active');
    }
    const named = [...resources].map(([name, allExcepted]) => (allExcepted ? `${name} (excepted)` : name));
    lines.push(...named.slice(0, listed), ...(named.length > listed ? [`... and ${named.length - listed} more`] : []));
  }
  const nodes = failingNodeResults(control).map((result) => `${result.checkId} failed on ${result.node}`);
  lines.push(...nodes.slice(0, listed), ...(nodes.length > listed ? [`... and ${nodes.length - listed} more`] : []));
  return [...lines, ...explanation(control)];
}

export function describeCounts(report: ComplianceReport): string {
  const { pass, fail, manual } = report.counts;
  return `${pass} pass, ${fail} fail, ${manual} manual, ${report.counts['not-applicable']} not applicable`;
}

export function describeScore(score: number | null): string {
  return score === null ? 'no score (nothing decided)' : `${score.toFixed(1)}%`;
}

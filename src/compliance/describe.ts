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

/** What decided the control: its findings and failing node results, or why it is manual or not applicable. */
export function evidenceLines(control: ComplianceControlResult): string[] {
  const lines = [
    ...control.findings.map(describeFinding),
    ...(control.nodeResults ?? []).filter((result) => result.status === 'fail').map(describeNodeResult),
  ];
  if (control.reason) lines.push(control.reason);
  if (control.audit && control.status !== 'pass') lines.push(`audit: ${control.audit}`);
  return lines;
}

export function describeCounts(report: ComplianceReport): string {
  const { pass, fail, manual } = report.counts;
  return `${pass} pass, ${fail} fail, ${manual} manual, ${report.counts['not-applicable']} not applicable`;
}

export function describeScore(score: number | null): string {
  return score === null ? 'no score (nothing decided)' : `${score.toFixed(1)}%`;
}

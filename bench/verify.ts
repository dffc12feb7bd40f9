/**
 * Whether a scan report accounts for the whole corpus: a complete JSON object whose summary counts every object the
 * baseline parsed, and whose top-level lists (when the layout has them) agree with the summary.
 */
import { isRecord } from '../src/model/k8s.js';
import type { ReportOutline } from './report-check.js';

export interface ReportFacts {
  outline: ReportOutline;
  /** The parsed value of the top-level `summary` member, if there is one. */
  summary: unknown;
}

export interface ReportCheck {
  /** Empty when the report checks out. */
  problems: string[];
  resources?: number;
  findings?: number;
  errors?: number;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);

/** The corpus's object count: a scanner may reject files with duplicate keys (as js-yaml does) or read them. */
export interface ObjectCount {
  parsed: number;
  withDuplicateKeys: number;
}

export function checkReport(facts: ReportFacts, objects: ObjectCount): ReportCheck {
  const problems: string[] = [];
  if (facts.outline.problem) problems.push(`not a complete JSON object: ${facts.outline.problem}`);
  const summary = facts.summary;
  if (!isRecord(summary)) {
    problems.push('no top-level "summary" object');
    return { problems };
  }
  const resources = count(summary.resources);
  const findings = isRecord(summary.findings) ? count(summary.findings.total) : undefined;
  const errors = count(summary.errors);
  if (resources !== objects.parsed && resources !== objects.withDuplicateKeys) {
    const alternative = objects.withDuplicateKeys === objects.parsed ? '' : ` (${objects.withDuplicateKeys} counting files with duplicate keys)`;
    problems.push(`summary.resources is ${String(summary.resources)}, the corpus holds ${objects.parsed} objects${alternative}`);
  }
  if (findings === undefined) problems.push('summary.findings.total is missing');

  // Layouts differ in what they list at the top level; every list that is there must match its summary count.
  const listed: [member: string, expected: number | undefined][] = [
    ['resources', resources],
    ['findings', findings],
    ['errors', errors],
  ];
  for (const [member, expected] of listed) {
    const items = facts.outline.members.get(member)?.items;
    if (items !== undefined && items !== expected) problems.push(`the report lists ${items} ${member}, its summary counts ${String(expected)}`);
  }
  return { problems, ...(resources !== undefined ? { resources } : {}), ...(findings !== undefined ? { findings } : {}), ...(errors !== undefined ? { errors } : {}) };
}

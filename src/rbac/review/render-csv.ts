/**
 * The review as CSV (RFC 4180): a header line, then one line per subject; a cell listing several things puts each on
 * a line of its own inside its quotes. Cells are safe to open in a spreadsheet: one that starts like a formula gets a
 * leading `'`, so subject, binding and role names chosen by whoever wrote the objects cannot run as formulas.
 */
import { describeBindings, describeRisk, describeScope, describeWorkload } from './describe.js';
import type { AccessReview, ReviewRow } from './review.js';

const HEADER = ['kind', 'namespace', 'name', 'system', 'bindings', 'permissions', 'highest risk', 'risks', 'workloads', 'pods', 'sign-off'];

/** Spreadsheets read a cell starting with one of these as a formula (tab and carriage return included, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function fields(row: ReviewRow): string[] {
  const account = row.subject.kind === 'ServiceAccount';
  return [
    row.subject.kind,
    row.subject.namespace ?? '',
    row.subject.name,
    row.system ? 'yes' : 'no',
    describeBindings(row).join('\n'),
    row.permissions.map(describeScope).join('\n'),
    row.risks[0]?.severity ?? '',
    row.risks.map((flag) => `${flag.severity}: ${describeRisk(flag)}`).join('\n'),
    account ? row.workloads.map(describeWorkload).join('\n') : '',
    account ? String(row.pods) : '',
    row.signOff,
  ];
}

export function renderReviewCsv(review: AccessReview): string {
  return [HEADER, ...review.rows.map(fields)].map((line) => `${line.map(csvCell).join(',')}\r\n`).join('');
}

/** The review as an aligned terminal table: one row per subject, the riskiest first, lists cut short with counts. */
import pc from 'picocolors';
import { layoutTable, printable, type Cell, type CellText, type Column, type Paint } from '../../assets/table-layout.js';
import type { Severity } from '../../model/severity.js';
import { describeSubject } from '../users.js';
import { describeBindings, describeCounts, describePods, describeRisk, describeScope, describeSources, describeWorkload } from './describe.js';
import type { AccessReview, ReviewRow } from './review.js';

export interface ReviewTableOptions {
  color: boolean;
  /** Columns of the screen; 160 when not given. */
  width?: number;
}

const DEFAULT_WIDTH = 160;
/** A cell lists this many entries, then `... and N more`; the JSON holds them all. */
const LISTED = 5;
const NONE = '-';

const COLUMNS: Column[] = [
  { header: 'SUBJECT' },
  { header: 'BOUND BY', flexible: true },
  { header: 'PERMISSIONS', flexible: true },
  { header: 'RISKS', flexible: true },
  { header: 'RUNS', flexible: true },
];

function listed(items: readonly string[]): string[] {
  if (items.length === 0) return [NONE];
  return items.length > LISTED ? [...items.slice(0, LISTED), `... and ${items.length - LISTED} more`] : [...items];
}

function cells(row: ReviewRow, paint: Record<Severity, Paint>): Cell[] {
  const risks: Cell = row.risks.length === 0 ? NONE : { text: listed(row.risks.map((flag) => `${flag.severity}: ${describeRisk(flag)}`)), paint: paint[row.risks[0]!.severity] };
  const runs: CellText = row.workloads.length > 0 || row.pods > 0 ? [...listed(row.workloads.map(describeWorkload)), describePods(row)] : NONE;
  return [
    `${describeSubject(row.subject)}${row.system ? ' [system]' : ''}`,
    listed(describeBindings(row)),
    listed(row.permissions.map(describeScope)),
    risks,
    runs,
  ];
}

export function renderReviewTable(review: AccessReview, options: ReviewTableOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, Paint> = { critical: (text) => c.bold(c.red(text)), high: c.red, medium: c.yellow, low: c.cyan, info: (text) => text };
  const header = [
    `RBAC access review, generated ${review.generatedAt}`,
    `Sources: ${printable(describeSources(review))}`,
    describeCounts(review),
  ].join('\n');
  const body = review.rows.length === 0 ? '  no subjects to review\n' : layoutTable(COLUMNS, review.rows.map((row) => cells(row, paint)), options.width ?? DEFAULT_WIDTH, c.bold);
  return `${header}\n\n${body}`;
}

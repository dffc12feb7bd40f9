/** The compliance report for a terminal: the score, then one row per framework control with what decided it. */
import pc from 'picocolors';
import { layoutTable, printable, type Cell, type Column, type Paint } from '../assets/table-layout.js';
import { describeCounts, describeScore, evidenceSummary } from './describe.js';
import type { ComplianceControlResult, ComplianceReport, ComplianceStatus } from './types.js';

export interface ComplianceTableOptions {
  color: boolean;
  /** Columns of the screen; 160 when not given. */
  width?: number;
}

const DEFAULT_WIDTH = 160;
/** Evidence names this many resources, then `... and N more`; the JSON and CSV hold them all. */
const LISTED = 5;

const COLUMNS: Column[] = [{ header: 'CONTROL' }, { header: 'STATUS' }, { header: 'TITLE', flexible: true }, { header: 'EVIDENCE', flexible: true }];

function evidence(control: ComplianceControlResult): string[] {
  const lines = evidenceSummary(control, LISTED);
  return lines.length > 0 ? lines : ['-'];
}

function cells(control: ComplianceControlResult, paint: Record<ComplianceStatus, Paint>): Cell[] {
  return [control.id, { text: control.status, paint: paint[control.status] }, control.title, evidence(control)];
}

export function renderComplianceTable(report: ComplianceReport, options: ComplianceTableOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<ComplianceStatus, Paint> = { pass: c.green, fail: c.red, manual: c.yellow, 'not-applicable': c.dim };
  const { framework } = report;
  const header = [
    c.bold(printable(`${framework.title} (${framework.id}, version ${framework.version})`)),
    `Score: ${describeScore(report.score)}: ${describeCounts(report)}`,
  ].join('\n');
  return `${header}\n\n${layoutTable(COLUMNS, report.controls.map((control) => cells(control, paint)), options.width ?? DEFAULT_WIDTH, c.bold)}`;
}

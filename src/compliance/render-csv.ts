/**
 * The compliance report as CSV (RFC 4180): one row per framework control. Cells that start like a spreadsheet formula
 * get a leading `'`, so names chosen by whoever wrote the scanned objects cannot run as formulas.
 */
import { csvCell } from '../rbac/review/render-csv.js';
import { evidenceLines } from './describe.js';
import type { ComplianceControlResult, ComplianceReport } from './types.js';

const HEADER = ['framework', 'control', 'section', 'title', 'status', 'checks', 'open findings', 'excepted findings', 'evidence'];

function fields(report: ComplianceReport, control: ComplianceControlResult): string[] {
  const excepted = control.findings.filter((finding) => finding.exception?.status === 'active').length;
  return [
    report.framework.id,
    control.id,
    control.section ?? '',
    control.title,
    control.status,
    control.checks.join('\n'),
    String(control.findings.length - excepted),
    String(excepted),
    evidenceLines(control).join('\n'),
  ];
}

export function renderComplianceCsv(report: ComplianceReport): string {
  const rows = [HEADER, ...report.controls.map((control) => fields(report, control))];
  return rows.map((line) => `${line.map(csvCell).join(',')}\r\n`).join('');
}

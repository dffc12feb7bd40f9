import { toJson } from '../outputs/values.js';
import { renderComplianceCsv } from './render-csv.js';
import { renderComplianceTable, type ComplianceTableOptions } from './render-table.js';
import type { ComplianceReport } from './types.js';

export const COMPLIANCE_FORMATS = ['table', 'json', 'csv'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

/** The JSON report is the ComplianceReport itself: `{framework, score, counts, controls: [{id, title, status, findings, ...}]}`. */
export function renderComplianceJson(report: ComplianceReport): string {
  return `${JSON.stringify(toJson(report), null, 2)}\n`;
}

export function renderCompliance(report: ComplianceReport, format: ComplianceFormat, options: ComplianceTableOptions): string {
  switch (format) {
    case 'table':
      return renderComplianceTable(report, options);
    case 'json':
      return renderComplianceJson(report);
    case 'csv':
      return renderComplianceCsv(report);
  }
}

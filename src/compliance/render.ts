import { toJson } from '../outputs/values.js';
import { renderComplianceHtml } from '../report-html/index.js';
import type { PageHeader } from '../report-html/page.js';
import { renderComplianceCsv } from './render-csv.js';
import { renderComplianceTable, type ComplianceTableOptions } from './render-table.js';
import type { ComplianceReport } from './types.js';

export const COMPLIANCE_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

/** The JSON report is the ComplianceReport itself: `{framework, score, counts, controls: [{id, title, status, findings, ...}]}`. */
export function renderComplianceJson(report: ComplianceReport): string {
  return `${JSON.stringify(toJson(report), null, 2)}\n`;
}

export interface ComplianceRenderOptions extends ComplianceTableOptions {
  /** What the HTML page says about the run: the tool, when it started, what it read. */
  header: PageHeader;
}

export function renderCompliance(report: ComplianceReport, format: ComplianceFormat, options: ComplianceRenderOptions): string {
  switch (format) {
    case 'table':
      return renderComplianceTable(report, options);
    case 'json':
      return renderComplianceJson(report);
    case 'csv':
      return renderComplianceCsv(report);
    case 'html':
      return renderComplianceHtml([report], options.header);
  }
}

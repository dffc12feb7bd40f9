export { renderHtmlReport, renderComplianceHtml, type HtmlReportInput } from './report.js';
export type { PageHeader } from './page.js';
export { FindingCollector } from './collect.js';
export { FINDINGS_PER_CONTROL, type OmittedFindings } from './findings.js';

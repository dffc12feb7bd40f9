/** The scan's HTML audit report, and the compliance-only page `kspm compliance -o html` writes. */
import type { ComplianceReport } from '../compliance/types.js';
import type { CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { ReportHeader, Summary } from '../model/report.js';
import type { InputError } from '../model/resource.js';
import { formatScore } from './escape.js';
import { renderComplianceSection } from './compliance.js';
import { renderFindingsSection, type OmittedFindings } from './findings.js';
import { renderExceptions, renderGaps, renderInputErrors, renderOverview } from './overview.js';
import { renderPage, type PageHeader, type PageSection } from './page.js';
import { renderPaths, renderRisks } from './prioritised.js';

export interface HtmlReportInput {
  header: ReportHeader;
  summary: Summary;
  findings: readonly Finding[];
  errors?: readonly InputError[];
  /** Coverage gaps; the clusters' own lists in `summary` when absent. */
  gaps?: readonly CoverageGap[];
  compliance?: readonly ComplianceReport[];
  /** The risk ranking (`kspm scan --top`), its items shown as given; absent when not computed. */
  risks?: readonly unknown[];
  /** Attack paths, each shown with its steps; absent when not searched. */
  paths?: readonly unknown[];
  /** Findings per control a collector already left out (the page says how many, and where they are). */
  omitted?: ReadonlyMap<string, OmittedFindings>;
  /** Findings shown per control, open and excepted each (200 by default). */
  findingsPerControl?: number;
}

export function renderHtmlReport(input: HtmlReportInput): string {
  const { header, summary } = input;
  const gaps = input.gaps ?? (summary.clusters ?? []).flatMap((cluster) => cluster.gaps);
  const linkable = new Set(input.findings.map((finding) => finding.controlId));
  const exceptedLeftOut = [...(input.omitted?.values() ?? [])].reduce((sum, counts) => sum + counts.excepted, 0);
  const sections: PageSection[] = [
    { id: 'summary', title: 'Summary', html: renderOverview(summary) },
    { id: 'top-risks', title: 'Top risks', html: renderRisks(input.risks) },
    { id: 'attack-paths', title: 'Attack paths', html: renderPaths(input.paths) },
    ...(input.compliance ? [{ id: 'compliance', title: 'Compliance', html: renderComplianceSection(input.compliance, linkable) }] : []),
    {
      id: 'findings',
      title: 'Findings by control',
      html: renderFindingsSection({
        findings: input.findings,
        controls: header.controls,
        tallies: summary.controls,
        ...(input.omitted ? { omitted: input.omitted } : {}),
        ...(input.findingsPerControl !== undefined ? { cap: input.findingsPerControl } : {}),
      }),
    },
    { id: 'exceptions', title: 'Exceptions in force', html: renderExceptions(input.findings, exceptedLeftOut) },
    { id: 'coverage-gaps', title: 'Coverage gaps', html: renderGaps(gaps) },
    { id: 'input-errors', title: 'Input errors', html: renderInputErrors(input.errors ?? []) },
  ];
  const facts: [string, string][] = [
    ['Scan finished', summary.finishedAt],
    ['Posture score', formatScore(summary.score)],
    ['Frameworks', header.options.frameworks.join(', ') || '-'],
    ['Pod Security version', header.options.pssVersion],
    ['Kubernetes version', header.options.kubernetesVersion],
    ...(header.options.namespaces ? ([['Namespaces', header.options.namespaces.join(', ')]] as [string, string][]) : []),
  ];
  return renderPage('Kubernetes security posture report', header, facts, sections);
}

/** `kspm compliance -o html`: per framework, each control's verdict and evidence, with the run's facts. */
export function renderComplianceHtml(reports: readonly ComplianceReport[], header: PageHeader): string {
  const facts: [string, string][] = reports.map((report) => [report.framework.title, formatScore(report.score)]);
  return renderPage('Kubernetes compliance report', header, facts, [{ id: 'compliance', title: 'Compliance', html: renderComplianceSection(reports) }]);
}

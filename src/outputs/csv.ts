/**
 * Findings as CSV (RFC 4180) for spreadsheets and ticket imports: a header line, then one line per finding as it
 * arrives, then one per input error and coverage gap, so nothing the scan could not judge goes unseen. Cells that a
 * spreadsheet would run as a formula get a leading `'`: messages and names come from whoever wrote the manifests.
 */
import { isExcepted, type Finding } from '../model/finding.js';
import type { ReportSink, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { isClusterLocation, type InputError } from '../model/resource.js';
import { csvCell } from '../rbac/review/render-csv.js';
import { oneBased } from './location.js';
import { toJson } from './values.js';
import { StreamWriter } from './writer.js';

export const CSV_COLUMNS = [
  'type',
  'control',
  'severity',
  'title',
  'category',
  'apiVersion',
  'kind',
  'namespace',
  'name',
  'cluster',
  'file',
  'line',
  'apiPath',
  'path',
  'message',
  'found',
  'expected',
  'remediation',
  'excepted',
  'exception status',
  'exception reason',
  'exception owner',
  'exception expires',
  'frameworks',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

function line(row: Row): string {
  return `${CSV_COLUMNS.map((column) => csvCell(row[column] ?? '')).join(',')}\r\n`;
}

function findingRow(finding: Finding): Row {
  const { resource, source, exception } = finding;
  const line = isClusterLocation(source) ? undefined : oneBased(source.line);
  return {
    type: 'finding',
    control: finding.controlId,
    severity: finding.severity,
    title: finding.title,
    category: finding.category,
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    namespace: resource.namespace ?? '',
    name: resource.name,
    ...(isClusterLocation(source) ? { cluster: source.cluster, apiPath: source.apiPath } : { file: source.file, line: line === undefined ? '' : String(line) }),
    path: finding.path,
    message: finding.message,
    found: JSON.stringify(toJson(finding.evidence.found)) ?? '',
    expected: finding.evidence.expected,
    remediation: finding.remediation,
    excepted: isExcepted(finding) ? 'yes' : 'no',
    'exception status': exception?.status ?? '',
    'exception reason': exception?.reason ?? '',
    'exception owner': exception?.owner ?? '',
    'exception expires': exception?.expires ?? '',
    frameworks: finding.frameworks.map((ref) => `${ref.framework}:${ref.id}`).join('; '),
  };
}

function errorRow(error: InputError): Row {
  const line = oneBased(error.line);
  return {
    type: 'input-error',
    control: error.code,
    cluster: error.cluster ?? '',
    file: error.file,
    line: line === undefined ? '' : String(line),
    message: error.message,
  };
}

function gapRow(gap: CoverageGap): Row {
  return {
    type: 'coverage-gap',
    cluster: gap.cluster,
    name: gap.resource,
    message: gap.status > 0 ? `HTTP ${gap.status}: ${gap.reason}` : gap.reason,
  };
}

/** Streams: each finding is written when it arrives; errors and gaps (few) wait for the end, after the findings. */
export class CsvSink implements ReportSink {
  private readonly writer: StreamWriter;
  private readonly tail: string[] = [];

  constructor(out: NodeJS.WritableStream) {
    this.writer = new StreamWriter(out);
  }

  async begin(): Promise<void> {
    await this.writer.write(`${CSV_COLUMNS.map(csvCell).join(',')}\r\n`);
  }

  resource(): void {}

  async finding(finding: Finding): Promise<void> {
    await this.writer.write(line(findingRow(finding)));
  }

  error(error: InputError): void {
    this.tail.push(line(errorRow(error)));
  }

  gap(gap: CoverageGap): void {
    this.tail.push(line(gapRow(gap)));
  }

  async end(_summary: Summary): Promise<void> {
    for (const text of this.tail) await this.writer.write(text);
    await this.writer.flush();
  }
}

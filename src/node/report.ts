/**
 * What `kspm node` prints: `{schemaVersion, node, platform, results, errors}`. `kspm compliance --node-results F`
 * reads the same JSON, so its shape changes only with a new schemaVersion.
 */
import type { NodeCheckResult } from '../compliance/types.js';
import type { PlatformId } from './platforms.js';

export const NODE_REPORT_SCHEMA_VERSION = 1;

export interface NodeReport {
  schemaVersion: typeof NODE_REPORT_SCHEMA_VERSION;
  node: string;
  platform: PlatformId;
  results: NodeCheckResult[];
  /** What could not be read (the kubelet's config file, a missing /proc), naming it. */
  errors: string[];
}

export function renderNodeJson(report: NodeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const STATUS_WORD: Record<NodeCheckResult['status'], string> = { fail: 'FAIL', pass: 'PASS', 'not-applicable': 'N/A' };

export function renderNodeTable(report: NodeReport, titles: ReadonlyMap<string, string>): string {
  const rows = report.results.map((result) => [STATUS_WORD[result.status], result.checkId, titles.get(result.checkId) ?? '', result.message]);
  const width = (column: number) => Math.max(...rows.map((row) => row[column]!.length), 0);
  const widths = [width(0), width(1), Math.min(width(2), 60)];
  const lines = rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
  const count = (status: NodeCheckResult['status']) => report.results.filter((result) => result.status === status).length;
  const summary = `node ${report.node} (${report.platform}): ${count('fail')} failed, ${count('pass')} passed, ${count('not-applicable')} not applicable`;
  const errors = report.errors.map((error) => `error: ${error}`);
  return [...lines, '', summary, ...errors, ''].join('\n');
}

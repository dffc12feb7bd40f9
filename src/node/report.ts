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

/** One line per result (status, id, what was found); the titles of failed checks follow, as what to fix. */
export function renderNodeTable(report: NodeReport, titles: ReadonlyMap<string, string>): string {
  const idWidth = Math.max(0, ...report.results.map((result) => result.checkId.length));
  const lines = report.results.map((result) => `${STATUS_WORD[result.status].padEnd(4)}  ${result.checkId.padEnd(idWidth)}  ${result.message}`);
  const failed = report.results.filter((result) => result.status === 'fail');
  const fixes = [...new Set(failed.map((result) => result.checkId))].map((id) => `  ${id}: ${titles.get(id) ?? ''}`.trimEnd());
  const count = (status: NodeCheckResult['status']) => report.results.filter((result) => result.status === status).length;
  const summary = `node ${report.node} (${report.platform}): ${count('fail')} failed, ${count('pass')} passed, ${count('not-applicable')} not applicable`;
  const errors = report.errors.map((error) => `error: ${error}`);
  return [...lines, '', ...(fixes.length > 0 ? ['Failed:', ...fixes, ''] : []), summary, ...errors, ''].join('\n');
}

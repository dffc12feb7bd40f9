import type { CoverageGap } from '../model/cluster.js';

const SHOWN = 8;

/** One warning line per cluster with unread resources, so a JSON or SARIF user sees it too. */
export function warnGaps(context: string, gaps: readonly CoverageGap[]): void {
  if (gaps.length === 0) return;
  const names = gaps.slice(0, SHOWN).map((gap) => `${gap.resource}${gap.status > 0 ? ` (${gap.status})` : ''}`);
  const more = gaps.length > SHOWN ? ` and ${gaps.length - SHOWN} more` : '';
  process.stderr.write(`warning: ${context}: ${gaps.length} resource type${gaps.length === 1 ? '' : 's'} could not be read, so nothing in them was judged: ${names.join(', ')}${more}\n`);
}

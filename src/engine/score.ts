import type { ControlTally, FrameworkScore } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import type { Control } from '../controls/types.js';
import type { Framework } from '../frameworks/index.js';

/** How much a failure of each severity weighs in the posture score (README, "Posture score"). */
export const SCORE_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };

/**
 * score = 100 x sum(weight x passed) / sum(weight x evaluated), over every (control, resource) pair the controls
 * applied to; a pair passes when it has no finding, or only findings covered by active exceptions.
 * Null when nothing weighted was evaluated.
 */
export function postureScore(tallies: Iterable<ControlTally>): number | null {
  let total = 0;
  let passed = 0;
  for (const tally of tallies) {
    const weight = SCORE_WEIGHTS[tally.severity];
    total += weight * tally.evaluated;
    passed += weight * (tally.evaluated - tally.failed);
  }
  if (total === 0) return null;
  return Math.round((1000 * passed) / total) / 10;
}

export function frameworkScores(frameworks: readonly Framework[], controls: readonly Control[], tallies: ReadonlyMap<string, ControlTally>): FrameworkScore[] {
  return frameworks.map((framework) => {
    const selected = controls.filter((control) => framework.selects(control));
    const own = selected.map((control) => tallies.get(control.meta.id)).filter((tally): tally is ControlTally => tally !== undefined);
    return {
      id: framework.id,
      title: framework.title,
      score: postureScore(own),
      controls: selected.length,
      failedControls: own.filter((tally) => tally.failed > 0).length,
    };
  });
}

import type { Severity } from '../advisory.js';

const WORDS: Record<string, Severity> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  important: 'HIGH',
  moderate: 'MEDIUM',
  medium: 'MEDIUM',
  low: 'LOW',
  negligible: 'NEGLIGIBLE',
  unimportant: 'NEGLIGIBLE',
};

/**
 * A severity stated in words (GHSA `MODERATE`, Debian urgency `low**`, Ubuntu priority `negligible`), or undefined
 * for words that state none (`not yet assigned`, `unknown`). Debian marks uncertain urgencies with trailing stars.
 */
export function severityFromWord(word: string): Severity | undefined {
  return WORDS[word.trim().replace(/\*+$/, '').toLowerCase()];
}

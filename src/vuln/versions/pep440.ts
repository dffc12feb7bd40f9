/**
 * PyPI ordering. Valid PEP 440 versions (epochs, pre/post/dev releases, local versions) go through
 * @renovatebot/pep440. Anything else is a "legacy" version, as the packaging library ordered them before PEP 440 was
 * enforced: every legacy version sorts before every valid one, and legacy versions order among themselves by
 * setuptools' old key (zero-padded numbers, `*`-prefixed words, `pre`/`preview`/`rc` as `c`, `dev` as `@`).
 */
import { compare as comparePep440, valid } from '@renovatebot/pep440';
import type { Comparison } from './types.js';
import { remembering, sign } from './types.js';

export function isValid(version: string): boolean {
  return valid(version) !== null;
}

const LEGACY_REPLACEMENTS: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

function legacyKey(version: string): string[] {
  const key: string[] = [];
  const pieces = version.toLowerCase().split(/(\d+|[a-z]+|\.|-)/);
  for (const piece of [...pieces, 'final']) {
    const part = LEGACY_REPLACEMENTS[piece] ?? piece;
    if (part === '' || part === '.') continue;
    const entry = /^\d/.test(part) ? part.padStart(8, '0') : `*${part}`;
    if (entry.startsWith('*')) {
      if (entry < '*final') while (key.at(-1) === '*final-') key.pop();
      while (key.at(-1) === '00000000') key.pop();
    }
    key.push(entry);
  }
  return key;
}

function compareLegacy(a: string, b: string): Comparison {
  const left = legacyKey(a);
  const right = legacyKey(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return sign(left.length - right.length);
}

export const compare = remembering((a: string, b: string): Comparison => {
  const aValid = isValid(a);
  const bValid = isValid(b);
  if (aValid && bValid) return sign(comparePep440(a, b));
  if (aValid !== bValid) return aValid ? 1 : -1;
  return compareLegacy(a, b);
});

/**
 * RubyGems ordering (Gem::Version): segments are runs of digits (compared as numbers) or letters (compared as
 * strings, and lower than any number, so a letter marks a prerelease); `-` reads as `.pre.`; trailing zeros of the
 * release part and of the prerelease part are dropped before comparing, and missing segments count as 0.
 */
import type { Comparison } from './types.js';
import { compareBigDigits } from './types.js';

const SHAPE = /^\s*(?:[0-9][0-9A-Za-z.-]*)?\s*$/;

type Segment = string;

function isNumber(segment: Segment): boolean {
  return /^\d/.test(segment);
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && /^0+$/.test(segments[end - 1]!)) end--;
  return segments.slice(0, end);
}

export function parse(version: string): Segment[] {
  if (!SHAPE.test(version)) throw new Error(`not a RubyGems version: ${JSON.stringify(version)}`);
  const segments = version.trim().replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? ['0'];
  const firstWord = segments.findIndex((segment) => !isNumber(segment));
  if (firstWord === -1) return dropTrailingZeros(segments);
  return [...dropTrailingZeros(segments.slice(0, firstWord)), ...dropTrailingZeros(segments.slice(firstWord))];
}

export function isValid(version: string): boolean {
  return SHAPE.test(version);
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? '0';
    const r = right[i] ?? '0';
    if (isNumber(l) && isNumber(r)) {
      const order = compareBigDigits(l, r);
      if (order !== 0) return order;
    } else if (isNumber(l) !== isNumber(r)) {
      return isNumber(l) ? 1 : -1;
    } else if (l !== r) {
      return l < r ? -1 : 1;
    }
  }
  return 0;
}

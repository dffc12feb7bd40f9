/**
 * CRAN ordering (R's numeric_version): integers separated by `.` or `-`, compared one by one; with a common prefix
 * equal, the version with more components is greater.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, sign } from './types.js';

const SHAPE = /^\d+(?:[.-]\d+)*$/;

export function parse(version: string): string[] {
  if (!SHAPE.test(version.trim())) throw new Error(`not a CRAN version: ${JSON.stringify(version)}`);
  return version.trim().split(/[.-]/);
}

export function isValid(version: string): boolean {
  return SHAPE.test(version.trim());
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareBigDigits(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return sign(left.length - right.length);
}

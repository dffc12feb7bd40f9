/**
 * Semantic Versioning 2.0 ordering as OSV applies it to npm, crates.io, Go (optional `v` prefix) and Hex: any number of
 * numeric release components (missing ones count as 0, numbers of any size), a `-` prerelease compared identifier by
 * identifier (numeric < alphanumeric, fewer identifiers first), and `+` build metadata ignored.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, sign } from './types.js';

export interface SemverVersion {
  release: string[];
  prerelease: string[];
}

const SHAPE = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parse(version: string): SemverVersion {
  const match = SHAPE.exec(version.trim());
  if (!match) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return { release: match[1]!.split('.'), prerelease: match[2] === undefined ? [] : match[2].split('.') };
}

export function isValid(version: string): boolean {
  return SHAPE.test(version.trim());
}

function compareIdentifiers(a: string, b: string): Comparison {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return compareBigDigits(a, b);
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return sign(a < b ? -1 : a > b ? 1 : 0);
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < Math.max(left.release.length, right.release.length); i++) {
    const order = compareBigDigits(left.release[i] ?? '0', right.release[i] ?? '0');
    if (order !== 0) return order;
  }
  // A version without a prerelease sorts after every prerelease of the same release.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return sign(right.prerelease.length - left.prerelease.length);
  }
  for (let i = 0; i < Math.min(left.prerelease.length, right.prerelease.length); i++) {
    const order = compareIdentifiers(left.prerelease[i]!, right.prerelease[i]!);
    if (order !== 0) return order;
  }
  return sign(left.prerelease.length - right.prerelease.length);
}

/**
 * NuGet ordering (NuGetVersion): up to four numeric parts (missing ones are 0), then a SemVer 2 prerelease whose labels
 * compare case-insensitively (numeric labels by value and before alphanumeric ones); `+metadata` is ignored.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, sign } from './types.js';

export interface NugetVersion {
  release: string[];
  prerelease: string[];
}

const SHAPE = /^(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parse(version: string): NugetVersion {
  const match = SHAPE.exec(version.trim());
  if (!match) throw new Error(`not a NuGet version: ${JSON.stringify(version)}`);
  return { release: match[1]!.split('.'), prerelease: match[2] === undefined ? [] : match[2].toLowerCase().split('.') };
}

export function isValid(version: string): boolean {
  return SHAPE.test(version.trim());
}

function compareLabels(a: string, b: string): Comparison {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return compareBigDigits(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 4; i++) {
    const order = compareBigDigits(left.release[i] ?? '0', right.release[i] ?? '0');
    if (order !== 0) return order;
  }
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return sign(right.prerelease.length - left.prerelease.length);
  }
  for (let i = 0; i < Math.min(left.prerelease.length, right.prerelease.length); i++) {
    const order = compareLabels(left.prerelease[i]!, right.prerelease[i]!);
    if (order !== 0) return order;
  }
  return sign(left.prerelease.length - right.prerelease.length);
}

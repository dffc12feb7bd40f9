/**
 * RPM ordering (rpmvercmp, as in rpm 4.15+): `[epoch:]version[-release]`, each compared segment by segment. Segments
 * are runs of digits or letters; other characters only separate. Numbers beat letters, `~` sorts before anything
 * (even the end), and `^` sorts after the end but before any further segment.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, parsesWith } from './types.js';

export interface RpmVersion {
  epoch: string;
  version: string;
  release: string | undefined;
}

export function parse(text: string): RpmVersion {
  if (text.trim() === '' || /\s/.test(text.trim())) throw new Error(`not an RPM version: ${JSON.stringify(text)}`);
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  if (dash === -1) return { epoch, version: rest, release: undefined };
  return { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

export const isValid = parsesWith(parse);

const ALPHANUMERIC = /[A-Za-z0-9]/;

/** rpmvercmp: compares one field (epoch, version or release). */
export function compareField(a: string, b: string): Comparison {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !ALPHANUMERIC.test(a[i]!) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !ALPHANUMERIC.test(b[j]!) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = /\d/.test(a[i]!);
    const segment = numeric ? /\d+/y : /[A-Za-z]+/y;
    segment.lastIndex = i;
    const left = segment.exec(a)![0];
    segment.lastIndex = j;
    const right = segment.exec(b)?.[0];
    if (right === undefined) return numeric ? 1 : -1;
    const order = numeric ? compareBigDigits(left, right) : left < right ? -1 : left > right ? 1 : 0;
    if (order !== 0) return order;
    i += left.length;
    j += right.length;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  const order = compareField(left.epoch, right.epoch) || compareField(left.version, right.version);
  if (order !== 0) return order;
  if (left.release === undefined || right.release === undefined) {
    // A version that names a release sorts after the same version without one.
    return left.release === right.release ? 0 : left.release === undefined ? -1 : 1;
  }
  return compareField(left.release, right.release);
}

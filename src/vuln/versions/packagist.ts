/**
 * Packagist ordering (PHP's version_compare): the version is canonicalised (`-`, `_`, `+` and other non-alphanumerics
 * become `.`, and a `.` is inserted between digits and letters), then compared part by part. Numbers compare by value;
 * words by their special form: anything unknown < dev < alpha = a < beta = b < RC = rc < number < pl = p. When one
 * version runs out, the rest of the other decides: a number makes it newer, a word is weighed against a number.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, sign } from './types.js';

const SPECIAL_FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const NUMBER_FORM = '#N';

/** PHP orders any string; a version must at least contain a letter or digit. */
export function isValid(version: string): boolean {
  return /[A-Za-z0-9]/.test(version);
}

export function canonicalize(version: string): string {
  let out = version[0] ?? '';
  for (let i = 1; i < version.length; i++) {
    const previous = version[i - 1]!;
    const char = version[i]!;
    const isDigit = (c: string): boolean => /\d/.test(c);
    const isNonDigit = (c: string): boolean => !isDigit(c) && c !== '.';
    if ('-_+'.includes(char)) {
      if (!out.endsWith('.')) out += '.';
    } else if ((isNonDigit(previous) && isDigit(char)) || (isDigit(previous) && isNonDigit(char))) {
      if (!out.endsWith('.')) out += '.';
      out += char;
    } else if (!/[A-Za-z0-9]/.test(char)) {
      if (!out.endsWith('.')) out += '.';
    } else {
      out += char;
    }
  }
  return out;
}

function specialForm(part: string): number {
  return SPECIAL_FORMS.find(([name]) => part.startsWith(name))?.[1] ?? -6;
}

function compareSpecial(a: string, b: string): Comparison {
  return sign(specialForm(a) - specialForm(b));
}

function comparePart(a: string, b: string): Comparison {
  const aDigit = /^\d/.test(a);
  const bDigit = /^\d/.test(b);
  if (aDigit && bDigit) return compareBigDigits(/^\d*/.exec(a)![0], /^\d*/.exec(b)![0]);
  if (!aDigit && !bDigit) return compareSpecial(a, b);
  return aDigit ? compareSpecial(NUMBER_FORM, b) : compareSpecial(a, NUMBER_FORM);
}

function compareCanonical(a: string, b: string): Comparison {
  const left = a.split('.');
  const right = b.split('.');
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i++) {
    // PHP stops at an empty part (left by a trailing separator) and calls what it has seen so far equal.
    if (left[i] === '' || right[i] === '') return 0;
    const order = comparePart(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  if (left.length > common) {
    const rest = left.slice(common).join('.');
    return /^\d/.test(rest) ? 1 : compareCanonical(rest, NUMBER_FORM);
  }
  if (right.length > common) {
    const rest = right.slice(common).join('.');
    return /^\d/.test(rest) ? -1 : compareCanonical(NUMBER_FORM, rest);
  }
  return 0;
}

/** Composer tags are often written `v1.2.3`; the prefix is not part of the version. */
function withoutPrefix(version: string): string {
  return version.trim().replace(/^[vV](?=\d)/, '');
}

export function compare(a: string, b: string): Comparison {
  const left = withoutPrefix(a);
  const right = withoutPrefix(b);
  if (left === '' || right === '') return left === right ? 0 : left === '' ? -1 : 1;
  return compareCanonical(canonicalize(left), canonicalize(right));
}

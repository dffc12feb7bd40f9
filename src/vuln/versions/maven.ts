/**
 * Maven ordering, following the POM reference's "Version Order Specification": the version splits into tokens at `.`,
 * `-` and digit/letter transitions (a transition counts as `-`), each remembering its separator; empty tokens are 0;
 * null tokens (0, "", final, ga, release) are trimmed from the end and before each hyphen. Tokens then compare
 * pairwise, the shorter list padded with nulls: `.qualifier` < `-qualifier` < `-number` < `.number`, and qualifiers
 * order alpha < beta < milestone < rc = cr < snapshot < "" = final = ga = release < sp < anything else (alphabetical).
 */
import type { Comparison } from './types.js';
import { compareBigDigits, parsesWith, sign } from './types.js';

export interface MavenToken {
  separator: '.' | '-';
  value: string;
  numeric: boolean;
}

const KNOWN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const QUALIFIER_ALIASES: Record<string, string> = { cr: 'rc', final: '', ga: '', release: '' };
const SHORT_QUALIFIERS: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone' };

function isNull(token: MavenToken): boolean {
  return token.numeric ? /^0+$/.test(token.value) : token.value === '';
}

function trimNulls(tokens: MavenToken[]): MavenToken[] {
  const kept: MavenToken[] = [];
  // Walking backwards, a null token is dropped when everything after it (up to the next hyphen) was dropped too.
  let trimming = true;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (trimming && isNull(token)) {
      if (token.separator === '-') trimming = true;
      continue;
    }
    kept.unshift(token);
    trimming = token.separator === '-';
  }
  return kept;
}

function token(separator: '.' | '-', text: string, followedByDigit: boolean): MavenToken {
  if (text === '' || /^\d/.test(text)) return { separator, value: text === '' ? '0' : text, numeric: true };
  const value = (followedByDigit ? SHORT_QUALIFIERS[text] : undefined) ?? QUALIFIER_ALIASES[text] ?? text;
  return { separator, value, numeric: false };
}

export function parse(version: string): MavenToken[] {
  const text = version.trim().toLowerCase();
  if (text === '' || /\s/.test(text)) throw new Error(`not a Maven version: ${JSON.stringify(version)}`);
  const tokens: MavenToken[] = [];
  let separator: '.' | '-' = '.';
  let current = '';
  for (const char of text) {
    if (char === '.' || char === '-') {
      tokens.push(token(separator, current, false));
      separator = char;
      current = '';
    } else if (current !== '' && /\d/.test(char) !== /\d/.test(current.at(-1)!)) {
      tokens.push(token(separator, current, /\d/.test(char)));
      separator = '-';
      current = char;
    } else {
      current += char;
    }
  }
  tokens.push(token(separator, current, false));
  return trimNulls(tokens);
}

export const isValid = parsesWith(parse);

function rank(token: MavenToken): number {
  if (token.separator === '.') return token.numeric ? 3 : 0;
  return token.numeric ? 2 : 1;
}

function compareQualifiers(a: string, b: string): Comparison {
  const left = KNOWN_QUALIFIERS.indexOf(a);
  const right = KNOWN_QUALIFIERS.indexOf(b);
  if (left !== -1 && right !== -1) return sign(left - right);
  if (left !== -1 || right !== -1) return left !== -1 ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTokens(a: MavenToken, b: MavenToken): Comparison {
  if (a.separator === b.separator) {
    if (a.numeric && b.numeric) return compareBigDigits(a.value, b.value);
    if (a.numeric !== b.numeric) return a.numeric ? 1 : -1;
    return compareQualifiers(a.value, b.value);
  }
  return sign(rank(a) - rank(b));
}

function padding(like: MavenToken): MavenToken {
  return { separator: like.separator, value: like.numeric ? '0' : '', numeric: like.numeric };
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? padding(right[i]!);
    const r = right[i] ?? padding(left[i]!);
    const order = compareTokens(l, r);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Alpine (apk) version ordering: `number{.number}...{letter}{_suffix{number}}...{~hash}{-rN}`.
 *
 * Well-formed versions are ordered as apk-tools 2 does (src/version.c, the `apk version -t` that produced the OSV
 * vectors): the string is read as tokens whose kinds may only follow in a fixed order (numbers, letter, suffixes,
 * revision); equal leading tokens defer to the next pair, and when one version goes on where the other ends, it is
 * greater unless it goes on with a pre-release suffix (`_alpha`, `_beta`, `_pre`, `_rc`).
 *
 * apk-tools answers differently across releases for strings outside the grammar (`1-ruff`, `1.2.0A`, `0.r1`), so
 * those follow osv-scalibr's rules instead, which is how OSV itself orders Alpine versions: see `compareMalformed`.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, sign } from './types.js';

/** Token kinds in the order apk allows them to follow each other; going back (except where noted) is invalid. */
const enum Kind {
  Invalid = -1,
  DigitOrZero = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNumber = 4,
  Revision = 5,
  End = 6,
}

const PRE_RELEASE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const POST_RELEASE_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

interface Token {
  kind: Kind;
  /** The number read, or a weight: minus the count of leading zeros, a letter's code, a suffix's rank. */
  value: bigint;
  /** The empty number apk reads after leading zeros that no digit follows (`1.0_rc1`). */
  filler?: true;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
const isLower = (char: string | undefined): boolean => char !== undefined && char >= 'a' && char <= 'z';

/** A suffix's rank: pre-releases below zero ("no suffix"), post-releases from zero up; apk matches by prefix. */
function readSuffix(rest: string): { rank: number; length: number } | undefined {
  const pre = PRE_RELEASE_SUFFIXES.findIndex((name) => rest.startsWith(name));
  if (pre !== -1) return { rank: pre - PRE_RELEASE_SUFFIXES.length, length: PRE_RELEASE_SUFFIXES[pre]!.length };
  const post = POST_RELEASE_SUFFIXES.findIndex((name) => rest.startsWith(name));
  if (post !== -1) return { rank: post, length: POST_RELEASE_SUFFIXES[post]!.length };
  return undefined;
}

/** The kind of the token at `at`, given the previous one, and where its content starts (after any separator). */
function nextKind(version: string, at: number, previous: Kind): { kind: Kind; at: number } {
  const char = version[at];
  if (char === undefined) return { kind: Kind.End, at };
  if ((previous === Kind.Digit || previous === Kind.DigitOrZero) && isLower(char)) return { kind: Kind.Letter, at };
  if (previous === Kind.Letter && isDigit(char)) return { kind: Kind.Digit, at };
  if (previous === Kind.Suffix && isDigit(char)) return { kind: Kind.SuffixNumber, at };
  let kind = Kind.Invalid;
  let separator = 1;
  if (char === '.') kind = Kind.DigitOrZero;
  else if (char === '_') kind = Kind.Suffix;
  else if (version.startsWith('-r', at)) [kind, separator] = [Kind.Revision, 2];
  const allowedStepBack =
    (kind === Kind.DigitOrZero && previous === Kind.Digit) || (kind === Kind.Suffix && previous === Kind.SuffixNumber);
  return { kind: kind < previous && !allowedStepBack ? Kind.Invalid : kind, at: at + separator };
}

/** Reads a version as apk-tools 2 does; the last token is End, or Invalid where the grammar is left. */
function tokenize(version: string): Token[] {
  const tokens: Token[] = [];
  let kind: Kind = Kind.Digit;
  let at = 0;
  while (kind !== Kind.End && kind !== Kind.Invalid) {
    const start = at;
    let value = 0n;
    let zerosRead = false;
    let filler = false;
    if (kind === Kind.DigitOrZero && version[at] === '0') {
      // Leading zeros of a dotted component weigh minus one each; the digits after them are the next token.
      while (version[at] === '0') at++;
      value = BigInt(start - at);
      zerosRead = true;
    } else if (kind === Kind.DigitOrZero || kind === Kind.Digit || kind === Kind.SuffixNumber || kind === Kind.Revision) {
      while (isDigit(version[at])) at++;
      value = BigInt(version.slice(start, at) || '0');
      filler = kind === Kind.Digit && at === start && tokens.at(-1)?.kind === Kind.DigitOrZero;
    } else if (kind === Kind.Letter) {
      value = BigInt(version.charCodeAt(at));
      at++;
    } else if (kind === Kind.Suffix && at < version.length) {
      const suffix = readSuffix(version.slice(at));
      if (suffix === undefined) {
        // An unknown suffix ranks like a pre-release, so a version ending in one is smaller than without it.
        tokens.push({ kind, value: -1n }, { kind: Kind.Invalid, value: 0n });
        return tokens;
      }
      value = BigInt(suffix.rank);
      at += suffix.length;
    }
    tokens.push(filler ? { kind, value, filler } : { kind, value });
    if (at >= version.length) kind = Kind.End;
    else if (zerosRead) kind = Kind.Digit;
    else ({ kind, at } = nextKind(version, at, kind));
  }
  tokens.push({ kind, value: 0n });
  return tokens;
}

/**
 * Within apk's grammar, starting with a number, and every dot starts a number: apk 2 reads `a`, `.1` and `0.r1`
 * (as `0`, an empty number and `r1`), which apk 3 refuses.
 */
export function isWellFormed(version: string): boolean {
  return /^\d/.test(version) && !/\.(?!\d)/.test(version) && tokenize(version).at(-1)!.kind === Kind.End;
}

/** Once the leading tokens agree, the version that goes on is greater, unless it goes on with a pre-release suffix. */
function compareTails(l: Token, r: Token): Comparison {
  if (l.kind === Kind.Suffix && l.value < 0n) return -1;
  if (r.kind === Kind.Suffix && r.value < 0n) return 1;
  return sign(r.kind - l.kind);
}

function compareWellFormed(a: string, b: string): Comparison {
  const left = tokenize(a);
  const right = tokenize(b);
  for (let i = 0; ; i++) {
    const l = left[i]!;
    const r = right[i]!;
    if (l.kind !== r.kind) {
      // apk 2 compares the filler with the other side's end, so `1.0_rc1 > 1.0`; like apk 3 and OSV, look past it.
      return compareTails(l.filler && r.kind === Kind.End ? left[i + 1]! : l, r.filler && l.kind === Kind.End ? right[i + 1]! : r);
    }
    const order = compareValues(l.value, r.value);
    if (order !== 0) return order;
    if (l.kind === Kind.End || l.kind === Kind.Invalid) return 0;
  }
}

/** A version split the way osv-scalibr reads Alpine versions, keeping whatever it could not place. */
interface LooseVersion {
  numbers: string[];
  letter: string;
  suffixes: { rank: number; number: bigint }[];
  revision: bigint;
  leftover: string;
  /** Something other than `-r` follows the suffixes: the version has no readable end at all. */
  unreadable: boolean;
}

/** Suffix ranks with "no suffix" at 0, which a missing suffix takes. */
const LOOSE_SUFFIX_RANK: ReadonlyMap<string, number> = new Map([
  ...PRE_RELEASE_SUFFIXES.map((name, i) => [name, i - PRE_RELEASE_SUFFIXES.length] as const),
  ...POST_RELEASE_SUFFIXES.map((name, i) => [name, i + 1] as const),
]);

const LOOSE_SUFFIX = new RegExp(`^_(${[...LOOSE_SUFFIX_RANK.keys()].join('|')})(\\d*)`);

function parseLoose(version: string): LooseVersion {
  let rest = version;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = rest.slice(match[0].length);
    return match;
  };
  const numbers = take(/^(?:\d+\.?)*/)![0];
  const letter = take(/^[a-z]/)?.[0] ?? '';
  const suffixes: LooseVersion['suffixes'] = [];
  for (let match = take(LOOSE_SUFFIX); match; match = take(LOOSE_SUFFIX)) {
    suffixes.push({ rank: LOOSE_SUFFIX_RANK.get(match[1]!)!, number: BigInt(match[2] || '0') });
  }
  take(/^~[0-9a-f]+/);
  const revision = rest === '' ? null : take(/^-r(\d*)/);
  return {
    numbers: numbers === '' ? [] : numbers.split('.'),
    letter,
    suffixes,
    revision: BigInt(revision?.[1] || '0'),
    leftover: rest,
    unreadable: rest !== '' && revision === null,
  };
}

/** Plain ordering of two strings (by UTF-16 code units) or two numbers. */
function compareValues<T extends string | bigint>(a: T, b: T): Comparison {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dotted numbers: the first and any missing ones by value; later ones as text when either has a leading zero. */
function compareNumbers(a: string[], b: string[]): Comparison {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i] ?? '0';
    const right = b[i] ?? '0';
    const asText = i > 0 && i < a.length && i < b.length && (left.startsWith('0') || right.startsWith('0'));
    const order = asText ? compareValues(left, right) : compareBigDigits(left || '0', right || '0');
    if (order !== 0) return order;
  }
  return 0;
}

function compareSuffixes(a: LooseVersion['suffixes'], b: LooseVersion['suffixes']): Comparison {
  const none = { rank: 0, number: 0n };
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i] ?? none;
    const right = b[i] ?? none;
    if (left.rank !== right.rank) return sign(left.rank - right.rank);
    const order = compareValues(left.number, right.number);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * osv-scalibr's rules (semantic/version-alpine.go): two unreadable versions compare as plain strings; otherwise
 * numbers, letter (none first), suffixes, revision, and last a version with nothing left over beats one with leftovers.
 * The commit hash is ignored.
 */
function compareMalformed(a: string, b: string): Comparison {
  const left = parseLoose(a);
  const right = parseLoose(b);
  if (left.unreadable && right.unreadable) return compareValues(a, b);
  return (
    compareNumbers(left.numbers, right.numbers) ||
    compareValues(left.letter, right.letter) ||
    compareSuffixes(left.suffixes, right.suffixes) ||
    compareValues(left.revision, right.revision) ||
    sign(Number(right.leftover !== '') - Number(left.leftover !== ''))
  );
}

/** Orders two Alpine versions; never throws, as apk accepts any string. */
export function compare(a: string, b: string): Comparison {
  return isWellFormed(a) && isWellFormed(b) ? compareWellFormed(a, b) : compareMalformed(a, b);
}

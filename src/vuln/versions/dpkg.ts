/**
 * Debian version ordering (deb-version(7), Debian Policy 5.6.12): `[epoch:]upstream[-revision]`. Each part is compared
 * as alternating non-digit and digit runs; in non-digit runs letters sort before non-letters and `~` sorts before
 * everything, even the end of the string.
 */
import type { Comparison } from './types.js';
import { compareBigDigits, parsesWith, sign } from './types.js';

export interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

export function parse(version: string): DpkgVersion {
  const text = version.trim();
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  const upstream = dash === -1 ? rest : rest.slice(0, dash);
  const revision = dash === -1 ? '' : rest.slice(dash + 1);
  if (!/^\d+$/.test(epoch)) throw new Error(`Debian version ${JSON.stringify(version)}: epoch is not a number`);
  if (!/^\d/.test(upstream)) throw new Error(`Debian version ${JSON.stringify(version)}: upstream must start with a digit`);
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision)) {
    throw new Error(`Debian version ${JSON.stringify(version)}: invalid character`);
  }
  return { epoch, upstream, revision };
}

export const isValid = parsesWith(parse);

function characterWeight(char: string | undefined): number {
  if (char === undefined) return 0;
  if (char === '~') return -1;
  if (/[A-Za-z]/.test(char)) return char.charCodeAt(0);
  return char.charCodeAt(0) + 256;
}

function compareNonDigits(a: string, b: string): Comparison {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = characterWeight(a[i]) - characterWeight(b[i]);
    if (order !== 0) return sign(order);
  }
  return 0;
}

/** Compares one part (upstream or revision) by alternating non-digit and digit runs. */
export function comparePart(a: string, b: string): Comparison {
  const runs = /(\D*)(\d*)/y;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    runs.lastIndex = i;
    const [leftAll, leftText, leftDigits] = runs.exec(a)!;
    runs.lastIndex = j;
    const [rightAll, rightText, rightDigits] = runs.exec(b)!;
    const order = compareNonDigits(leftText!, rightText!) || compareBigDigits(leftDigits || '0', rightDigits || '0');
    if (order !== 0) return order;
    i += leftAll.length;
    j += rightAll.length;
  }
  return 0;
}

export function compare(a: string, b: string): Comparison {
  const left = parse(a);
  const right = parse(b);
  return (
    compareBigDigits(left.epoch, right.epoch) ||
    comparePart(left.upstream, right.upstream) ||
    comparePart(left.revision, right.revision)
  );
}

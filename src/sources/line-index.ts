/**
 * A map of a block-style YAML document's lines for the fast locator: where each line starts and at which indentation
 * a node can start on it. Lines that only continue something begun above (block scalar content, multi-line plain
 * or quoted scalars, flow collections spanning lines), blank lines and comments are marked -1, so the locator can
 * walk siblings by indentation alone.
 */
import { DOUBLE_QUOTE, HASH, SINGLE_QUOTE } from './chars.js';
import { isBlank, isDashAt, scanOpen, skipBlanks, type OpenState } from './scan.js';
import { parseKey } from './keys.js';

export interface LineIndex {
  starts: number[];
  /** End of each line's content (before `\r\n` or `\n`). */
  ends: number[];
  /** Indentation of a line a node starts on, or -1. */
  indents: Int32Array;
  /** False when the document holds constructs the index cannot follow reliably. */
  trusted: boolean;
}

/** Skips `&anchor` and `!tag` properties before a value. */
function skipProperties(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === 38 /* & */ || text.charCodeAt(i) === 33 /* ! */)) {
    while (i < end && !isBlank(text.charCodeAt(i))) i++;
    i = skipBlanks(text, i, end);
  }
  return i;
}

function lineOffsets(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    starts.push(start);
    ends.push(end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (newline === -1) return { starts, ends };
    start = newline + 1;
  }
}

export function buildLineIndex(text: string): LineIndex {
  const { starts, ends } = lineOffsets(text);
  const indents = new Int32Array(starts.length).fill(-1);
  let trusted = true;
  /** Lines indented deeper than this continue the scalar begun above; -1 when none is open. */
  let swallowAbove = -1;
  let open: OpenState | undefined;

  for (let line = 0; line < starts.length; line++) {
    const start = starts[line]!;
    const end = ends[line]!;
    if (open) {
      const closed = scanOpen(text, start, end, open);
      if (closed === -1) continue;
      open = undefined;
      const rest = skipBlanks(text, closed, end);
      if (rest < end && text.charCodeAt(rest) !== HASH) trusted = false;
      continue;
    }
    let position = start;
    while (position < end && text.charCodeAt(position) === 32) position++;
    if (position >= end || text.charCodeAt(position) === HASH) continue;
    const indent = position - start;
    if (swallowAbove >= 0 && indent > swallowAbove) continue;
    swallowAbove = -1;
    if (text.charCodeAt(position) === 9) {
      trusted = false;
      continue;
    }
    indents[line] = indent;

    // The node whose value this line carries starts at `owner`: a key, a sequence dash or the line's first node.
    // A scalar alone on its line may continue on lines of the same indentation, hence `indent - 1`.
    let owner = position - 1;
    while (isDashAt(text, position, end)) {
      owner = position;
      position = skipBlanks(text, position + 1, end);
    }
    const key = parseKey(text, position, end);
    if (key) {
      owner = position;
      position = key.valueStart;
    }
    position = skipProperties(text, position, end);
    if (position >= end || text.charCodeAt(position) === HASH) continue;
    const code = text.charCodeAt(position);
    if (code === 63 /* ? */ && (position + 1 === end || isBlank(text.charCodeAt(position + 1)))) trusted = false;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === 91 || code === 123) {
      const state: OpenState = { depth: 0, quote: 0, tokenStart: true };
      if (scanOpen(text, position, end, state) === -1) {
        open = state;
        continue;
      }
    }
    // A value on the line (plain, quoted, flow or a block scalar header): deeper lines below belong to it.
    swallowAbove = owner - start;
  }
  if (open) trusted = false;
  return { starts, ends, indents, trusted };
}

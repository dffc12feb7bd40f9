/** Reads mapping keys and one-line flow collections straight from the text, for the fast locator. */
import { CLOSE_CURLY, CLOSE_SQUARE, COLON, COMMA, DOUBLE_QUOTE, HASH, OPEN_CURLY, OPEN_SQUARE, SINGLE_QUOTE } from './chars.js';
import { isBlank, quotedEnd, scanOpen, skipBlanks, unquote } from './scan.js';

/** Characters that cannot start a plain block key. */
const NOT_PLAIN_START = new Set([...'[]{},#&*!|>%@`'].map((c) => c.charCodeAt(0)));
const FLOW_INDICATORS = new Set([COMMA, OPEN_SQUARE, CLOSE_SQUARE, OPEN_CURLY, CLOSE_CURLY]);

export interface KeyOnLine {
  /** The key's value; undefined when its escapes cannot be decoded here. */
  key: string | undefined;
  /** Offset of the value after `key:` and blanks (the line's end when the value is on following lines). */
  valueStart: number;
}

function endsAtColon(text: string, colon: number, end: number): boolean {
  return text.charCodeAt(colon) === COLON && (colon + 1 >= end || isBlank(text.charCodeAt(colon + 1)));
}

/** The block-mapping key at `at` (`name:`, `"a b":`, `'x':`), or undefined when the line holds no key there. */
export function parseKey(text: string, at: number, end: number): KeyOnLine | undefined {
  if (at >= end) return undefined;
  const code = text.charCodeAt(at);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    const after = quotedEnd(text, at, end);
    if (after === -1) return undefined;
    const colon = skipBlanks(text, after, end);
    if (!endsAtColon(text, colon, end)) return undefined;
    return { key: unquote(text.slice(at, after)), valueStart: skipBlanks(text, colon + 1, end) };
  }
  if (NOT_PLAIN_START.has(code)) return undefined;
  if ((code === 45 /* - */ || code === 63 /* ? */ || code === COLON) && (at + 1 >= end || isBlank(text.charCodeAt(at + 1)))) return undefined;
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)))) {
      let keyEnd = i;
      while (isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
      return { key: text.slice(at, keyEnd), valueStart: skipBlanks(text, i + 1, end) };
    }
    if (c === HASH && isBlank(text.charCodeAt(i - 1))) return undefined;
  }
  return undefined;
}

/** The offset just after the flow node at `at`, or -1 when it does not end on this line or is beyond this reader. */
function flowNodeEnd(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  if (code === OPEN_SQUARE || code === OPEN_CURLY) return scanOpen(text, at, end, { depth: 0, quote: 0, tokenStart: true });
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return quotedEnd(text, at, end);
  if (code === 38 /* & */ || code === 42 /* * */ || code === 33 /* ! */ || code === 63 /* ? */) return -1;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (FLOW_INDICATORS.has(c)) return i;
    if (c === COLON && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)) || FLOW_INDICATORS.has(text.charCodeAt(i + 1)))) return i;
    if (c === HASH && isBlank(text.charCodeAt(i - 1))) return -1;
  }
  return -1;
}

function trimmedEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

export interface FlowEntry {
  /** For mappings: the key. */
  key?: string;
  /** Where the entry starts: the key of a mapping entry, the item of a sequence. */
  start: number;
  /** Where the value starts, or -1 when it is empty. */
  valueStart: number;
}

/**
 * The entries of the flow collection opening at `open` (`[a, b]`, `{k: v}`), which must close on the same line;
 * undefined when it does not or holds something this reader does not follow (anchors, tags, `? ` keys, pairs in
 * sequences).
 */
export function flowEntries(text: string, open: number, end: number): FlowEntry[] | undefined {
  const isMap = text.charCodeAt(open) === OPEN_CURLY;
  const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
  const entries: FlowEntry[] = [];
  let i = skipBlanks(text, open + 1, end);
  while (i < end) {
    if (text.charCodeAt(i) === close) return entries;
    const start = i;
    const nodeEnd = flowNodeEnd(text, i, end);
    if (nodeEnd === -1 || nodeEnd === start) return undefined;
    i = skipBlanks(text, nodeEnd, end);
    if (isMap) {
      const raw = text.slice(start, trimmedEnd(text, start, nodeEnd));
      const first = raw.charCodeAt(0);
      const key = first === DOUBLE_QUOTE || first === SINGLE_QUOTE ? unquote(raw) : raw;
      if (key === undefined) return undefined;
      if (text.charCodeAt(i) !== COLON) {
        entries.push({ key, start, valueStart: -1 });
      } else {
        const value = skipBlanks(text, i + 1, end);
        const next = text.charCodeAt(value);
        if (next === COMMA || next === close) {
          entries.push({ key, start, valueStart: -1 });
          i = value;
        } else {
          const valueEnd = flowNodeEnd(text, value, end);
          if (valueEnd === -1 || valueEnd === value) return undefined;
          entries.push({ key, start, valueStart: value });
          i = skipBlanks(text, valueEnd, end);
        }
      }
    } else {
      if (text.charCodeAt(i) === COLON) return undefined;
      entries.push({ start, valueStart: start });
    }
    const code = text.charCodeAt(i);
    if (code === COMMA) i = skipBlanks(text, i + 1, end);
    else if (code !== close) return undefined;
  }
  return undefined;
}

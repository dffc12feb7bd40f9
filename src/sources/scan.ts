/** Character-level helpers for reading YAML lines without a parser. Offsets index the whole text; `end` ends a line. */

import { BACKSLASH, DASH, DOUBLE_QUOTE, HASH, SINGLE_QUOTE, SPACE, TAB } from './chars.js';

export function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

export function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** True when `- ` (or a lone `-`) at `at` starts a block sequence item. */
export function isDashAt(text: string, at: number, end: number): boolean {
  return at < end && text.charCodeAt(at) === DASH && (at + 1 === end || isBlank(text.charCodeAt(at + 1)));
}

/** The offset just after the quoted scalar opening at `at`, or -1 when it does not close on this line. */
export function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && code === BACKSLASH) i++;
    else if (code === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
      else return i + 1;
    }
  }
  return -1;
}

/** The value of a one-line quoted scalar (quotes included in `raw`), or undefined for escapes JSON cannot read. */
export function unquote(raw: string): string | undefined {
  if (raw.charCodeAt(0) === SINGLE_QUOTE) return raw.slice(1, -1).replaceAll("''", "'");
  if (raw.indexOf('\\') === -1) return raw.slice(1, -1);
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Where a quoted scalar or flow collection opened on an earlier line stands. */
export interface OpenState {
  depth: number;
  quote: number;
  /** At a place where a quote would open a scalar (after `[`, `{`, `,`, `:` or blanks at the start). */
  tokenStart: boolean;
}

/**
 * Scans a quoted scalar or flow collection from `from`; returns the offset just after it closes, or -1 when the line
 * ends first (the state then carries over to the next line).
 */
export function scanOpen(text: string, from: number, end: number, state: OpenState): number {
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (state.quote === DOUBLE_QUOTE) {
      if (code === BACKSLASH) i++;
      else if (code === DOUBLE_QUOTE) {
        state.quote = 0;
        state.tokenStart = false;
        if (state.depth === 0) return i + 1;
      }
      continue;
    }
    if (state.quote === SINGLE_QUOTE) {
      if (code === SINGLE_QUOTE) {
        if (text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
        else {
          state.quote = 0;
          state.tokenStart = false;
          if (state.depth === 0) return i + 1;
        }
      }
      continue;
    }
    if (isBlank(code)) continue;
    if (code === HASH && (i === from || isBlank(text.charCodeAt(i - 1)))) return -1;
    if ((code === DOUBLE_QUOTE || code === SINGLE_QUOTE) && state.tokenStart) {
      state.quote = code;
      continue;
    }
    if (code === 91 /* [ */ || code === 123 /* { */) {
      state.depth++;
      state.tokenStart = true;
    } else if (code === 93 /* ] */ || code === 125 /* } */) {
      state.depth--;
      state.tokenStart = false;
      if (state.depth <= 0) return i + 1;
    } else state.tokenStart = code === 44 /* , */ || code === 58 /* : */;
  }
  return -1;
}

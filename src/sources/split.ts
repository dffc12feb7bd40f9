/**
 * Splits a YAML stream into its documents without parsing it: a document ends at a `---` or `...` marker line at
 * column 0. Markers cannot appear inside content (the spec forbids them there, even in block scalars), so a plain
 * line scan is exact, and each document can then be parsed, and reported on, by itself.
 */
import { DASH, DOT, HASH, NEWLINE, PERCENT, RETURN, SPACE, TAB } from './chars.js';

/** One document's text and where it sits in the stream. */
export interface DocumentText {
  text: string;
  /** 1-based line of the stream on which `text` starts. */
  line: number;
  /** 1-based line of the stream holding the document's first content (after comments and blank lines). */
  contentLine: number;
  /** 1-based line of the stream on which `text` ends. */
  endLine: number;
}

function isBreakOrBlank(code: number): boolean {
  return Number.isNaN(code) || code === NEWLINE || code === RETURN || code === SPACE || code === TAB;
}

/** Which marker, if any, starts the line at `start`. */
function markerAt(text: string, start: number): 'start' | 'end' | undefined {
  const first = text.charCodeAt(start);
  if (first !== DASH && first !== DOT) return undefined;
  if (text.charCodeAt(start + 1) !== first || text.charCodeAt(start + 2) !== first) return undefined;
  if (!isBreakOrBlank(text.charCodeAt(start + 3))) return undefined;
  return first === DASH ? 'start' : 'end';
}

/** True when the rest of the line from `from` is blank or a comment. */
function restIsEmpty(text: string, from: number, lineEnd: number): boolean {
  for (let i = from; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === HASH) return true;
    if (code !== SPACE && code !== TAB && code !== RETURN) return false;
  }
  return true;
}

/**
 * The 1-based line (counted from `firstLine` at `start`) of the first line in [start, end) that holds content, or
 * undefined when there is none. Directive lines (`%YAML`) count as empty: they belong to the marker that follows.
 */
export function firstContentLine(text: string, start: number, end: number, firstLine: number): number | undefined {
  let line = firstLine;
  let position = start;
  while (position < end) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let i = position;
    while (i < lineEnd && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB || text.charCodeAt(i) === RETURN)) i++;
    const code = text.charCodeAt(i);
    if (i < lineEnd && code !== HASH && !(code === PERCENT && i === position)) return line;
    position = lineEnd + 1;
    line++;
  }
  return undefined;
}

/** The documents of a YAML stream that hold content, in order; empty and comment-only documents are left out. */
export function splitDocuments(text: string): DocumentText[] {
  const documents: DocumentText[] = [];
  let docStart = 0;
  let docLine = 1;
  let lineStart = 0;
  let line = 1;

  const close = (end: number, endLine: number) => {
    const contentLine = firstContentLine(text, docStart, end, docLine);
    if (contentLine !== undefined) documents.push({ text: text.slice(docStart, end), line: docLine, contentLine, endLine });
  };

  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const marker = markerAt(text, lineStart);
    if (marker !== undefined) {
      close(lineStart, line - 1);
      // `--- |` or `--- {a: 1}` starts a document whose content is on the marker line itself: keep the marker.
      const contentOnMarker = marker === 'start' && !restIsEmpty(text, lineStart + 3, lineEnd);
      docStart = contentOnMarker ? lineStart : lineEnd + 1;
      docLine = contentOnMarker ? line : line + 1;
    }
    lineStart = lineEnd + 1;
    line++;
  }
  if (docStart < text.length) close(text.length, text.endsWith('\n') ? line - 2 : line - 1);
  return documents;
}

/**
 * Finds where a field of a parsed document was written. The fast path walks the document's lines by indentation,
 * guided by the parsed value (which says whether each step is a mapping, a sequence or absent); when the text holds
 * something it cannot be sure of, `yaml` 2 parses that one document with positions, once, and answers instead.
 */
import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { isRecord } from '../model/k8s.js';
import type { FieldPath } from '../model/path.js';
import type { Position } from '../model/resource.js';
import { flowEntries, parseKey } from './keys.js';
import { buildLineIndex, type LineIndex } from './line-index.js';
import { HASH } from './chars.js';
import { isBlank, isDashAt, skipBlanks } from './scan.js';

interface Cursor {
  line: number;
  offset: number;
  /** Inside a flow collection: only flow syntax applies. */
  flow: boolean;
}

interface Step {
  at: Cursor;
  /** Where the step's value starts, when the text shows one. */
  value: Cursor | undefined;
}

function child(value: unknown, segment: string | number): { found: boolean; value: unknown } {
  if (Array.isArray(value)) {
    return typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < value.length
      ? { found: true, value: value[segment] }
      : { found: false, value: undefined };
  }
  if (isRecord(value) && typeof segment === 'string' && Object.hasOwn(value, segment)) return { found: true, value: value[segment] };
  return { found: false, value: undefined };
}

function isFlowOpen(code: number): boolean {
  return code === 91 /* [ */ || code === 123 /* { */;
}

/** The fast locator over one document's text. Answers undefined when it cannot be sure. */
export class LineLocator {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = buildLineIndex(text);
  }

  locate(root: unknown, path: FieldPath): Position | undefined {
    if (!this.index.trusted) return undefined;
    let cursor = this.rootCursor();
    if (!cursor) return undefined;
    let best = cursor;
    let value = root;
    for (const segment of path) {
      const next = child(value, segment);
      if (!next.found) break;
      if (!cursor) return undefined;
      const step: Step | undefined = cursor.flow || isFlowOpen(this.text.charCodeAt(cursor.offset)) ? this.flowStep(cursor, segment) : this.blockStep(cursor, segment);
      if (!step) return undefined;
      best = step.at;
      cursor = step.value;
      value = next.value;
    }
    return { line: best.line + 1, column: best.offset - this.index.starts[best.line]! + 1 };
  }

  private rootCursor(): Cursor | undefined {
    const { indents, starts } = this.index;
    for (let line = 0; line < indents.length; line++) {
      if (indents[line]! < 0) continue;
      const offset = starts[line]! + indents[line]!;
      // A document whose content starts on its `---` line is left to the full parser.
      if (indents[line] === 0 && this.text.startsWith('---', offset) && (offset + 3 === this.index.ends[line] || isBlank(this.text.charCodeAt(offset + 3)))) {
        return undefined;
      }
      return { line, offset, flow: false };
    }
    return undefined;
  }

  /** The next line at or after `from` on which a node starts. */
  private nextNodeLine(from: number): number {
    const { indents } = this.index;
    let line = from;
    while (line < indents.length && indents[line]! < 0) line++;
    return line;
  }

  /** The node that starts at `offset` on `line` or, when the line ends there, on the next line deeper than `indent`. */
  private nodeAfter(line: number, offset: number, indent: number, sameIndentDash: boolean): Cursor | undefined {
    const { ends, indents, starts } = this.index;
    if (offset < ends[line]! && this.text.charCodeAt(offset) !== HASH) {
      const code = this.text.charCodeAt(offset);
      // Anchors, tags and aliases move where the parser says the node starts: not this reader's business.
      if (code === 38 /* & */ || code === 33 /* ! */ || code === 42 /* * */) return undefined;
      return { line, offset, flow: false };
    }
    const next = this.nextNodeLine(line + 1);
    if (next >= indents.length) return undefined;
    const nextIndent = indents[next]!;
    const nextOffset = starts[next]! + nextIndent;
    if (nextIndent > indent) return this.nodeAfter(next, nextOffset, indent, false);
    if (sameIndentDash && nextIndent === indent && isDashAt(this.text, nextOffset, ends[next]!)) return { line: next, offset: nextOffset, flow: false };
    return undefined;
  }

  private blockStep(cursor: Cursor, segment: string | number): Step | undefined {
    const { ends, indents, starts } = this.index;
    const column = cursor.offset - starts[cursor.line]!;
    if (isDashAt(this.text, cursor.offset, ends[cursor.line]!)) {
      if (typeof segment !== 'number') return undefined;
      let line = cursor.line;
      for (let item = 0; item < segment; item++) {
        do line++;
        while (line < indents.length && (indents[line]! < 0 || indents[line]! > column));
        if (line >= indents.length || indents[line] !== column || !isDashAt(this.text, starts[line]! + column, ends[line]!)) return undefined;
      }
      const dash = starts[line]! + column;
      const content = this.nodeAfter(line, skipBlanks(this.text, dash + 1, ends[line]!), column, false);
      return content ? { at: content, value: content } : undefined;
    }
    if (typeof segment !== 'string') return undefined;
    let line = cursor.line;
    let key = parseKey(this.text, cursor.offset, ends[line]!);
    for (;;) {
      if (!key || key.key === undefined) return undefined;
      if (key.key === segment) {
        const at = { line, offset: starts[line]! + column, flow: false };
        return { at, value: this.nodeAfter(line, key.valueStart, column, true) };
      }
      do line++;
      while (
        line < indents.length &&
        (indents[line]! < 0 || indents[line]! > column || (indents[line] === column && isDashAt(this.text, starts[line]! + column, ends[line]!)))
      );
      if (line >= indents.length || indents[line] !== column) return undefined;
      key = parseKey(this.text, starts[line]! + column, ends[line]!);
    }
  }

  private flowStep(cursor: Cursor, segment: string | number): Step | undefined {
    if (!isFlowOpen(this.text.charCodeAt(cursor.offset))) return undefined;
    const isMapping = this.text.charCodeAt(cursor.offset) === 123;
    if (isMapping !== (typeof segment === 'string')) return undefined;
    const entries = flowEntries(this.text, cursor.offset, this.index.ends[cursor.line]!);
    if (!entries) return undefined;
    const entry = typeof segment === 'number' ? entries[segment] : entries.find((candidate) => candidate.key === segment);
    if (!entry) return undefined;
    const at = { line: cursor.line, offset: entry.start, flow: true };
    const value = entry.valueStart === -1 ? undefined : { line: cursor.line, offset: entry.valueStart, flow: true };
    return { at, value };
  }
}

/** The full parser's answer: slower, but it follows every construct YAML has. */
export class ParsedLocator {
  private readonly lines = new LineCounter();
  private readonly document: Document.Parsed;

  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lines, schema: 'core', merge: true, uniqueKeys: false });
  }

  locate(path: FieldPath): Position {
    let node: unknown = this.document.contents;
    let offset = startOf(node) ?? 0;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.document);
      let next: unknown;
      if (isMap(node) && typeof segment === 'string') {
        const pair = findPair(node.items, segment, this.document, 0);
        if (!pair) break;
        offset = startOf(pair.key) ?? offset;
        next = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
        if (next === undefined) break;
        offset = startOf(next) ?? offset;
      } else break;
      node = next;
    }
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function startOf(node: unknown): number | undefined {
  if (isPair(node)) return startOf(node.key);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

interface PairLike {
  key: unknown;
  value: unknown;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return typeof key.value === 'symbol' ? key.value.description : String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** The pair for `segment`, looking through `<<` merge keys (depth-limited: merges may form cycles). */
function findPair(items: readonly unknown[], segment: string, document: Document.Parsed, depth: number): PairLike | undefined {
  const pairs = items.filter(isPair);
  // The last of duplicate keys is the one the value holds.
  const own = pairs.findLast((pair) => keyText(pair.key) === segment);
  if (own || depth > 8) return own;
  for (const pair of pairs) {
    if (keyText(pair.key) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(document) : source;
      if (!isMap(target)) continue;
      const found = findPair(target.items, segment, document, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Locates fields of one document. Positions are 1-based within `text`. Both readers are made on first use, so a
 * document no finding points into costs nothing.
 */
export class DocumentLocator {
  private fast: LineLocator | undefined;
  private parsed: ParsedLocator | undefined;

  /** `exact`: the value came from js-yaml over block-style text the fast reader can follow. */
  constructor(
    private readonly text: string,
    private readonly root: unknown,
    private readonly exact: boolean,
  ) {}

  locate(path: FieldPath): Position {
    if (this.exact) {
      this.fast ??= new LineLocator(this.text);
      const position = this.fast.locate(this.root, path);
      if (position) return position;
    }
    this.parsed ??= new ParsedLocator(this.text);
    return this.parsed.locate(path);
  }
}

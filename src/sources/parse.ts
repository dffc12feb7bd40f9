/**
 * Parses one document's text into a value, bounded against hostile input. js-yaml is the fast path; `yaml` 2 is the
 * second opinion for documents js-yaml rejects. Both read scalars as Kubernetes does (its YAML reader is go-yaml v2):
 * YAML 1.2 core types plus merge keys, the YAML 1.1 booleans (`privileged: yes` and `hostNetwork: on` are true there,
 * so they must be here), and no timestamps, so `2024-01-01` stays a string.
 */
import { CORE_SCHEMA, Type, YAMLException, load, type LoadOptions } from 'js-yaml';
import { parseDocument, type Document } from 'yaml';

export type ParseFailure = {
  ok: false;
  code: 'parse-failed' | 'alias-limit';
  /** 1-based line within the parsed text, when known. */
  line?: number;
  message: string;
};

export type ParseResult = { ok: true; value: unknown; /** parsed by js-yaml (so the fast locator may trust it) */ exact: boolean } | ParseFailure;

/** Deeper nesting than this is refused: no manifest needs it, and recursive consumers would overflow. */
export const MAX_DEPTH = 200;
/** Aliases `yaml` 2 may expand in one document before calling it an attack. */
const MAX_ALIAS_COUNT = 100;
/** Nodes a document may expand to beyond one per character of its text (aliases let a few bytes expand to billions). */
const ALIAS_EXPANSION_ALLOWANCE = 100_000;

const NOT_TEXT = /null byte|non-printable/;

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const BOOLEAN_11 = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (TRUE_WORDS.has(data) || FALSE_WORDS.has(data)),
  construct: (data: string) => TRUE_WORDS.has(data),
  predicate: (value: unknown) => typeof value === 'boolean',
});
const MERGE_KEY = new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' || data === null });
// Replaces the core schema's boolean type (same tag), keeping its other types.
const SCHEMA = CORE_SCHEMA.extend({ implicit: [BOOLEAN_11, MERGE_KEY] });
/** The same booleans for `yaml` 2, added beside its core `true`/`false`. */
const YAML2_BOOLEANS = [
  { tag: 'tag:yaml.org,2002:bool', default: true, identify: (value: unknown) => typeof value === 'boolean', test: /^(?:[Yy]|[Yy]es|YES|[Oo]n|ON)$/, resolve: () => true },
  { tag: 'tag:yaml.org,2002:bool', default: true, identify: (value: unknown) => typeof value === 'boolean', test: /^(?:[Nn]|[Nn]o|NO|[Oo]ff|OFF)$/, resolve: () => false },
];
const LOAD_OPTIONS: LoadOptions & { maxDepth: number } = { schema: SCHEMA, maxDepth: MAX_DEPTH };

type Shape = 'ok' | 'too-many-nodes' | 'too-deep';

/** Walks the value as consumers would see it (shared alias targets counted each time), stopping at the limits. */
function measure(value: unknown, nodeBudget: number, depthLimit: number): Shape {
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (++nodes > nodeBudget) return 'too-many-nodes';
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= depthLimit) return 'too-deep';
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  return 'ok';
}

function checkShape(value: unknown, textLength: number, exact: boolean): ParseResult {
  const shape = measure(value, textLength + ALIAS_EXPANSION_ALLOWANCE, MAX_DEPTH);
  if (shape === 'too-many-nodes') return { ok: false, code: 'alias-limit', message: 'aliases expand this document beyond any real manifest (an alias bomb?); refused' };
  if (shape === 'too-deep') return { ok: false, code: 'parse-failed', message: `nesting deeper than ${MAX_DEPTH} levels; refused` };
  return { ok: true, value, exact };
}

/** The first line of a message: parsers append code frames that would quote the file's content. */
function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end === -1 ? message : message.slice(0, end)).trim();
}

function parseWithYaml2(text: string, fallbackLine: number | undefined, fallbackMessage: string): ParseResult {
  let document: Document.Parsed;
  try {
    // Duplicate keys are accepted, the last one winning, as Kubernetes' own YAML reader does.
    document = parseDocument(text, { schema: 'core', customTags: YAML2_BOOLEANS, merge: true, uniqueKeys: false });
  } catch {
    return { ok: false, code: 'parse-failed', line: fallbackLine, message: fallbackMessage };
  }
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? fallbackLine;
    return { ok: false, code: 'parse-failed', line, message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '') };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    // The alias's name is not repeated: it is the document's own text, and may be anything.
    if (/unresolved alias/i.test(message)) return { ok: false, code: 'parse-failed', line: fallbackLine, message: 'undefined alias: an alias (*name) refers to no anchor (&name) before it' };
    if (/alias/i.test(message)) return { ok: false, code: 'alias-limit', message: 'too many aliases expanded (an alias bomb?); refused' };
    return { ok: false, code: 'parse-failed', line: fallbackLine, message: firstLine(message) };
  }
  return checkShape(value, text.length, false);
}

/** Parses one YAML document (the text of one document, as split by `splitDocuments`). */
export function parseYamlDocument(text: string): ParseResult {
  let value: unknown;
  try {
    value = load(text, LOAD_OPTIONS);
  } catch (caught) {
    if (!(caught instanceof YAMLException)) return { ok: false, code: 'parse-failed', message: caught instanceof Error ? firstLine(caught.message) : 'unparseable' };
    const line = caught.mark ? caught.mark.line + 1 : undefined;
    if (caught.reason.includes('maxDepth')) return { ok: false, code: 'parse-failed', line, message: `nesting deeper than ${MAX_DEPTH} levels; refused` };
    if (caught.reason.includes('maxTotalMergeKeys')) return { ok: false, code: 'alias-limit', line, message: 'too many merge keys expanded (an alias bomb?); refused' };
    // Control characters are never YAML, however lenient the second opinion would be about them.
    if (NOT_TEXT.test(caught.reason)) return { ok: false, code: 'parse-failed', line, message: `${caught.reason}; not a YAML text` };
    return parseWithYaml2(text, line, caught.reason);
  }
  // Only anchors make aliases, and only aliases make a document bigger than its text.
  if (text.indexOf('&') !== -1) return checkShape(value, text.length, true);
  return { ok: true, value, exact: true };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses a JSON document; errors carry the line (JSON is YAML, so `yaml` 2's JSON schema finds it when V8 gives none). */
export function parseJsonDocument(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const position = /at position (\d+)/.exec(message);
    // V8 quotes the input in its messages: never repeat file content (it may be a Secret) in a report.
    const reason = (firstLine(message).split(/"| in JSON/)[0] ?? '').replace(/^(Unexpected token) '.+?'/, '$1').replace(/[\s,.]+$/, '') || 'malformed';
    const line = position ? lineAt(text, Number(position[1])) : parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0]?.line;
    return { ok: false, code: 'parse-failed', line, message: `invalid JSON: ${reason}` };
  }
  return checkShape(value, text.length, false);
}

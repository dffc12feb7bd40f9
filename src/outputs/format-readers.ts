/**
 * Strict readers for the text formats kspm writes, written from their specifications, for tests: RFC 4180 CSV, the
 * Prometheus text exposition format 0.0.4 and the wgpolicyk8s.io/v1alpha2 PolicyReport CRD schema. Each throws (an
 * assertion error naming the problem) on anything the specification does not allow.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else throws. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = '';
    if (text[position] === '"') {
      position++;
      for (;;) {
        const quote = text.indexOf('"', position);
        assert.ok(quote >= 0, 'an unclosed quoted field');
        field += text.slice(position, quote);
        position = quote + 1;
        if (text[position] !== '"') break;
        field += '"';
        position++;
      }
    } else {
      const match = /^[^",\r\n]*/.exec(text.slice(position))![0];
      field = match;
      position += match.length;
    }
    record.push(field);
    if (text[position] === ',') position++;
    else if (text.startsWith('\r\n', position)) {
      records.push(record);
      record = [];
      position += 2;
    } else assert.fail(`unexpected ${JSON.stringify(text.slice(position, position + 20))} at ${position}`);
  }
  assert.equal(record.length, 0, 'the last record ends with CRLF');
  return records;
}

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  help: Map<string, string>;
  type: Map<string, string>;
  series: Series[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function parseValue(text: string): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  assert.match(text, /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, `a float: ${text}`);
  return Number(text);
}

/** Reads `{name="value",...}` at the start of `text`, unescaping \\, \" and \n; returns the labels and the rest. */
function parseLabels(text: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let position = 1;
  while (text[position] !== '}') {
    const name = /^[^=]*/.exec(text.slice(position))![0];
    assert.match(name, LABEL_NAME, `label name ${name}`);
    assert.ok(!(name in labels), `duplicate label ${name}`);
    position += name.length;
    assert.equal(text.slice(position, position + 2), '="', 'label value opens with ="');
    position += 2;
    let value = '';
    for (;;) {
      const char = text[position++];
      assert.ok(char !== undefined && char !== '\n', 'label value closed on its line');
      if (char === '"') break;
      if (char === '\\') {
        const escaped = text[position++];
        assert.ok(escaped === '\\' || escaped === '"' || escaped === 'n', `escape \\${escaped}`);
        value += escaped === 'n' ? '\n' : escaped;
      } else value += char;
    }
    labels[name] = value;
    if (text[position] === ',') position++;
    else assert.equal(text[position], '}', 'labels separated by commas');
  }
  return { labels, rest: text.slice(position + 1) };
}

/** A reader for the text exposition format 0.0.4, strict about the parts kspm writes. */
export function parseExposition(text: string): Exposition {
  assert.ok(text.endsWith('\n'), 'the last line ends with a line feed');
  const result: Exposition = { help: new Map(), type: new Map(), series: [] };
  const finished = new Set<string>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, keyword, name, rest] = meta as unknown as [string, string, string, string];
      assert.match(name, METRIC_NAME);
      if (name !== current) {
        assert.ok(!finished.has(name), `family ${name} appears twice`);
        if (current) finished.add(current);
        current = name;
      }
      const map = keyword === 'HELP' ? result.help : result.type;
      assert.ok(!map.has(name), `a second ${keyword} for ${name}`);
      if (keyword === 'TYPE') assert.ok(['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest), `type ${rest}`);
      else assert.doesNotMatch(rest.replace(/\\[\\n]/g, ''), /\\/, 'HELP escapes only backslash and line feed');
      map.set(name, rest);
      continue;
    }
    assert.ok(!line.startsWith('#') && line.trim() !== '', `a sample line: ${JSON.stringify(line)}`);
    const name = /^[^{ ]+/.exec(line)![0];
    assert.match(name, METRIC_NAME);
    assert.equal(name, current, `sample of ${name} inside its own family`);
    assert.ok(result.type.has(name) && result.help.has(name), `HELP and TYPE come before the samples of ${name}`);
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest));
    const value = /^ (\S+)$/.exec(rest);
    assert.ok(value, `one value after the labels: ${JSON.stringify(rest)}`);
    result.series.push({ name, labels, value: parseValue(value[1]!) });
  }
  const keys = result.series.map((series) => JSON.stringify([series.name, Object.entries(series.labels).sort()]));
  assert.equal(new Set(keys).size, keys.length, 'no series twice');
  return result;
}

/**
 * The wgpolicyk8s.io/v1alpha2 PolicyReport and ClusterPolicyReport schema, from the CRD of
 * kubernetes-sigs/wg-policy-prototypes (policy-report/crd/v1alpha2) and its Go types: `policy` is the only required
 * result field, a timestamp needs both `seconds` and `nanos`, `properties` is a map of strings, `result` and
 * `severity` are enums (the later types add critical and info to the severities). Strict, so a misspelt field fails.
 */
const objectReference = z
  .object({ apiVersion: z.string(), kind: z.string(), name: z.string(), namespace: z.string(), uid: z.string(), resourceVersion: z.string(), fieldPath: z.string() })
  .partial()
  .strict();
const result = z
  .object({
    source: z.string().optional(),
    policy: z.string().min(1),
    rule: z.string().optional(),
    category: z.string().optional(),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']).optional(),
    timestamp: z.object({ seconds: z.number().int(), nanos: z.number().int().min(0).max(999_999_999) }).strict().optional(),
    result: z.enum(['pass', 'fail', 'warn', 'error', 'skip']).optional(),
    scored: z.boolean().optional(),
    resources: z.array(objectReference).optional(),
    message: z.string().optional(),
    properties: z.record(z.string(), z.string()).optional(),
  })
  .strict();
const count = z.number().int().min(0);
const dnsSubdomain = z.string().max(253).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/);
export const policyReportSchema = z
  .object({
    apiVersion: z.literal('wgpolicyk8s.io/v1alpha2'),
    kind: z.enum(['PolicyReport', 'ClusterPolicyReport']),
    metadata: z.object({ name: dnsSubdomain, namespace: z.string().optional(), labels: z.record(z.string(), z.string()), annotations: z.record(z.string(), z.string()).optional() }).strict(),
    summary: z.object({ pass: count, fail: count, warn: count, error: count, skip: count }).partial().strict().optional(),
    results: z.array(result).optional(),
  })
  .strict();
export type PolicyReport = z.infer<typeof policyReportSchema>;


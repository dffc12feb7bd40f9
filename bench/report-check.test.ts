import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OutlineScanner, outlineReport, readMember, type ReportOutline } from './report-check.js';

function outline(text: string, chunkSize = Number.POSITIVE_INFINITY): ReportOutline {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new OutlineScanner();
  const step = Math.min(chunkSize, Math.max(bytes.length, 1));
  for (let offset = 0; offset < bytes.length; offset += step) scanner.feed(bytes.subarray(offset, offset + step));
  return scanner.finish();
}

/** A report-shaped value whose strings contain every byte that could fool a bracket counter. */
const REPORT = {
  schemaVersion: '1.0.0',
  'odd "key", {with} [brackets]': 'value: with "quotes", \\backslashes\\ and {braces}',
  header: { inputs: ['a,b', '{c}'], options: { frameworks: [] } },
  resources: [{ kind: 'Deployment', name: 'café ☕', file: 'x/[y].yaml' }, { kind: 'Pod', name: 'p' }, { kind: 'Service', name: '"s"' }],
  findings: [],
  errors: [{ message: 'bad ] here }' }],
  count: 42,
  flag: null,
  summary: { resources: 3, findings: { total: 0 }, errors: 1 },
};

describe('OutlineScanner', () => {
  for (const [name, text] of [
    ['compact JSON', JSON.stringify(REPORT)],
    ['indented JSON', JSON.stringify(REPORT, null, 2)],
  ] as const) {
    it(`locates every top-level member of ${name}, whatever the chunk size`, () => {
      const bytes = Buffer.from(text, 'utf8');
      for (const chunkSize of [1, 2, 7, 64, Number.POSITIVE_INFINITY]) {
        const result = outline(text, chunkSize);
        assert.equal(result.problem, undefined);
        assert.deepEqual([...result.members.keys()], Object.keys(REPORT));
        for (const [key, member] of result.members) {
          const value = (REPORT as Record<string, unknown>)[key];
          assert.deepEqual(JSON.parse(bytes.subarray(member.start, member.end).toString('utf8')), value, `${key} with chunks of ${chunkSize}`);
          assert.equal(member.items, Array.isArray(value) ? value.length : undefined, `${key} items`);
        }
      }
    });
  }

  it('decodes escaped keys', () => {
    assert.deepEqual([...outline('{"a\\"b": 1, "\\u0073ummary": {}}').members.keys()], ['a"b', 'summary']);
  });

  it('accepts an empty object', () => {
    const result = outline(' {} \n');
    assert.equal(result.problem, undefined);
    assert.equal(result.members.size, 0);
  });

  const broken: [name: string, text: string, problem: RegExp][] = [
    ['an empty file', '', /empty/],
    ['a report cut off inside a list', '{"resources": [{"a": 1}, {"b"', /ends inside nesting depth 3/],
    ['a report cut off inside a string', '{"resources": ["abc', /ends inside a string/],
    ['text after the object', '{"a": 1} {"b": 2}', /text after the end/],
    ['a top-level array', '[1, 2]', /not a JSON object/],
    ['mismatched brackets', '{"a": [1, 2}', /unbalanced "}"/],
  ];
  for (const [name, text, problem] of broken) {
    it(`reports ${name}`, () => assert.match(outline(text).problem ?? '', problem));
  }
});

describe('outlineReport and readMember', () => {
  it('read a report file and parse only the member asked for', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kspm-bench-'));
    try {
      const path = join(folder, 'report.json');
      await writeFile(path, JSON.stringify(REPORT, null, 2));
      const result = await outlineReport(path);
      assert.equal(result.problem, undefined);
      assert.deepEqual(await readMember(path, result.members.get('summary')!), REPORT.summary);
      assert.equal(result.members.get('resources')?.items, 3);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

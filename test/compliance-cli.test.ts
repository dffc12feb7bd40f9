/** `kspm compliance` and `kspm frameworks` as users run them, on the demo estate and on node reports. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kspm } from './helpers/cli.js';

const DEMO = ['examples/demo', '--config', 'examples/demo/kspm.yaml'];

interface ControlJson {
  id: string;
  status: string;
  findings: { controlId: string; resource: { kind: string; namespace?: string; name: string }; exception: { status: string; reason: string } | null }[];
  reason?: string;
}
interface ReportJson {
  framework: { id: string; title: string; version: string };
  score: number | null;
  counts: Record<string, number>;
  controls: ControlJson[];
}

function compliance(args: string[]): ReportJson {
  const run = kspm(['compliance', ...args, '-o', 'json']);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ReportJson;
}

describe('kspm compliance on the demo estate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-compliance-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('pss as JSON: the framework ids, statuses, the same findings kspm scan makes, exceptions shown, and the score they give', () => {
    const report = compliance(['--framework', 'pss', ...DEMO]);
    assert.equal(report.framework.id, 'pss');
    const scan = JSON.parse(kspm(['scan', ...DEMO, '-o', 'json']).stdout) as { findings: { controlId: string; exception: unknown }[] };
    const privileged = report.controls.find((control) => control.id === 'baseline/privileged')!;
    assert.equal(privileged.status, 'fail');
    assert.equal(privileged.findings.length, scan.findings.filter((finding) => finding.controlId === 'pss-privileged').length);
    assert.ok(privileged.findings.some((finding) => finding.resource.name === 'netshoot-debug'));
    const hostNamespaces = report.controls.find((control) => control.id === 'baseline/hostNamespaces')!;
    const excepted = hostNamespaces.findings.find((finding) => finding.resource.name === 'node-agent');
    assert.equal(excepted?.exception?.status, 'active', 'the node agent carries its exception from exceptions.yaml');
    for (const control of report.controls) {
      const open = control.findings.filter((finding) => finding.exception?.status !== 'active').length;
      assert.equal(control.status, open > 0 ? 'fail' : 'pass', control.id);
    }
    const pass = report.controls.filter((control) => control.status === 'pass').length;
    const fail = report.controls.filter((control) => control.status === 'fail').length;
    assert.deepEqual(report.counts, { pass, fail, manual: 0, 'not-applicable': 0 });
    assert.equal(report.score, Math.round((pass / (pass + fail)) * 1000) / 10);
  });

  it('nsa-1.2: manual controls with audit steps, control-plane ones not applicable with the reason, node ones waiting for kspm node', () => {
    const report = compliance(['--framework', 'nsa-1.2', ...DEMO]);
    const byId = new Map(report.controls.map((control) => [control.id, control]));
    assert.equal(byId.get('worker-node-segmentation')?.status, 'manual');
    assert.equal(byId.get('rbac')?.status, 'fail');
    assert.equal(byId.get('control-plane')?.status, 'not-applicable');
    assert.match(byId.get('control-plane')!.reason!, /no control-plane static pod scanned/);
    assert.match(byId.get('authentication/kubelet')!.reason!, /node checks not run: run kspm node/);
  });

  it('csv to a file: a header and one row per framework control', () => {
    const file = join(dir, 'pss.csv');
    const run = kspm(['compliance', '--framework', 'pss', ...DEMO, '-o', 'csv', '--output-file', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^framework,control,section,title,status,checks,open findings,excepted findings,evidence\r\n/);
    assert.equal(text.split('\r\n').filter((line) => line.startsWith('pss,')).length, compliance(['--framework', 'pss', ...DEMO]).controls.length);
  });

  it('html to a file: one page with the framework and its controls', () => {
    const file = join(dir, 'pss.html');
    const run = kspm(['compliance', '--framework', 'pss', ...DEMO, '-o', 'html', '--output-file', file]);
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /Pod Security Standards/);
    assert.match(html, /restricted\/runAsNonRoot/);
  });

  it('table: the framework, its score and a row per control', () => {
    const run = kspm(['compliance', '--framework', 'pss', ...DEMO]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Pod Security Standards \(pss, version v1\.\d+\)\nScore: \d+\.\d%: \d+ pass, \d+ fail, 0 manual, 0 not applicable\n/);
    assert.match(run.stdout, /restricted\/runAsNonRoot +fail /);
  });

  it("judges a user's own framework file, and refuses a broken one naming the file and control", () => {
    const mine = join(dir, 'mine.yaml');
    writeFileSync(mine, 'id: mine\ntitle: Ours\nversion: "1"\ndescription: d\ncontrols:\n  - {id: OUR-1, title: No host ports, checks: [pss-host-ports]}\n');
    const report = compliance(['--framework-file', mine, ...DEMO]);
    assert.deepEqual(report.controls.map((control) => [control.id, control.status]), [['OUR-1', 'pass']]);
    writeFileSync(mine, 'id: mine\ntitle: Ours\nversion: "1"\ndescription: d\ncontrols:\n  - {id: OUR-1, title: t, checks: [no-such-check]}\n');
    const broken = kspm(['compliance', '--framework-file', mine, ...DEMO]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, new RegExp(`${mine.replace(/[.\\/]/g, '\\$&')}: control OUR-1: check "no-such-check" is neither`));
  });

  it('usage errors exit 2: unknown framework (listing the known ones), no framework, nothing to read', () => {
    const unknown = kspm(['compliance', '--framework', 'iso-27001', ...DEMO]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown framework "iso-27001"; known: .*nsa-1\.2.*pss/);
    assert.equal(kspm(['compliance', ...DEMO]).status, 2);
    const nothing = kspm(['compliance', '--framework', 'pss']);
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /kspm compliance needs something to read/);
  });

  it('input errors exit 3 with the report of what could be read', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n');
    const run = kspm(['compliance', '--framework', 'pss', 'examples/demo/frontend', bad, '-o', 'json']);
    assert.equal(run.status, 3, run.stderr);
    assert.match(run.stderr, /bad\.yaml/);
    assert.equal((JSON.parse(run.stdout) as ReportJson).framework.id, 'pss');
  });
});

describe('kspm compliance with kspm node results', () => {
  let dir: string;
  let results: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-compliance-node-'));
    results = join(dir, 'worker-1.json');
    const result = (checkId: string, status: string, message: string) => ({ checkId, node: 'worker-1', status, expected: 'as CIS 1.12 says', location: 'kubelet', message });
    writeFileSync(results, JSON.stringify({
      schemaVersion: 1, node: 'worker-1', platform: 'kubeadm', errors: ['cannot read /etc/kubernetes/proxy.conf'],
      results: [
        result('node-cis-4.2.1', 'fail', 'anonymous-auth is true'),
        result('node-cis-4.2.2', 'pass', 'authorization mode Webhook'),
        result('node-cis-4.2.3', 'pass', 'client-ca-file set'),
      ],
    }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('judges node checks from node reports alone, with the failing node result as evidence', () => {
    const run = kspm(['compliance', '--framework', 'nsa-1.2', '--node-results', results, '-o', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /warning: node results .*worker-1\.json: cannot read \/etc\/kubernetes\/proxy\.conf/);
    const kubelet = (JSON.parse(run.stdout) as ReportJson).controls.find((control) => control.id === 'authentication/kubelet') as ControlJson & { nodeResults: { checkId: string; status: string }[] };
    assert.equal(kubelet.status, 'fail');
    assert.deepEqual(kubelet.nodeResults.map((result) => [result.checkId, result.status]), [['node-cis-4.2.1', 'fail'], ['node-cis-4.2.2', 'pass'], ['node-cis-4.2.3', 'pass']]);
  });

  it('refuses a node results file that is not a kspm node report (exit 2)', () => {
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, '{"items": []}');
    const run = kspm(['compliance', '--framework', 'nsa-1.2', '--node-results', wrong]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /wrong\.json are not a kspm node report/);
  });
});

describe('kspm frameworks', () => {
  it('lists every shipped framework with its control counts', () => {
    const run = kspm(['frameworks', '-o', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const { frameworks } = JSON.parse(run.stdout) as { frameworks: { id: string; controls: number; automated: number; manual: number }[] };
    const pss = frameworks.find((framework) => framework.id === 'pss');
    assert.deepEqual(pss && [pss.controls, pss.automated, pss.manual], [19, 19, 0]);
    const nsa = frameworks.find((framework) => framework.id === 'nsa-1.2');
    assert.ok(nsa && nsa.automated + nsa.manual === nsa.controls && nsa.manual > 0);
    assert.match(kspm(['frameworks']).stdout, /^ +ID +TITLE +VERSION +CONTROLS +AUTOMATED +MANUAL\n/);
  });
});

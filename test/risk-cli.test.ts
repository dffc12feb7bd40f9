/** `kspm scan --top N` and `kspm paths` on the bundled demo estate, through the built CLI. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPLIANCE_FORMATS } from '../src/compliance/index.js';
import { OUTPUT_FORMATS } from '../src/outputs/index.js';
import { kspm } from './helpers/cli.js';

const DEMO = ['examples/demo', '--config', 'examples/demo/kspm.yaml'];

interface Report {
  findings: { controlId: string; severity: string; exception: unknown; risk?: { score: number; factors: { name: string; weight: number; evidence: string }[] } }[];
  summary: { findings: { total: number }; riskiestWorkloads?: { workload: { kind: string; name: string }; score: number; findings: number; factors: { evidence: string }[] }[] };
}

describe('kspm scan --top', () => {
  const full = JSON.parse(kspm(['scan', ...DEMO, '-o', 'json']).stdout) as Report;
  const top = JSON.parse(kspm(['scan', ...DEMO, '-o', 'json', '--top', '5']).stdout) as Report;

  it('reports the N open findings with the highest risk score, highest first, each with its factors', () => {
    assert.equal(top.findings.length, 5);
    const scores = top.findings.map((finding) => finding.risk!.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(top.findings.every((finding) => finding.exception === null || (finding.exception as { status: string }).status === 'expired'), 'excepted findings are not ranked');
    assert.ok(top.findings.every((finding) => finding.risk!.factors.every((factor) => factor.weight > 0 && factor.evidence.length > 0)));
    assert.ok(top.findings.some((finding) => finding.risk!.factors.length > 0), 'context raises some scores');
  });

  it('ranks by context, not by severity alone: every critical finding that tops the list is at least as urgent as any later one', () => {
    const last = top.findings.at(-1)!.risk!.score;
    assert.ok(top.findings.every((finding) => finding.risk!.score >= last));
    assert.ok(!full.findings.some((finding) => 'risk' in finding), 'without --top findings carry no risk');
  });

  it('counts every finding in the summary, whatever it shows', () => {
    assert.equal(top.summary.findings.total, full.summary.findings.total);
  });

  it('scores workloads too: the summary lists the riskiest, each by its worst finding, with its own factors', () => {
    const workloads = top.summary.riskiestWorkloads!;
    assert.ok(workloads.length > 0 && workloads.length <= 10);
    assert.deepEqual(workloads.map((w) => w.score), [...workloads.map((w) => w.score)].sort((a, b) => b - a));
    assert.equal(workloads[0]!.score, top.findings[0]!.risk!.score, 'the riskiest workload carries the most urgent finding');
    assert.ok(workloads.every((w) => w.findings > 0 && w.factors.every((factor) => factor.evidence.length > 0)));
    assert.equal(full.summary.riskiestWorkloads, undefined);
  });

  it('shows the ranking in the table with the factors', () => {
    const table = kspm(['scan', ...DEMO, '--top', '2']).stdout;
    assert.match(table, /MOST URGENT/);
    assert.match(table, /\[risk \d+ (critical|high)\]/);
  });

  it('refuses a --top that is not a positive whole number', () => {
    assert.equal(kspm(['scan', ...DEMO, '--top', '0']).status, 2);
    assert.equal(kspm(['scan', ...DEMO, '--top', 'many']).status, 2);
  });
});

describe('kspm paths', () => {
  it('lists attack paths from the internet, each step with its evidence', () => {
    const run = kspm(['paths', ...DEMO, '-o', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const { paths } = JSON.parse(run.stdout) as { paths: { origin: string; text: string; target: string; steps: { kind: string; evidence: string }[] }[] };
    assert.ok(paths.length > 0);
    const fromInternet = paths.filter((path) => path.origin === 'internet');
    assert.ok(fromInternet.length > 0);
    for (const path of paths) {
      assert.equal(path.text.split(' -> ').length, path.steps.length + 1);
      assert.ok(path.steps.every((step) => step.evidence.length > 0));
    }
    assert.ok(fromInternet.some((path) => /^internet -> (Ingress|LoadBalancer)/.test(path.text)));
  });

  it('--no-lateral keeps only paths from the internet; the table numbers them', () => {
    const { paths } = JSON.parse(kspm(['paths', ...DEMO, '-o', 'json', '--no-lateral']).stdout) as { paths: { origin: string }[] };
    assert.ok(paths.length > 0 && paths.every((path) => path.origin === 'internet'));
    assert.match(kspm(['paths', ...DEMO, '--max-paths', '2']).stdout, /^1\. internet -> /);
  });
});

describe('kspm scan -o html', () => {
  it('puts the top risks with their factors, the attack paths and every framework judged in the audit report', () => {
    const run = kspm(['scan', ...DEMO, '-o', 'html']);
    const top = JSON.parse(kspm(['scan', ...DEMO, '-o', 'json', '--top', '1']).stdout) as Report;
    const first = top.findings[0]!;
    assert.ok(run.stdout.includes(`${first.controlId} on `), 'the most urgent finding leads the top risks');
    assert.match(run.stdout, /internet -&gt; (Ingress|LoadBalancer)/, 'attack paths are listed, escaped');
    for (const framework of ['cis-1.12', 'nsa-1.2', 'pss', 'mitre', 'nist-800-53', 'pci-dss-4', 'hipaa', 'soc2']) assert.ok(run.stdout.includes(framework), framework);
    assert.doesNotMatch(run.stdout, /Not ranked in this run|Not searched in this run/);
  });
});

describe('the demo in every format', () => {
  it('writes every report format of kspm scan and every format of kspm compliance', () => {
    for (const format of OUTPUT_FORMATS) {
      const run = kspm(['scan', ...DEMO, '-o', format]);
      assert.ok([0, 1, 3].includes(run.status) && run.stdout.length > 0, `${format}: exit ${run.status} ${run.stderr}`);
    }
    for (const format of COMPLIANCE_FORMATS) {
      const run = kspm(['compliance', '--framework', 'cis-1.12', ...DEMO.slice(0, 1), '-o', format]);
      assert.ok([0, 3].includes(run.status) && run.stdout.length > 0, `compliance ${format}: exit ${run.status} ${run.stderr}`);
    }
  });
});

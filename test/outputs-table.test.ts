import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSink, OUTPUT_FORMATS } from '../src/outputs/index.js';
import { TableSink } from '../src/outputs/table.js';
import { CapturingStream, play, sampleReport, SPECIAL_FILE, type SampleReport } from '../src/outputs/testing.js';
import { wrap } from '../src/outputs/wrap.js';

const ANSI = /\u001b\[/;

async function tableOf(report: SampleReport, color: boolean): Promise<string> {
  const out = new CapturingStream({ slow: true });
  await play(new TableSink(out, { color }), report);
  return out.text;
}

/** The text between a section heading and the next one. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}`);
  assert.ok(start >= 0, `no ${heading} section in:\n${text}`);
  const next = text.slice(start + 1).search(/\n[A-Z][A-Z ]+(  |\n)/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

describe('table output', () => {
  it('lists open findings by severity, worst first, with everything needed to fix them', async () => {
    const text = await tableOf(sampleReport(), false);
    assert.doesNotMatch(text, ANSI);
    const order = ['CRITICAL', 'MEDIUM', 'LOW', 'EXCEPTED', 'INPUT ERRORS', 'SUMMARY'].map((heading) => text.indexOf(`\n${heading}  `) >= 0 ? text.indexOf(`\n${heading}  `) : text.indexOf(`\n${heading}\n`));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `sections in order: ${order.join(', ')}`);
    assert.doesNotMatch(text, /\nHIGH/, 'no empty severity sections');

    const critical = section(text, 'CRITICAL');
    for (const expected of [
      'pss-privileged',
      'Privileged container',
      'resource:  Deployment shop/web\n',
      `file:      ${SPECIAL_FILE}:21\n`,
      'spec.template.spec.containers[0].securityContext.privileged',
      'container "app" runs privileged',
      'found:     true',
      'expected:  false or unset',
      'fix:       Remove `securityContext.privileged: true`.',
    ]) {
      assert.ok(critical.includes(expected), `critical section lacks ${expected}:\n${critical}`);
    }
    assert.ok(!critical.includes('Run the workload'), 'the fix is the first sentence only');
  });

  it('calls out expired exceptions and lists excepted findings apart', async () => {
    const text = await tableOf(sampleReport(), false);
    const medium = section(text, 'MEDIUM');
    assert.match(medium, /EXPIRED: +exception no longer applies \(reason: migration to digests; owner: team-shop; expires:\s+2024-01-31\)/);
    assert.ok(!medium.includes('break-glass'), 'the excepted finding is not listed as open');
    const excepted = section(text, 'EXCEPTED');
    assert.match(excepted, /image-mutable-tag/);
    assert.match(excepted, /resource: +Pod tools\/debug\n +file: +<stdin>:9\n/);
    assert.match(excepted, /reason: break-glass debug pod; owner: sre; expires: 2099-12-31/);
  });

  it('lists input errors and the summary', async () => {
    const text = await tableOf(sampleReport(), false);
    const errors = section(text, 'INPUT ERRORS');
    assert.match(errors, /broken\.yaml:3  parse-failed: unexpected end/);
    assert.match(errors, /gone & <lost>\.yaml  read-failed: ENOENT/);
    const summary = section(text, 'SUMMARY');
    assert.match(summary, /Resources scanned +3\n/);
    assert.match(summary, /Open findings +1 critical, 0 high, 1 medium, 1 low, 0 info\n/);
    assert.match(summary, /Excepted +1\n/);
    assert.match(summary, /Expired exceptions +1\n/);
    assert.match(summary, /Input errors +2\n/);
    assert.match(summary, /Posture score +41\.2\/100\n/);
    assert.match(summary, /all +41\.2\/100 +All kspm controls \(3 of 4 controls failing\)/);
    assert.match(summary, /pss-baseline +n\/a +Pod Security Standards: Baseline/);
  });

  it('keeps control characters from manifests away from the terminal', async () => {
    const report = sampleReport();
    report.resources[0]!.findings[0]!.message = 'evil \u001b[2J\u001b]0;title\u0007 name';
    const text = await tableOf(report, false);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F]/);
    assert.match(text, /evil \[2J\]0;title name/);
  });

  it('says so when nothing is open', async () => {
    const report = sampleReport();
    report.resources = [];
    report.clusterFindings = [];
    report.errors = [];
    const text = await tableOf(report, false);
    assert.match(text, /No open findings\./);
    assert.doesNotMatch(text, /EXCEPTED|INPUT ERRORS/);
  });

  it('colours only when asked to', async () => {
    const coloured = await tableOf(sampleReport(), true);
    assert.match(coloured, ANSI);
    assert.match(coloured, /\u001b\[31m\[critical\]|\u001b\[1m\u001b\[31m\[critical\]/);
    assert.equal(coloured.replace(/\u001b\[\d+(;\d+)*m/g, ''), await tableOf(sampleReport(), false), 'colour changes nothing but colour');
  });

  it('wraps long text under its label and keeps long words whole', () => {
    assert.equal(wrap('alpha beta gamma delta', 13, 2), 'alpha beta\n  gamma delta');
    assert.equal(wrap('short spec.template.spec.containers[0].image end', 20, 4), 'short\n    spec.template.spec.containers[0].image\n    end');
    assert.equal(wrap('one\ntwo', 80, 3), 'one\n   two');
  });
});

describe('createSink', () => {
  it('makes every format, and each reports the input errors', async () => {
    assert.deepEqual(OUTPUT_FORMATS, ['table', 'json', 'sarif', 'junit', 'html', 'csv', 'policyreport', 'prometheus']);
    for (const format of OUTPUT_FORMATS) {
      const out = new CapturingStream({ slow: true });
      await play(createSink(format, out, { color: false }), sampleReport());
      // Prometheus exposition carries counts only: the input error is kspm_scan_errors, not a file name.
      if (format === 'prometheus') assert.match(out.text, /^kspm_scan_errors [1-9]\d*$/m, format);
      else assert.match(out.text, /broken\.yaml/, format);
      assert.match(out.text, /pss-privileged/, format);
      assert.doesNotMatch(out.text, ANSI, format);
    }
  });
});

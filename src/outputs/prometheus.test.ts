import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExposition, type Exposition } from './format-readers.js';
import { PrometheusSink } from './prometheus.js';
import { CapturingStream, clusterReport, play, sampleReport, type SampleReport } from './testing.js';

async function metricsOf(report: SampleReport): Promise<Exposition> {
  const out = new CapturingStream({ slow: true });
  await play(new PrometheusSink(out), report);
  return parseExposition(out.text);
}

function value(exposition: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = exposition.series.filter((series) => series.name === name && Object.entries(labels).every(([key, text]) => series.labels[key] === text));
  assert.ok(found.length <= 1, `one series of ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

describe('Prometheus output', () => {
  it('is valid text exposition with HELP and TYPE for every family, all gauges', async () => {
    const exposition = await metricsOf(sampleReport());
    for (const name of ['kspm_posture_score', 'kspm_findings', 'kspm_control_findings', 'kspm_framework_score', 'kspm_resources_scanned', 'kspm_scan_errors', 'kspm_scan_timestamp_seconds']) {
      assert.equal(exposition.type.get(name), 'gauge', name);
    }
  });

  it('carries the summary\'s scores and counts', async () => {
    const report = sampleReport();
    const exposition = await metricsOf(report);
    const { summary } = report;
    assert.equal(value(exposition, 'kspm_posture_score'), summary.score);
    assert.equal(value(exposition, 'kspm_resources_scanned'), summary.resources);
    assert.equal(value(exposition, 'kspm_scan_errors'), summary.errors);
    assert.equal(value(exposition, 'kspm_scan_timestamp_seconds'), Date.parse(summary.finishedAt) / 1000);
    for (const [severity, count] of Object.entries(summary.findings.bySeverity)) {
      assert.equal(value(exposition, 'kspm_findings', { severity, excepted: 'false' }), count, severity);
    }
    const excepted = exposition.series.filter((series) => series.name === 'kspm_findings' && series.labels.excepted === 'true');
    assert.equal(excepted.reduce((sum, series) => sum + series.value, 0), summary.findings.excepted);
    assert.equal(value(exposition, 'kspm_findings', { severity: 'medium', excepted: 'true' }), 1);
    assert.equal(value(exposition, 'kspm_framework_score', { framework: 'all' }), 41.2);
    assert.equal(value(exposition, 'kspm_framework_score', { framework: 'pss-baseline' }), undefined, 'a null score is an absent series');
  });

  it('counts open findings per control, zero for the controls that found nothing', async () => {
    const exposition = await metricsOf(sampleReport());
    assert.equal(value(exposition, 'kspm_control_findings', { control: 'pss-privileged', severity: 'critical' }), 1);
    assert.equal(value(exposition, 'kspm_control_findings', { control: 'image-mutable-tag' }), 1, 'the excepted finding is not counted');
    assert.equal(value(exposition, 'kspm_control_findings', { control: 'workload-probes' }), 0);
  });

  it('labels each cluster\'s score, escaping backslash, quote and line feed in label values', async () => {
    const report = clusterReport();
    const awkward = 'arn:aws:eks:"eu"\\prod\nblue';
    report.summary.clusters = [{ ...report.summary.clusters![0]!, context: awkward, score: 40 }, { ...report.summary.clusters![0]!, context: 'empty', score: null }];
    const exposition = await metricsOf(report);
    assert.equal(value(exposition, 'kspm_cluster_posture_score', { cluster: awkward }), 40);
    assert.equal(value(exposition, 'kspm_cluster_posture_score', { cluster: 'empty' }), undefined);
    assert.equal(value(exposition, 'kspm_coverage_gaps'), 1);
  });
});

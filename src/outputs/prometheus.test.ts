import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrometheusSink } from './prometheus.js';
import { CapturingStream, clusterReport, play, sampleReport, type SampleReport } from './testing.js';

interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
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
function parseExposition(text: string): Exposition {
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

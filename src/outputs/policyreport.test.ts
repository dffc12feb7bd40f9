import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { policyReportSchema, type PolicyReport as Report } from './format-readers.js';
import { CLUSTER_ANNOTATION, flowYaml, PolicyReportSink } from './policyreport.js';
import { CapturingStream, clusterReport, play, sampleReport, type SampleReport } from './testing.js';

async function reportsOf(sample: SampleReport): Promise<Report[]> {
  const out = new CapturingStream({ slow: true });
  await play(new PolicyReportSink(out), sample);
  return parseAllDocuments(out.text).map((document) => {
    assert.deepEqual(document.errors, []);
    const parsed = policyReportSchema.safeParse(document.toJS());
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2));
    const value = parsed.data;
    assert.equal(value.kind === 'PolicyReport', value.metadata.namespace !== undefined, 'only a PolicyReport has a namespace');
    return value;
  });
}

function byName(reports: Report[], name: string): Report {
  const found = reports.find((candidate) => candidate.metadata.name === name);
  assert.ok(found, `report ${name} among ${reports.map((candidate) => candidate.metadata.name).join(', ')}`);
  return found;
}

describe('PolicyReport output', () => {
  it('writes a ClusterPolicyReport and a PolicyReport per namespace that the CRD schema accepts', async () => {
    const reports = await reportsOf(sampleReport());
    assert.deepEqual(reports.map((candidate) => [candidate.kind, candidate.metadata.name, candidate.metadata.namespace]), [
      ['ClusterPolicyReport', 'kspm-cluster', undefined],
      ['PolicyReport', 'kspm-shop', 'shop'],
      ['PolicyReport', 'kspm-tools', 'tools'],
    ]);
    for (const candidate of reports) assert.equal(candidate.metadata.labels['app.kubernetes.io/managed-by'], 'kspm');
  });

  it('turns open findings into fail results and excepted ones into skip, on the resource they are about', async () => {
    const sample = sampleReport();
    const reports = await reportsOf(sample);
    const shop = byName(reports, 'kspm-shop').results!;
    assert.deepEqual(shop.map((entry) => [entry.policy, entry.result]), [['pss-privileged', 'fail'], ['image-mutable-tag', 'fail']]);
    const [privileged, expired] = shop as [NonNullable<Report['results']>[number], NonNullable<Report['results']>[number]];
    assert.deepEqual(privileged.resources, [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' }]);
    assert.equal(privileged.severity, 'critical');
    assert.equal(privileged.category, 'Pod Security');
    assert.equal(privileged.source, 'kspm');
    assert.equal(privileged.message, 'container "app" runs privileged');
    assert.deepEqual(privileged.timestamp, { seconds: Date.parse(sample.header.startedAt) / 1000, nanos: 0 });
    assert.equal(privileged.properties!.path, 'spec.template.spec.containers[0].securityContext.privileged');
    assert.equal(privileged.properties!.line, '21');
    assert.equal(privileged.properties!.found, 'true');
    assert.equal(privileged.properties!.frameworks, 'pss:baseline, cis:5.2.2');
    assert.equal(expired.properties!.exceptionStatus, 'expired', 'an expired exception fails, and says so');

    const tools = byName(reports, 'kspm-tools');
    assert.deepEqual(tools.results!.map((entry) => [entry.policy, entry.result, entry.properties!.exceptionReason]), [['image-mutable-tag', 'skip', 'break-glass debug pod']]);
    assert.deepEqual(tools.summary, { pass: 0, fail: 0, warn: 0, error: 0, skip: 1 });
  });

  it('puts cluster-scoped findings, clean controls and input errors in the ClusterPolicyReport, and counts its results', async () => {
    const reports = await reportsOf(sampleReport());
    const cluster = byName(reports, 'kspm-cluster');
    const results = cluster.results!;
    assert.deepEqual(results.filter((entry) => entry.result === 'pass').map((entry) => entry.policy), ['workload-probes'], 'the one control that applied and failed nowhere');
    assert.deepEqual(results.filter((entry) => entry.result === 'error').map((entry) => entry.rule), ['parse-failed', 'read-failed']);
    const wildcard = results.find((entry) => entry.policy === 'rbac-wildcard')!;
    assert.deepEqual([wildcard.result, wildcard.resources], ['fail', [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'everything' }]]);
    for (const candidate of reports) {
      const counted = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
      for (const entry of candidate.results ?? []) counted[entry.result!]++;
      assert.deepEqual(candidate.summary, counted, candidate.metadata.name);
    }
  });

  it('reports a namespaced object written without a namespace in default, where kubectl would put it', async () => {
    const sample = sampleReport();
    const entry = sample.resources[0]!;
    entry.findings = entry.findings.map((finding) => ({ ...finding, resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } }));
    const reports = await reportsOf(sample);
    assert.deepEqual(byName(reports, 'kspm-default').results!.map((result) => result.policy), ['pss-privileged', 'image-mutable-tag']);
    assert.equal(reports.some((candidate) => candidate.metadata.name === 'kspm-shop'), false);
  });

  it('names the cluster of a live scan, with its coverage gaps as errors', async () => {
    const reports = await reportsOf(clusterReport());
    const shop = byName(reports, 'kspm-shop');
    assert.equal(shop.metadata.annotations?.[CLUSTER_ANNOTATION], 'prod');
    const cluster = byName(reports, 'kspm-cluster');
    assert.equal(cluster.metadata.annotations?.[CLUSTER_ANNOTATION], 'prod');
    const gap = cluster.results!.find((entry) => entry.policy === 'coverage-gap')!;
    assert.deepEqual([gap.result, gap.rule, gap.properties], ['error', 'secrets', { cluster: 'prod', resource: 'secrets' }]);
    const version = cluster.results!.find((entry) => entry.resources?.[0]?.kind === 'Cluster')!;
    assert.deepEqual(version.resources, [{ kind: 'Cluster', name: 'prod' }]);
  });

  it('writes each result as one line of flow YAML that reads back exactly, escaping what YAML forbids raw', () => {
    const awkward = { message: 'a\u2028b\u0085c\u007fd\ufeff "quoted" # not a comment: {x}\n- item', nested: { list: ['- x', '*alias', '&anchor', '!tag'] } };
    const line = flowYaml(awkward);
    assert.doesNotMatch(line, /[\n\u007f-\u009f\u2028\u2029\ufeff]/);
    assert.deepEqual(parse(`results:\n  - ${line}\n`), { results: [awkward] });
  });
});

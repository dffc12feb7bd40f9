/** Every report format, given what a scan of live clusters produces: cluster locations, coverage gaps, unreachable clusters. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Log } from 'sarif';
import { JsonSink } from '../src/outputs/json.js';
import { JunitSink } from '../src/outputs/junit.js';
import { SarifSink } from '../src/outputs/sarif.js';
import { TableSink } from '../src/outputs/table.js';
import { CapturingStream, clusterReport, play } from '../src/outputs/testing.js';
import type { ReportSink } from '../src/model/report.js';
import { sarifValidator } from './helpers/sarif-schema.js';

async function render(make: (out: CapturingStream) => ReportSink): Promise<string> {
  const out = new CapturingStream();
  await play(make(out), clusterReport());
  return out.text;
}

describe('reports of live clusters', () => {
  it('JSON locates findings by context and API path and lists gaps, unreachable clusters and per-cluster results', async () => {
    const report = JSON.parse(await render((out) => new JsonSink(out))) as Record<string, any>;
    assert.equal(report.schemaVersion, '1.2.0');
    assert.deepEqual(report.resources[0].source, { cluster: 'prod', apiPath: '/apis/apps/v1/namespaces/shop/deployments/web' });
    assert.deepEqual(report.findings.map((finding: any) => finding.source), [
      { cluster: 'prod', apiPath: '/apis/apps/v1/namespaces/shop/deployments/web' },
      { cluster: 'prod', apiPath: '/apis/apps/v1/namespaces/shop/deployments/web' },
      { cluster: 'prod', apiPath: '/version' },
    ]);
    assert.deepEqual(report.coverageGaps.map((gap: any) => [gap.cluster, gap.resource, gap.status]), [['prod', 'secrets', 403]]);
    assert.deepEqual(report.errors, [{ cluster: 'gone', file: '', code: 'cluster-unreachable', message: 'cannot reach context "gone" (server https://10.9.9.9:6443): connect ETIMEDOUT' }]);
    assert.equal(report.summary.clusters[0].context, 'prod');
    assert.equal(report.summary.clusters[0].platform.distribution, 'kubeadm');
    assert.deepEqual(report.scan.inputs, ['cluster:prod', 'cluster:gone']);
  });

  it('SARIF stays schema-valid: logical locations named by cluster, no file locations, gaps as warnings', async () => {
    const log = JSON.parse(await render((out) => new SarifSink(out))) as Log;
    const validate = sarifValidator();
    if (validate) assert.ok(validate(log), JSON.stringify(validate.errors));
    const results = log.runs[0]!.results!;
    assert.ok(results.every((result) => result.locations![0]!.physicalLocation === undefined));
    assert.equal(results[0]!.locations![0]!.logicalLocations![0]!.fullyQualifiedName, 'prod/shop/Deployment/web');
    assert.equal(results[0]!.properties!.apiPath, '/apis/apps/v1/namespaces/shop/deployments/web');
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    assert.deepEqual(notifications.map((note) => [note.level, note.descriptor?.id]), [['error', 'cluster-unreachable'], ['warning', 'coverage-gap']]);
    assert.match(notifications[0]!.message.text!, /^gone: cannot reach context "gone"/);
    assert.match(notifications[1]!.message.text!, /^prod: secrets was not read \(HTTP 403: secrets is forbidden/);
  });

  it('JUnit gives cluster objects no file attributes and reports gaps as skipped cases', async () => {
    const xml = await render((out) => new JunitSink(out));
    assert.ok(!/file="\/apis/.test(xml), 'an API path is not a file');
    assert.match(xml, /prod:\/apis\/apps\/v1\/namespaces\/shop\/deployments\/web/);
    assert.match(xml, /<testsuite name="coverage-gaps"[^>]*tests="1"[^>]*skipped="1"/);
    assert.match(xml, /<testcase classname="kspm.coverage-gaps" name="prod: secrets">\s*<skipped message="not read \(HTTP 403: secrets is forbidden/);
  });

  it('the table names the cluster and path of each finding, the gaps and each cluster in the summary', async () => {
    const text = await render((out) => new TableSink(out, { color: false }));
    assert.match(text, /cluster:\s+prod:\/apis\/apps\/v1\/namespaces\/shop\/deployments\/web/);
    assert.match(text, /COVERAGE GAPS\s+1 resource type could not be read; nothing in them was judged/);
    assert.match(text, /prod: secrets\s+HTTP 403: secrets is forbidden/);
    assert.match(text, /Clusters\n\s+prod\s+40\.0\/100\s+v1\.29\.4 \(kubeadm, 1 resource, 2 open findings\s*, 1 gap\)/);
  });
});

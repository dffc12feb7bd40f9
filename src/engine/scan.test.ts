import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_CONTROLS, controlById } from '../controls/registry.js';
import { DEFAULT_TEST_OPTIONS } from '../controls/testing.js';
import type { Control } from '../controls/types.js';
import { emptyExceptions } from '../exceptions/index.js';
import type { ClusterFacts, CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { K8sObject } from '../model/k8s.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import { refOf } from '../model/resource.js';
import { runScan, type ScanItem, type ScanSource } from './scan.js';

const NOW = new Date('2026-11-27T00:00:00Z');

function facts(context: string, distribution = 'kubeadm'): ClusterFacts {
  const managed = ['eks', 'gke', 'aks'].includes(distribution);
  return { context, server: `https://${context}:6443`, serverVersion: 'v1.34.2', servedVersions: ['v1', 'apps/v1'], platform: { distribution, provider: 'unknown', managed, evidence: [] } };
}

function clusterSource(context: string, objects: K8sObject[], options: { distribution?: string; gaps?: CoverageGap[] } = {}): ScanSource {
  async function* items(): AsyncGenerator<ScanItem> {
    for (const object of objects) {
      yield { type: 'resource', resource: { object, ref: refOf(object), source: { cluster: context, apiPath: `/x/${object.metadata?.name}` } } };
    }
    for (const gap of options.gaps ?? []) yield { type: 'gap', gap };
  }
  return { items: items(), judgeControllersOnly: true, facts: () => facts(context, options.distribution) };
}

function fileSource(objects: K8sObject[]): ScanSource {
  async function* items(): AsyncGenerator<ScanItem> {
    for (const [index, object] of objects.entries()) {
      yield { type: 'resource', resource: { object, ref: refOf(object), source: { file: 'm.yaml', line: index + 1 }, locate: () => ({ line: index + 1, column: 1 }) } };
    }
  }
  return { items: items() };
}

class Capture implements ReportSink {
  findings: Finding[] = [];
  gaps: CoverageGap[] = [];
  summary: Summary | undefined;
  begin(): void {}
  resource(): void {}
  finding(finding: Finding): void {
    this.findings.push(finding);
  }
  error(): void {}
  gap(gap: CoverageGap): void {
    this.gaps.push(gap);
  }
  async end(summary: Summary): Promise<void> {
    this.summary = summary;
  }
}

async function scan(sources: ScanSource[], controls: readonly Control[]): Promise<Capture> {
  const sink = new Capture();
  const header = { tool: { name: 'kspm', version: '0' }, startedAt: '', inputs: [], controls: [], options: { frameworks: [], pssVersion: 'latest', kubernetesVersion: '1.35' } } as ReportHeader;
  await runScan({ sources, controls, frameworks: [], options: { ...DEFAULT_TEST_OPTIONS, now: NOW }, exceptions: emptyExceptions(), initialErrors: [], namespaces: [], now: NOW }, sink, header);
  return sink;
}

const podOf = (name: string, namespace: string, owner?: string): K8sObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace, labels: { app: name }, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'u', controller: true }] } : {}) },
  spec: { containers: [{ name: 'app', image: 'app:1', securityContext: { privileged: true } }] },
});
const denyAll = (namespace: string): K8sObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
const control = (id: string) => controlById(id)!;

describe('runScan over several sources', () => {
  it('keeps clusters apart: a policy in one cluster protects nothing in another', async () => {
    const sink = await scan([clusterSource('a', [podOf('web', 'shop'), denyAll('shop')]), clusterSource('b', [podOf('web', 'shop')])], [control('netpol-workload-unselected')]);
    assert.deepEqual(sink.findings.map((finding) => finding.source), [{ cluster: 'b', apiPath: '/x/web' }]);
    assert.deepEqual(sink.summary?.clusters?.map((cluster) => [cluster.context, cluster.resources, cluster.bySeverity.medium]), [['a', 2, 0], ['b', 1, 1]]);
  });

  it('judges controller-managed objects through their controller in clusters, but judges files as written', async () => {
    const privileged = [control('pss-privileged')];
    const cluster = await scan([clusterSource('a', [podOf('web-1', 'shop', 'web-7d9f'), podOf('static', 'kube-system')])], privileged);
    assert.deepEqual(cluster.findings.map((finding) => finding.resource.name), ['static']);
    const files = await scan([fileSource([podOf('web-1', 'shop', 'web-7d9f')])], privileged);
    assert.deepEqual(files.findings.map((finding) => finding.resource.name), ['web-1']);
  });

  it('reports control-plane checks as not applicable on managed clusters, and applicable once any cluster shows them', async () => {
    const controlPlane = ALL_CONTROLS.filter((each) => each.meta.selfManagedOnly);
    assert.ok(controlPlane.length > 30);
    const managed = await scan([clusterSource('eks', [podOf('web', 'shop')], { distribution: 'eks' })], controlPlane);
    for (const tally of managed.summary!.controls) assert.match(tally.notApplicable ?? '', /control plane of eks is run by its provider \(eks\)/);
    const mixed = await scan([clusterSource('eks', [], { distribution: 'eks' }), clusterSource('kubeadm', [])], controlPlane);
    assert.ok(mixed.summary!.controls.every((tally) => tally.notApplicable === undefined));
  });

  it('passes coverage gaps to the report and keeps them per cluster', async () => {
    const gap = { cluster: 'a', resource: 'secrets', status: 403, reason: 'forbidden' };
    const sink = await scan([clusterSource('a', [], { gaps: [gap] })], []);
    assert.deepEqual(sink.gaps, [gap]);
    assert.deepEqual(sink.summary?.clusters?.[0]?.gaps, [gap]);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import { Inventory } from '../../inventory/inventory.js';
import { isRecord, type K8sObject } from '../../model/k8s.js';
import { refOf } from '../../model/resource.js';
import { DEFAULT_TEST_OPTIONS, testControl } from '../testing.js';
import control from './workload-unselected.js';
import { DENY_ALL, deployment, namespace, policy } from './testing.js';

const only = (labels: Record<string, string>) => ({ podSelector: { matchLabels: labels }, ingress: [{ from: [{ podSelector: {} }] }] });
const where = (...matchExpressions: unknown[]) => ({ podSelector: { matchExpressions }, policyTypes: ['Ingress'] });
const hostNetworked: K8sObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'kube-proxy', namespace: 'kube-system' },
  spec: { template: { metadata: { labels: { k8s: 'proxy' } }, spec: { hostNetwork: true, containers: [{ name: 'proxy', image: 'proxy:1' }] } } },
};
const unlabelled: K8sObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: 'shop' },
  spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'report', image: 'report:1' }] } } } } },
};

testControl(control, {
  valid: [
    { name: 'selected by its own policy', objects: [deployment('web', 'shop'), policy(only({ app: 'web' }))] },
    { name: 'selected by a default deny', objects: [deployment('web', 'shop'), deployment('api', 'shop'), unlabelled, policy(DENY_ALL)] },
    { name: 'a policy without podSelector selects every pod', objects: [deployment('web', 'shop'), policy({ policyTypes: ['Ingress'] })] },
    { name: 'isolation for Egress alone counts', objects: [deployment('web', 'shop'), policy({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] })] },
    { name: 'selected through In', objects: [deployment('web', 'shop'), policy(where({ key: 'app', operator: 'In', values: ['api', 'web'] }))] },
    { name: 'selected through NotIn', objects: [deployment('web', 'shop'), policy(where({ key: 'app', operator: 'NotIn', values: ['db'] }))] },
    { name: 'selected through Exists and DoesNotExist', objects: [deployment('web', 'shop'), policy(where({ key: 'app', operator: 'Exists' }, { key: 'canary', operator: 'DoesNotExist' }))] },
    { name: 'both without a namespace', objects: [deployment('web'), policy(DENY_ALL, 'deny', null)] },
    { name: 'policies without workloads', objects: [namespace('shop'), policy(only({ app: 'web' }))] },
    { name: 'pods on the host network, which no policy reaches, are not judged', objects: [namespace('kube-system'), hostNetworked] },
  ],
  invalid: [
    {
      name: 'namespace without any policy',
      objects: [namespace('shop'), deployment('web', 'shop')],
      violations: [{ path: 'metadata', subject: 'Deployment shop/web', message: 'namespace shop has no NetworkPolicy to select its pods (labels app=web), so they accept connections from any source' }],
    },
    {
      name: 'policies for other pods protect only those',
      objects: [deployment('web', 'shop'), deployment('api', 'shop'), policy(only({ app: 'web' }), 'web'), policy(only({ app: 'db' }), 'db')],
      violations: [{ path: 'metadata', subject: 'Deployment shop/api', message: 'none of the 2 NetworkPolicies of namespace shop selects its pods (labels app=api)' }],
    },
    {
      name: 'one policy for other pods',
      objects: [deployment('api', 'shop'), policy(only({ app: 'web' }))],
      violations: [{ path: 'metadata', message: 'the only NetworkPolicy of namespace shop does not select its pods' }],
    },
    {
      name: 'a policy of another namespace',
      objects: [deployment('web', 'shop'), policy(DENY_ALL, 'deny', 'other')],
      violations: [{ path: 'metadata', subject: 'Deployment shop/web', message: 'has no NetworkPolicy' }],
    },
    {
      name: 'every matchLabels pair must hold',
      objects: [deployment('web', 'shop'), policy(only({ app: 'web', tier: 'front' }))],
      violations: [{ path: 'metadata', subject: 'Deployment shop/web' }],
    },
    {
      name: 'expressions that leave the pods out',
      objects: [
        deployment('web', 'shop'),
        policy(where({ key: 'app', operator: 'NotIn', values: ['web'] }), 'not-web'),
        policy(where({ key: 'tier', operator: 'Exists' }), 'tiered'),
        policy(where({ key: 'app', operator: 'DoesNotExist' }), 'unnamed'),
      ],
      violations: [{ path: 'metadata', message: 'none of the 3 NetworkPolicies' }],
    },
    {
      name: 'pods without labels fail Exists',
      objects: [unlabelled, policy(where({ key: 'app', operator: 'Exists' }))],
      violations: [{ path: 'metadata', subject: 'CronJob shop/report', message: '(no labels)' }],
    },
    {
      name: 'malformed selectors and policy types isolate nothing',
      objects: [
        deployment('web', 'shop'),
        policy(null, 'a'),
        policy('deny', 'b'),
        policy({ podSelector: 'all', policyTypes: ['Ingress'] }, 'c'),
        policy({ podSelector: {}, policyTypes: ['ingress', 'egress'] }, 'd'),
        policy(where({ key: 'app', operator: 'Equals', values: ['web'] }), 'e'),
      ],
      violations: [{ path: 'metadata', message: 'none of the 5' }],
    },
    {
      name: 'a policy in a named namespace does not cover resources without one',
      objects: [deployment('web'), policy(DENY_ALL)],
      violations: [{ path: 'metadata', subject: 'Deployment web', message: 'the namespace of resources that name none has no NetworkPolicy' }],
    },
  ],
});

function objectsOf(file: string): K8sObject[] {
  return loadAll(readFileSync(file, 'utf8')).filter(isRecord) as K8sObject[];
}

function unselectedIn(objects: K8sObject[]): string[] {
  const inventory = new Inventory();
  objects.forEach((object, index) => inventory.add({ object, ref: refOf(object), source: { file: 'corpus.yaml', line: index + 1 } }));
  return control
    .check(inventory, DEFAULT_TEST_OPTIONS)
    .filter((result) => result.violations.length > 0)
    .map((result) => `${result.entry.ref.kind} ${result.entry.ref.name}`);
}

const corpus = sharedData('k8s-manifests-corpus');
describe('netpol-workload-unselected on published install bundles', { skip: !corpus && 'shared data absent' }, () => {
  it('finds every Argo CD component selected by its own policy', () => {
    assert.deepEqual(unselectedIn(objectsOf(join(corpus!, 'argo-cd', 'manifests', 'install.yaml'))), []);
  });

  it('finds every kube-prometheus workload selected by its own policy', () => {
    const folder = join(corpus!, 'kube-prometheus', 'manifests');
    const files = ['blackboxExporter', 'grafana', 'kubeStateMetrics', 'nodeExporter', 'prometheusAdapter', 'prometheusOperator'];
    const objects = files.flatMap((name) => [
      ...objectsOf(join(folder, `${name}-${name === 'nodeExporter' ? 'daemonset' : 'deployment'}.yaml`)),
      ...objectsOf(join(folder, `${name}-networkPolicy.yaml`)),
    ]);
    assert.equal(objects.length, 12);
    assert.deepEqual(unselectedIn(objects), []);
  });

  it('finds the two Longhorn workloads its policies leave out', () => {
    assert.deepEqual(unselectedIn(objectsOf(join(corpus!, 'longhorn', 'deploy', 'longhorn.yaml'))), [
      'Deployment longhorn-driver-deployer',
      'Deployment longhorn-ui',
    ]);
  });
});

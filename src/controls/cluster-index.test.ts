import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { load, loadAll } from 'js-yaml';
import { sharedData } from '../../test/helpers/shared.js';
import { NSA_SECTIONS } from '../frameworks/nsa.js';
import { Inventory } from '../inventory/inventory.js';
import { isRecord, list, type K8sObject } from '../model/k8s.js';
import { refOf } from '../model/resource.js';
import { CLUSTER_CONTROLS } from './cluster-index.js';
import { DEFAULT_TEST_OPTIONS } from './testing.js';
import type { Control, ResourceControl, Violation } from './types.js';

const CATEGORIES = new Set(['Exposure', 'Network', 'RBAC', 'API Lifecycle', 'Workload', 'Cluster', 'Images']);
const resourceControls = CLUSTER_CONTROLS.filter((control): control is ResourceControl => control.scope === 'resource');

function byId(id: string): ResourceControl {
  const control = resourceControls.find((candidate) => candidate.meta.id === id);
  assert.ok(control, `control ${id} is registered`);
  return control;
}

/** Objects of a YAML file, with `kind: List` items spread; documents that do not parse are skipped. */
function objectsOf(text: string): K8sObject[] {
  let documents: unknown[];
  try {
    documents = loadAll(text);
  } catch {
    return [];
  }
  return documents.flatMap((document) => {
    if (!isRecord(document)) return [];
    if (document.kind === 'List') return list(document.items).filter(isRecord) as K8sObject[];
    return [document as K8sObject];
  });
}

describe('cluster controls catalogue', () => {
  it('has unique kebab-case ids, sorted, with complete metadata', () => {
    const ids = CLUSTER_CONTROLS.map((control) => control.meta.id);
    assert.ok(ids.length >= 20, `${ids.length} controls`);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(ids).size, ids.length);
    for (const { meta } of CLUSTER_CONTROLS) {
      assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(CATEGORIES.has(meta.category), `${meta.id} category ${meta.category}`);
      for (const text of [meta.title, meta.description, meta.rationale, meta.remediation]) assert.ok(text.length > 10, `${meta.id} has its texts`);
      assert.ok(meta.frameworks.length > 0, `${meta.id} maps to a framework`);
    }
  });

  it('refers only to NSA sections and MITRE technique ids that exist', () => {
    for (const { meta } of CLUSTER_CONTROLS) {
      for (const ref of meta.frameworks) {
        if (ref.framework === 'nsa') assert.ok(NSA_SECTIONS[ref.id], `${meta.id}: NSA section ${ref.id}`);
        else if (ref.framework === 'mitre') assert.match(ref.id, /^T\d{4}(\.\d{3})?$/, meta.id);
        else assert.equal(ref.framework, 'cis', meta.id);
      }
    }
  });

  const benchmark = sharedData('kube-bench-cfg');
  it('refers only to checks of the CIS Kubernetes Benchmark 1.12 policies', { skip: !benchmark && 'shared data absent' }, () => {
    const policies = load(readFileSync(join(benchmark!, 'cfg', 'cis-1.12', 'policies.yaml'), 'utf8')) as { groups: { checks: { id: string }[] }[] };
    const known = new Set(policies.groups.flatMap((group) => group.checks.map((check) => check.id)));
    for (const { meta } of CLUSTER_CONTROLS) {
      for (const ref of meta.frameworks) if (ref.framework === 'cis') assert.ok(known.has(ref.id), `${meta.id}: CIS ${ref.id}`);
    }
  });
});

const bootstrap = sharedData('k8s-rbac-bootstrap');
describe('the default RBAC objects of a recent API server', { skip: !bootstrap && 'shared data absent' }, () => {
  const read = (file: string) => objectsOf(readFileSync(join(bootstrap!, 'testdata', file), 'utf8'));
  const check = (id: string, objects: K8sObject[]) =>
    objects.flatMap((object) => byId(id).check(object, DEFAULT_TEST_OPTIONS).map((violation) => ({ name: refOf(object).name, violation })));

  it('flags none of the default bindings as cluster-admin or public grants', () => {
    const bindings = [...read('cluster-role-bindings.yaml'), ...read('controller-role-bindings.yaml'), ...read('namespace-role-bindings.yaml')];
    assert.ok(bindings.some((binding) => binding.metadata?.name === 'cluster-admin'));
    assert.deepEqual(check('rbac-cluster-admin-binding', bindings), []);
    assert.deepEqual(check('rbac-anonymous-binding', bindings), []);
    assert.deepEqual(check('rbac-default-sa-binding', bindings), []);
  });

  it('reports powers of the default roles as default roles, and skips the aggregated ones', () => {
    const roles = [...read('cluster-roles.yaml'), ...read('controller-roles.yaml'), ...read('namespace-roles.yaml')];
    assert.ok(roles.length > 50, `${roles.length} roles`);
    const aggregated = roles.filter((role) => isRecord(role.aggregationRule)).map((role) => role.metadata?.name);
    assert.ok(aggregated.includes('admin') && aggregated.includes('edit') && aggregated.includes('view'));
    const findings = resourceControls.filter((control) => control.meta.id.startsWith('rbac-')).flatMap((control) => check(control.meta.id, roles));
    assert.ok(findings.length > 0);
    for (const { name, violation } of findings) {
      assert.ok(!aggregated.includes(name), `aggregated role ${name} is not flagged`);
      assert.ok(violation.message.includes('a Kubernetes default role'), `${name}: ${violation.message}`);
    }
    const flagged = (id: string) => new Set(check(id, roles).map(({ name }) => name));
    assert.ok(flagged('rbac-wildcard-verbs').has('cluster-admin'));
    assert.ok(flagged('rbac-wildcard-resources').has('cluster-admin'));
    assert.ok(flagged('rbac-secrets-read').has('system:node'), 'the node role reads secrets');
    assert.ok(flagged('rbac-create-workloads').has('system:controller:replicaset-controller'));
    assert.ok(flagged('rbac-create-workloads').has('system:controller:daemon-set-controller'));
    assert.ok(!flagged('rbac-secrets-read').has('system:discovery'));
  });
});

const corpus = sharedData('k8s-manifests-corpus');
describe('the public manifests corpus', { skip: !corpus && 'shared data absent' }, () => {
  const objects = (): K8sObject[] => {
    const files = readFileSync(join(corpus!, 'FILES.tsv'), 'utf8').split('\n').slice(1).map((line) => line.split('\t')[0]).filter((path) => path);
    return files.flatMap((path) => objectsOf(readFileSync(join(corpus!, path!), 'utf8')));
  };

  it('runs every control over every object without throwing', () => {
    const all = objects();
    assert.ok(all.length > 10000, `${all.length} objects`);
    const inventory = new Inventory();
    let findings = 0;
    all.forEach((object, index) => {
      inventory.add({ object, ref: refOf(object), source: { file: 'corpus', line: index }, locate: () => ({ line: index, column: 1 }) });
      for (const control of resourceControls) findings += control.check(object, DEFAULT_TEST_OPTIONS).length;
    });
    for (const control of CLUSTER_CONTROLS.filter((c: Control) => c.scope === 'inventory')) {
      if (control.scope === 'inventory') findings += control.check(inventory, DEFAULT_TEST_OPTIONS).flatMap((result) => result.violations).length;
    }
    assert.ok(findings > 0);
  });

  it('finds every workload written in a removed apps or extensions version, and no current one', () => {
    const removed = byId('api-removed');
    const workloadKinds = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet']);
    let legacy = 0;
    for (const object of objects()) {
      if (typeof object.kind !== 'string' || !workloadKinds.has(object.kind)) continue;
      const violations: Violation[] = removed.check(object, DEFAULT_TEST_OPTIONS);
      if (object.apiVersion === 'apps/v1') assert.deepEqual(violations, []);
      if (/^(apps\/v1beta[12]|extensions\/v1beta1)$/.test(String(object.apiVersion))) {
        legacy++;
        assert.equal(violations.length, 1, `${object.apiVersion} ${object.kind} ${object.metadata?.name}`);
        assert.match(violations[0]!.message, /since Kubernetes 1\.16 .*use apps\/v1/);
      }
    }
    assert.ok(legacy >= 6, `${legacy} legacy workloads`);
  });
});

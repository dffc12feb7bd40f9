import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { K8sObject } from '../../model/k8s.js';
import { clusterViewOf } from '../cluster-view.js';
import { describeBinding, describeRole } from '../model.js';
import { describePath, findEscalationPaths } from './index.js';

function scenario(name: string): K8sObject[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'scenarios', `${name}.yaml`);
  return (load(readFileSync(file, 'utf8')) as { objects: K8sObject[] }).objects;
}

const BUILDER = { kind: 'ServiceAccount', namespace: 'ci', name: 'builder' };

describe('findEscalationPaths', () => {
  const objects = scenario('issue-example');

  it("names each step's nodes, the grants that allow it, and why it works", () => {
    const [path] = findEscalationPaths(clusterViewOf(objects), { subjects: [BUILDER] });
    assert.ok(path);
    assert.deepEqual(path.start, BUILDER);
    assert.deepEqual(path.steps.map((step) => step.to), [
      { kind: 'capability', capability: 'pods', namespace: 'ci' },
      { kind: 'identity', subject: { kind: 'ServiceAccount', namespace: 'ci', name: 'deployer' } },
      { kind: 'cluster-admin' },
    ]);
    assert.deepEqual(path.steps.map((step) => step.grants.map((grant) => `${describeBinding(grant.binding)} -> ${describeRole(grant.role)}`)), [
      ['RoleBinding ci/builder-pods -> Role ci/pod-creator'],
      [],
      ['ClusterRoleBinding deployer-admin -> ClusterRole cluster-admin'],
    ]);
    assert.match(path.steps[0]!.explanation, /^create pods in namespace ci \(Role ci\/pod-creator through RoleBinding ci\/builder-pods\): a pod may run as any service account/);
    assert.match(path.steps[1]!.explanation, /serviceAccountName deployer/);
    assert.deepEqual([path.holds.kind, path.reaches.kind], ['namespace-secrets', 'cluster-admin']);
    assert.ok(path.reaches.rank > path.holds.rank);
  });

  it('searches from the subjects asked about only', () => {
    const paths = findEscalationPaths(clusterViewOf(objects), { subjects: [{ kind: 'Group', name: 'release-managers' }, { kind: 'User', name: 'nobody' }] });
    assert.deepEqual(paths.map((path) => describePath(path)), [
      'Group release-managers can patch deployments.apps in namespace ci -> can run as ServiceAccount ci/deployer -> is bound to ClusterRole cluster-admin',
    ]);
  });

  it('takes a User named as a service account for that service account', () => {
    const [path] = findEscalationPaths(clusterViewOf(objects), { subjects: [{ kind: 'User', name: 'system:serviceaccount:ci:builder' }] });
    assert.deepEqual(path?.start, BUILDER);
  });

  it('gives the same answer whatever order the objects come in', () => {
    const forwards = findEscalationPaths(clusterViewOf(objects));
    const backwards = findEscalationPaths(clusterViewOf([...objects].reverse()));
    assert.deepEqual(backwards.map(describePath), forwards.map(describePath));
  });

  it('orders paths by the privilege reached, then by length', () => {
    const paths = findEscalationPaths(clusterViewOf([...scenario('token-secrets'), ...scenario('impersonation-cycle'), ...scenario('nodes-proxy')]));
    assert.deepEqual(paths.map((path) => [path.reaches.kind, path.steps.length]), [
      ['cluster-admin', 2],
      ['cluster-admin', 3],
      ['cluster-admin', 3],
      ['node', 1],
      ['namespace-secrets', 2],
    ]);
  });
});

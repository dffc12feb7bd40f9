import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { K8sObject } from '../../model/k8s.js';
import { SEVERITY_RANK } from '../../model/severity.js';
import { RbacModel } from '../model.js';
import { userOf, type Subject } from '../users.js';
import { BindingIndex } from './binding-index.js';
import { RISKS, RiskAssessor } from './risks.js';

const UNAUTHENTICATED: Subject = { kind: 'Group', name: 'system:unauthenticated' };

/** The flags of a subject bound cluster-wide to one ClusterRole holding `rules`. */
function flagsOf(subject: Subject, rules: unknown[]): string[] {
  const objects: K8sObject[] = [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'granted' }, rules },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'granted' }, roleRef: { kind: 'ClusterRole', name: 'granted' }, subjects: [subject] },
  ];
  const model = RbacModel.fromObjects(objects);
  const user = userOf(subject);
  return new RiskAssessor(model).assess(subject, user, new BindingIndex(model).applying(user)).map((flag) => flag.id);
}

describe('anonymous-access', () => {
  const valid: [string, unknown][] = [
    ['discovery and health', { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/openapi/*', '/version', '/version/', '/healthz', '/livez', '/readyz'], verbs: ['get'] }],
    ['a health check by name', { nonResourceURLs: ['/readyz/etcd'], verbs: ['get'] }],
    ["the service-account issuer's OIDC documents", { nonResourceURLs: ['/.well-known/openid-configuration', '/openid/v1/jwks'], verbs: ['get'] }],
  ];
  const invalid: [string, unknown][] = [
    ['metrics', { nonResourceURLs: ['/metrics'], verbs: ['get'] }],
    ['every URL', { nonResourceURLs: ['/*'], verbs: ['get'] }],
    ['a prefix past discovery', { nonResourceURLs: ['/ap*'], verbs: ['get'] }],
    ['another verb on discovery', { nonResourceURLs: ['/api'], verbs: ['post'] }],
    ['any resource', { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
  ];
  for (const [name, rule] of valid) it(`leaves alone ${name}`, () => assert.deepEqual(flagsOf(UNAUTHENTICATED, [rule]), []));
  for (const [name, rule] of invalid) it(`flags ${name}`, () => assert.ok(flagsOf(UNAUTHENTICATED, [rule]).includes('anonymous-access')));
  it('judges only the anonymous user and the unauthenticated group', () => {
    assert.deepEqual(flagsOf({ kind: 'User', name: 'system:anonymous' }, [invalid[0]![1]]), ['anonymous-access']);
    assert.deepEqual(flagsOf({ kind: 'Group', name: 'system:authenticated' }, [invalid[0]![1]]), []);
  });
});

describe('RISKS', () => {
  it('are in one table, highest severity first, each id once', () => {
    const ranks = RISKS.map((risk) => SEVERITY_RANK[risk.severity]);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    assert.equal(new Set(RISKS.map((risk) => risk.id)).size, RISKS.length);
  });

  it('are each documented in docs/rbac-review.md with their severities', () => {
    const docs = readFileSync(new URL('../../../docs/rbac-review.md', import.meta.url), 'utf8');
    for (const risk of RISKS) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${risk.id}\` |`));
      assert.ok(row, risk.id);
      const [, , title, clusterWide, namespaced] = row.split('|').map((cell) => cell.trim());
      assert.deepEqual([title, clusterWide], [risk.title, risk.severity], risk.id);
      assert.equal(namespaced, risk.namespacedSeverity ?? '', risk.id);
    }
  });

  it('keep a wildcard role to one flag, cluster-admin, and a name-limited one to what it names', () => {
    assert.deepEqual(flagsOf({ kind: 'User', name: 'root' }, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), ['cluster-admin']);
    // Creating pods or persistent volumes names no object, so a name-limited rule cannot allow it; updating one can.
    assert.deepEqual(flagsOf({ kind: 'User', name: 'root' }, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'], resourceNames: ['one'] }]), [
      'impersonate', 'escalate', 'bind', 'webhook-config-write', 'nodes-proxy', 'secrets-read', 'create-workloads',
      'sa-token-create', 'pods-exec', 'csr-approve', 'csr-sign', 'namespace-write', 'wildcard',
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { K8sObject } from '../../model/k8s.js';
import { RbacModel } from '../model.js';
import { userOf } from '../users.js';
import { BindingIndex } from './binding-index.js';
import { PermissionSummariser, type ScopePermissions } from './permissions.js';

const RBAC = 'rbac.authorization.k8s.io/v1';
const clusterRole = (name: string, rules: unknown[]): K8sObject => ({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, rules });
const bind = (kind: 'RoleBinding' | 'ClusterRoleBinding', role: string, namespace?: string): K8sObject => ({
  apiVersion: RBAC, kind, metadata: { name: `${role}-${namespace ?? 'cluster'}`, ...(namespace ? { namespace } : {}) },
  roleRef: { kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', name: 'alice' }],
});

function summarise(objects: K8sObject[]): ScopePermissions[] {
  const model = RbacModel.fromObjects(objects);
  return new PermissionSummariser(model).summarise(new BindingIndex(model).applying(userOf({ kind: 'User', name: 'alice' })));
}

describe('PermissionSummariser', () => {
  it('merges the verbs each resource gets from every rule and binding of a scope, then the resources that share verbs', () => {
    const scopes = summarise([
      clusterRole('reader', [{ apiGroups: [''], resources: ['pods', 'services'], verbs: ['list', 'get'] }, { apiGroups: [''], resources: ['pods'], verbs: ['watch'] }]),
      clusterRole('watcher', [{ apiGroups: [''], resources: ['services'], verbs: ['watch'] }, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['*', 'get'] }]),
      bind('ClusterRoleBinding', 'reader'),
      bind('ClusterRoleBinding', 'watcher'),
    ]);
    assert.deepEqual(scopes, [{
      lines: [
        { verbs: ['get', 'list', 'watch'], apiGroup: '', resources: ['pods', 'services'] },
        { verbs: ['*'], apiGroup: 'apps', resources: ['deployments'] },
      ],
      summary: 'get,list,watch on pods, services (core); * on deployments (apps)',
    }]);
  });

  it('gives each namespace its own scope after the cluster-wide one, and no non-resource URLs to a RoleBinding', () => {
    const scopes = summarise([
      clusterRole('metrics', [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }, { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]),
      bind('RoleBinding', 'metrics', 'web'),
      bind('RoleBinding', 'metrics', 'api'),
      bind('ClusterRoleBinding', 'metrics'),
    ]);
    assert.deepEqual(scopes.map(({ namespace, summary }) => ({ namespace, summary })), [
      { namespace: undefined, summary: 'get on configmaps (core); get on /metrics (non-resource)' },
      { namespace: 'api', summary: 'get on configmaps (core)' },
      { namespace: 'web', summary: 'get on configmaps (core)' },
    ]);
  });

  it('keeps rules limited to names apart, and cuts long lines and long scopes short with counts', () => {
    const resources = Array.from({ length: 9 }, (_, index) => `kind${index}s`);
    const groups = Array.from({ length: 8 }, (_, index) => `group${index}.example.com`);
    const scopes = summarise([
      clusterRole('wide', [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['tls', 'db'] },
        { apiGroups: [''], resources, verbs: ['get'] },
        ...groups.map((group) => ({ apiGroups: [group], resources: ['things'], verbs: ['list'] })),
      ]),
      bind('ClusterRoleBinding', 'wide'),
    ]);
    assert.equal(scopes[0]?.lines.length, 10, 'the lines themselves are all kept');
    assert.equal(
      scopes[0]?.summary,
      'get on kind0s, kind1s, kind2s, kind3s, kind4s, kind5s, +3 more (core); get on secrets (core) named db,tls; '
        + 'list on things (group0.example.com); list on things (group1.example.com); list on things (group2.example.com); '
        + 'list on things (group3.example.com); +4 more',
    );
  });

  it('summarises nothing for a subject whose only binding names a missing role', () => {
    assert.deepEqual(summarise([bind('ClusterRoleBinding', 'missing')]), []);
  });
});

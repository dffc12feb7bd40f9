import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapRbac } from '../../../test/helpers/api-server/fixtures.js';
import { sharedData } from '../../../test/helpers/shared.js';
import type { K8sObject } from '../../model/k8s.js';
import { RbacModel } from '../model.js';
import type { ResourceRequest } from '../request.js';
import { impersonated, userOf, type UserInfo } from '../users.js';
import { BindingIndex } from './user-permissions.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

const objects: K8sObject[] = [
  { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
  {
    apiVersion: RBAC, kind: 'Role', metadata: { name: 'tokens', namespace: 'prod' },
    rules: [{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'], resourceNames: ['viewer', 'builder'] }, { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['tls'] }],
  },
  { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'tokens', namespace: 'prod' }, roleRef: { kind: 'Role', name: 'tokens' }, subjects: [{ kind: 'User', name: 'ann' }] },
  { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: 'read', namespace: 'dev' }, roleRef: { kind: 'ClusterRole', name: 'reader' }, subjects: [{ kind: 'Group', name: 'devs' }] },
  { apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: 'read-all' }, roleRef: { kind: 'ClusterRole', name: 'reader' }, subjects: [{ kind: 'User', name: 'ann' }, { kind: 'Group', name: 'devs' }] },
];

const QUESTIONS: ResourceRequest[] = [undefined, 'prod', 'dev', 'kube-system'].flatMap((namespace) => [
  { type: 'resource', verb: 'get', group: '', resource: 'pods', namespace },
  { type: 'resource', verb: 'create', group: '', resource: 'pods', namespace },
  { type: 'resource', verb: 'get', group: '', resource: 'secrets', namespace },
  { type: 'resource', verb: 'get', group: '', resource: 'secrets', name: 'tls', namespace },
  { type: 'resource', verb: 'list', group: '', resource: 'secrets', namespace },
  { type: 'resource', verb: 'create', group: '', resource: 'serviceaccounts', subresource: 'token', name: 'viewer', namespace },
  { type: 'resource', verb: 'create', group: 'apps', resource: 'deployments', namespace },
  { type: 'resource', verb: 'update', group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'system:basic-user', namespace },
  { type: 'resource', verb: 'get', group: '', resource: 'nodes', subresource: 'proxy', name: 'n1', namespace },
  { type: 'resource', verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'system:controller:clusterrole-aggregation-controller', namespace },
]);

/** Every user a binding names, as it authenticates, and a few no binding names. */
function usersOf(model: RbacModel): UserInfo[] {
  return [...model.bindings().flatMap((binding) => binding.subjects.map(userOf)), impersonated('stranger'), impersonated('system:anonymous'), { name: 'x', groups: ['system:masters'] }];
}

function assertSameDecisions(model: RbacModel): void {
  const index = new BindingIndex(model);
  for (const user of usersOf(model)) {
    const permissions = index.permissionsOf(user);
    for (const request of QUESTIONS) assert.deepEqual(permissions.authorize(request), model.authorize(user, request), `${user.name || user.groups[0]}: ${JSON.stringify(request)}`);
  }
}

describe('BindingIndex', () => {
  const model = RbacModel.fromObjects(objects);
  const index = new BindingIndex(model);

  it('decides as the model does, grant for grant', () => assertSameDecisions(model));

  it("lists a user's bindings as the authorizer visits them, each once", () => {
    const ann = index.permissionsOf({ name: 'ann', groups: ['devs', 'system:authenticated'] });
    assert.deepEqual(ann.bindings.map((binding) => binding.key.name), ['read-all', 'tokens', 'read']);
  });

  it('names the namespaces where RoleBindings grant something', () => {
    assert.deepEqual(index.permissionsOf(impersonated('ann', ['devs'])).namespaces(), ['dev', 'prod']);
  });

  it('lists the resourceNames that would let a nameless request through, in scope only', () => {
    const ann = index.permissionsOf(impersonated('ann'));
    const token = (namespace: string): ResourceRequest => ({ type: 'resource', verb: 'create', group: '', resource: 'serviceaccounts', subresource: 'token', namespace });
    assert.deepEqual(ann.namesFor(token('prod')), ['builder', 'viewer']);
    assert.deepEqual(ann.namesFor(token('dev')), []);
    assert.deepEqual(ann.namesFor({ type: 'resource', verb: 'get', group: '', resource: 'secrets', namespace: 'prod' }), ['tls']);
  });

  const bootstrap = sharedData('k8s-rbac-bootstrap');
  it('decides as the model does on the bootstrap roles', { skip: !bootstrap && 'shared data absent' }, () => {
    assertSameDecisions(RbacModel.fromObjects(bootstrapRbac(bootstrap!) as K8sObject[]));
  });
});

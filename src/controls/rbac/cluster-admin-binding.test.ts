import control from './cluster-admin-binding.js';
import { testControl } from '../testing.js';
import { binding } from './testing.js';

const CLUSTER_ADMIN = { kind: 'ClusterRole', name: 'cluster-admin' };
const masters = [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }];
const ops = [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ops@example.com' }];

testControl(control, {
  valid: [
    { name: 'default system:masters binding', objects: binding(CLUSTER_ADMIN, masters, 'ClusterRoleBinding', 'cluster-admin') },
    { name: 'edit role', objects: binding({ kind: 'ClusterRole', name: 'edit' }, ops) },
    { name: 'a namespaced Role that happens to be called cluster-admin', objects: binding({ kind: 'Role', name: 'cluster-admin' }, ops) },
    { name: 'roleRef of the wrong type', objects: { ...binding(CLUSTER_ADMIN, ops), roleRef: 'cluster-admin' } },
    { name: 'not a binding', objects: { apiVersion: 'example.com/v1', kind: 'Grant', metadata: { name: 'x' }, roleRef: CLUSTER_ADMIN, subjects: ops } },
  ],
  invalid: [
    {
      name: 'cluster-wide to a user',
      objects: binding(CLUSTER_ADMIN, ops, 'ClusterRoleBinding', 'ops-admin'),
      violations: [{ path: 'roleRef.name', message: 'ClusterRoleBinding "ops-admin" grants cluster-admin cluster-wide to User ops@example.com' }],
    },
    {
      name: 'system:masters alongside a service account',
      objects: binding(CLUSTER_ADMIN, [...masters, { kind: 'ServiceAccount', name: 'ci', namespace: 'build' }], 'ClusterRoleBinding', 'cluster-admin'),
      violations: [{ path: 'roleRef.name', message: 'ServiceAccount build/ci' }],
    },
    {
      name: 'RoleBinding gives the whole namespace',
      objects: binding(CLUSTER_ADMIN, ops),
      violations: [{ path: 'roleRef.name', message: 'over namespace shop' }],
    },
    {
      name: 'malformed subjects still bind cluster-admin',
      objects: binding(CLUSTER_ADMIN, 'everyone', 'ClusterRoleBinding'),
      violations: [{ path: 'roleRef.name', message: 'to no subjects' }],
    },
  ],
});

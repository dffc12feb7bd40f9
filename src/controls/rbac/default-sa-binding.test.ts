import control from './default-sa-binding.js';
import { testControl } from '../testing.js';
import { binding } from './testing.js';

const VIEW = { kind: 'ClusterRole', name: 'view' };

testControl(control, {
  valid: [
    { name: 'dedicated service account', objects: binding(VIEW, [{ kind: 'ServiceAccount', name: 'reporter', namespace: 'shop' }]) },
    { name: 'a user called default', objects: binding(VIEW, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'default' }]) },
    { name: 'malformed subjects', objects: binding(VIEW, { kind: 'ServiceAccount', name: 'default' }) },
    { name: 'not a binding', objects: { apiVersion: 'example.com/v1', kind: 'Binding', metadata: { name: 'x' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }] } },
  ],
  invalid: [
    {
      name: 'default service account of another namespace',
      objects: binding(VIEW, [{ kind: 'ServiceAccount', name: 'reporter', namespace: 'shop' }, { kind: 'ServiceAccount', name: 'default', namespace: 'build' }], 'ClusterRoleBinding'),
      violations: [{ path: 'subjects[1].name', message: 'grants ClusterRole view to the default service account of namespace build' }],
    },
    {
      name: 'namespace taken from the RoleBinding',
      objects: binding({ kind: 'Role', name: 'reader' }, [{ kind: 'ServiceAccount', name: 'default' }]),
      violations: [{ path: 'subjects[0].name', message: 'of namespace shop' }],
    },
  ],
});

import control from './anonymous-binding.js';
import { testControl } from '../testing.js';
import { binding } from './testing.js';

const group = (name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name });
const AUTHENTICATED = group('system:authenticated');
const UNAUTHENTICATED = group('system:unauthenticated');
const ANONYMOUS = { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:anonymous' };

testControl(control, {
  valid: [
    {
      name: 'default public-info binding',
      objects: binding({ kind: 'ClusterRole', name: 'system:public-info-viewer' }, [AUTHENTICATED, UNAUTHENTICATED], 'ClusterRoleBinding'),
    },
    { name: 'default discovery binding', objects: binding({ kind: 'ClusterRole', name: 'system:discovery' }, [AUTHENTICATED], 'ClusterRoleBinding') },
    { name: 'named group', objects: binding({ kind: 'ClusterRole', name: 'view' }, [group('developers')], 'ClusterRoleBinding') },
    { name: 'malformed subjects', objects: binding({ kind: 'ClusterRole', name: 'view' }, [null, { kind: 5, name: 'system:anonymous' }, 'x']) },
    { name: 'not a binding', objects: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, subjects: [ANONYMOUS] } },
  ],
  invalid: [
    {
      name: 'anonymous user bound to view',
      objects: binding({ kind: 'ClusterRole', name: 'view' }, [group('developers'), ANONYMOUS], 'ClusterRoleBinding'),
      violations: [{ path: 'subjects[1].name', message: 'grants ClusterRole view to User system:anonymous' }],
    },
    {
      name: 'discovery for unauthenticated callers is no longer a default',
      objects: binding({ kind: 'ClusterRole', name: 'system:discovery' }, [AUTHENTICATED, UNAUTHENTICATED], 'ClusterRoleBinding'),
      violations: [{ path: 'subjects[1].name', message: 'Group system:unauthenticated' }],
    },
    {
      name: 'default role name in a RoleBinding is not the default binding',
      objects: binding({ kind: 'ClusterRole', name: 'system:public-info-viewer' }, [AUTHENTICATED]),
      violations: [{ path: 'subjects[0].name', message: 'RoleBinding "app"' }],
    },
    {
      name: 'roleRef missing',
      objects: { ...binding({ kind: 'ClusterRole', name: 'x' }, [AUTHENTICATED], 'ClusterRoleBinding'), roleRef: null },
      violations: [{ path: 'subjects[0].name', message: 'grants its role to Group system:authenticated' }],
    },
  ],
});

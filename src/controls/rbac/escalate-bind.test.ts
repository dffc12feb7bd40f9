import control from './escalate-bind.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

const RBAC = ['rbac.authorization.k8s.io'];

testControl(control, {
  valid: [
    { name: 'read roles', objects: role([rule(['get', 'list'], ['roles', 'clusterroles'], RBAC)]) },
    { name: 'escalate in the wrong group', objects: role([rule(['escalate', 'bind'], ['roles'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    { name: 'escalate roles', objects: role([rule(['escalate'], ['roles'], RBAC)]), violations: [{ path: 'rules[0].verbs', message: 'escalate roles (rbac.authorization.k8s.io)' }] },
    {
      name: 'bind a named ClusterRole',
      objects: role([rule(['bind'], ['clusterroles'], RBAC, ['view'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].verbs', message: 'only on objects named view' }],
    },
    {
      name: 'every verb on RBAC resources',
      objects: role([rule(['get'], ['pods']), rule(['*'], ['*'], RBAC)], 'ClusterRole', { name: 'rbac-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[1].verbs', message: /escalate roles.*bind clusterroles.*default role/ }],
    },
  ],
});

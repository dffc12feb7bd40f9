import control from './impersonate.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'read users', objects: role([rule(['get'], ['users', 'groups'])], 'ClusterRole') },
    { name: 'impersonate in another group', objects: role([rule(['impersonate'], ['users'], ['example.com'])], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'impersonate groups',
      objects: role([rule(['impersonate'], ['groups'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].verbs', message: 'impersonate groups' }],
    },
    {
      name: 'impersonate named service accounts is still noted',
      objects: role([rule(['impersonate'], ['serviceaccounts'], [''], ['builder'])]),
      violations: [{ path: 'rules[0].verbs', message: 'only on objects named builder' }],
    },
    {
      name: 'UIDs of authentication.k8s.io',
      objects: role([rule(['impersonate'], ['uids'], ['authentication.k8s.io'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].verbs', message: 'impersonate uids (authentication.k8s.io)' }],
    },
    {
      name: 'default role',
      objects: role([rule(['*'], ['*'], ['*'])], 'ClusterRole', { name: 'cluster-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].verbs', message: 'default role' }],
    },
  ],
});

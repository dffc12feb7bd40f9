import control from './wildcard-verbs.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'explicit verbs', objects: role([rule(['get', 'list'], ['pods'])]) },
    { name: 'a verb merely containing a star', objects: role([rule(['get*'], ['pods'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'wildcard verb in the second rule',
      objects: role([rule(['get'], ['pods']), rule(['*'], ['configmaps'])]),
      violations: [{ path: 'rules[1].verbs', message: 'every verb on configmaps' }],
    },
    {
      name: 'default ClusterRole says so',
      objects: role([rule(['*'], ['*'], ['*'])], 'ClusterRole', { name: 'cluster-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].verbs', message: 'a Kubernetes default role' }],
    },
  ],
});

import control from './pv-create.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'claims only', objects: role([rule(['create'], ['persistentvolumeclaims'])]) },
    { name: 'read volumes', objects: role([rule(['get', 'list'], ['persistentvolumes'])], 'ClusterRole') },
    { name: 'create cannot be limited by name', objects: role([rule(['create'], ['persistentvolumes'], [''], ['data'])], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'create volumes',
      objects: role([rule(['create', 'delete'], ['persistentvolumes'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'create persistentvolumes' }],
    },
    {
      name: 'default role',
      objects: role([rule(['create'], ['persistentvolumes'])], 'ClusterRole', { name: 'system:controller:persistent-volume-binder', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

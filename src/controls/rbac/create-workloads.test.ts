import control from './create-workloads.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'read workloads', objects: role([rule(['get', 'list', 'watch'], ['deployments', 'statefulsets'], ['apps'])]) },
    { name: 'scale subresource only', objects: role([rule(['update', 'patch'], ['deployments/scale'], ['apps'])]) },
    { name: 'update pods', objects: role([rule(['update', 'patch'], ['pods'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    { name: 'create pods', objects: role([rule(['create'], ['pods'])]), violations: [{ path: 'rules[0].resources', message: 'create pods' }] },
    {
      name: 'patch deployments',
      objects: role([rule(['patch'], ['deployments'], ['apps'])]),
      violations: [{ path: 'rules[0].resources', message: 'patch deployments (apps)' }],
    },
    {
      name: 'every batch resource',
      objects: role([rule(['create'], ['*'], ['batch'])]),
      violations: [{ path: 'rules[0].resources', message: 'create jobs (batch), create cronjobs (batch)' }],
    },
    {
      name: 'default role',
      objects: role([rule(['create'], ['pods'])], 'ClusterRole', { name: 'system:controller:replicaset-controller', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

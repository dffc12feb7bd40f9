import control from './wildcard-resources.js';
import { testControl } from '../testing.js';
import { AGGREGATED, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'explicit resources', objects: role([rule(['*'], ['pods', 'services'])]) },
    { name: 'subresource wildcard is not every resource', objects: role([rule(['get'], ['*/scale'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'every resource of the apps group',
      objects: role([rule(['get', 'list'], ['*'], ['apps'])]),
      violations: [{ path: 'rules[0].resources', message: 'get, list on every resource of apps' }],
    },
    {
      name: 'core group is named',
      objects: role([rule(['get'], ['*'])], 'ClusterRole', { name: 'system:reader' }),
      violations: [{ path: 'rules[0].resources', message: /of core .*default role/ }],
    },
  ],
});

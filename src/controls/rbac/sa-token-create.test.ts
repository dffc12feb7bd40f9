import control from './sa-token-create.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'manage service accounts', objects: role([rule(['create', 'get'], ['serviceaccounts'])]) },
    { name: 'get token only', objects: role([rule(['get'], ['serviceaccounts/token'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'create tokens',
      objects: role([rule(['create'], ['serviceaccounts/token'])]),
      violations: [{ path: 'rules[0].resources', message: 'create serviceaccounts/token' }],
    },
    {
      name: 'tokens of named accounts',
      objects: role([rule(['create'], ['serviceaccounts/token'], [''], ['deployer'])]),
      violations: [{ path: 'rules[0].resources', message: 'only on objects named deployer' }],
    },
    {
      name: 'default role',
      objects: role([rule(['create'], ['serviceaccounts/token'])], 'ClusterRole', { name: 'system:kube-controller-manager', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

import control from './nodes-proxy.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'node metrics', objects: role([rule(['get'], ['nodes', 'nodes/metrics', 'nodes/stats'])], 'ClusterRole') },
    { name: 'nodes does not grant nodes/proxy', objects: role([rule(['*'], ['nodes'])], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'get is enough for a websocket',
      objects: role([rule(['get'], ['nodes/proxy'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'get nodes/proxy' }],
    },
    {
      name: 'proxy subresource of anything',
      objects: role([rule(['create'], ['*/proxy'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'create nodes/proxy' }],
    },
    {
      name: 'default role',
      objects: role([rule(['get'], ['nodes/proxy'])], 'ClusterRole', { name: 'system:kubelet-api-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

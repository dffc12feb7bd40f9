import control from './secrets-read.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'configmaps only', objects: role([rule(['get', 'list', 'watch'], ['configmaps'])]) },
    { name: 'create secrets without read', objects: role([rule(['create', 'delete'], ['secrets'])]) },
    { name: 'secrets of another API group', objects: role([rule(['get'], ['secrets'], ['example.com'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    { name: 'list secrets', objects: role([rule(['list'], ['secrets'])]), violations: [{ path: 'rules[0].resources', message: 'grants list secrets' }] },
    {
      name: 'wildcard verbs and groups on every resource',
      objects: role([rule(['*'], ['*'], ['*'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'get secrets, list secrets, watch secrets' }],
    },
    {
      name: 'get limited by resourceNames is noted',
      objects: role([rule(['get'], ['secrets'], [''], ['tls-cert'])]),
      violations: [{ path: 'rules[0].resources', message: 'only on objects named tls-cert' }],
    },
    {
      name: 'default role',
      objects: role([rule(['get'], ['secrets'])], 'ClusterRole', { name: 'system:node', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

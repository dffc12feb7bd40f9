import control from './pods-exec.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

testControl(control, {
  valid: [
    { name: 'pods alone do not grant exec', objects: role([rule(['create', 'get'], ['pods'])]) },
    { name: 'pods/* is not a wildcard', objects: role([rule(['create'], ['pods/*'])]) },
    { name: 'get on pods/exec', objects: role([rule(['get'], ['pods/exec', 'pods/log'])]) },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    { name: 'create pods/exec', objects: role([rule(['create'], ['pods/exec'])]), violations: [{ path: 'rules[0].resources', message: 'create pods/exec' }] },
    { name: 'any exec subresource', objects: role([rule(['create'], ['*/attach'])]), violations: [{ path: 'rules[0].resources', message: 'create pods/attach' }] },
    {
      name: 'exec on named pods is still exec',
      objects: role([rule(['get'], ['pods']), rule(['*'], ['pods/exec', 'pods/attach'], [''], ['debug'])]),
      violations: [{ path: 'rules[1].resources', message: 'create pods/exec, create pods/attach (only on objects named debug)' }],
    },
    {
      name: 'default role',
      objects: role([rule(['*'], ['*'], ['*'])], 'ClusterRole', { name: 'cluster-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

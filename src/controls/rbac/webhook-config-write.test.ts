import control from './webhook-config-write.js';
import { testControl } from '../testing.js';
import { AGGREGATED, DEFAULT_LABELS, MALFORMED_ROLES, NOT_A_ROLE, role, rule } from './testing.js';

const ADMISSION = ['admissionregistration.k8s.io'];

testControl(control, {
  valid: [
    { name: 'read webhooks', objects: role([rule(['get', 'list', 'watch'], ['mutatingwebhookconfigurations'], ADMISSION)], 'ClusterRole') },
    { name: 'write in the wrong group', objects: role([rule(['update'], ['validatingwebhookconfigurations'])], 'ClusterRole') },
    { name: 'aggregated ClusterRole', objects: AGGREGATED },
    { name: 'other kinds and CRDs', objects: NOT_A_ROLE },
    { name: 'malformed roles', objects: MALFORMED_ROLES },
  ],
  invalid: [
    {
      name: 'patch validating webhooks',
      objects: role([rule(['patch'], ['validatingwebhookconfigurations'], ADMISSION)], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'patch validatingwebhookconfigurations' }],
    },
    {
      name: 'update of its own webhook is noted with its name',
      objects: role([rule(['update'], ['mutatingwebhookconfigurations'], ADMISSION, ['sidecar-injector'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: 'only on objects named sidecar-injector' }],
    },
    {
      name: 'create with resourceNames is impossible but update is not',
      objects: role([rule(['create', 'update'], ['validatingwebhookconfigurations'], ADMISSION, ['policy'])], 'ClusterRole'),
      violations: [{ path: 'rules[0].resources', message: /^ClusterRole "app" grants update validatingwebhookconfigurations/ }],
    },
    {
      name: 'default role',
      objects: role([rule(['*'], ['*'], ['*'])], 'ClusterRole', { name: 'cluster-admin', ...DEFAULT_LABELS }),
      violations: [{ path: 'rules[0].resources', message: 'default role' }],
    },
  ],
});

import control from './no-pss-enforce.js';
import { testControl } from '../testing.js';
import { namespace, NOT_A_NAMESPACE } from './testing.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

testControl(control, {
  valid: [
    { name: 'restricted', objects: namespace({ [ENFORCE]: 'restricted', [`${ENFORCE}-version`]: 'v1.33' }) },
    { name: 'privileged is a level (namespace-pss-privileged judges it)', objects: namespace({ [ENFORCE]: 'privileged' }) },
    { name: 'other kinds', objects: NOT_A_NAMESPACE },
  ],
  invalid: [
    { name: 'no labels', objects: namespace(), violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', message: 'has no' }] },
    {
      name: 'warn and audit only',
      objects: namespace({ 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted' }),
      violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]' }],
    },
    { name: 'misspelt level', objects: namespace({ [ENFORCE]: 'Restricted' }), violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', message: 'not a Pod Security level' }] },
    { name: 'labels of the wrong type', objects: namespace(['restricted']), violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]' }] },
    { name: 'metadata missing', objects: { apiVersion: 'v1', kind: 'Namespace' }, violations: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', message: 'namespace ?' }] },
  ],
});

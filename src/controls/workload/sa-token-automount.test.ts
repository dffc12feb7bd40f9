import control from './sa-token-automount.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'automount disabled on a Pod', objects: workload('Pod', { automountServiceAccountToken: false, containers: [container()] }) },
    { name: 'automount disabled on a CronJob', objects: workload('CronJob', { automountServiceAccountToken: false, containers: [container()] }) },
    { name: 'not a workload', objects: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app' }, automountServiceAccountToken: true } },
  ],
  invalid: [
    {
      name: 'not set, in a Deployment',
      objects: workload('Deployment', { containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Deployment}.automountServiceAccountToken`, message: 'unless its service account disables it' }],
    },
    { name: 'explicitly true', objects: workload('Pod', { automountServiceAccountToken: true, containers: [container()] }), violations: [{ path: 'spec.automountServiceAccountToken', message: 'explicitly' }] },
    { name: 'the string "false" is not false', objects: workload('Job', { automountServiceAccountToken: 'false', containers: [] }), violations: [{ path: `${SPEC_PATH.Job}.automountServiceAccountToken` }] },
  ],
});

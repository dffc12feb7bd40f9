import control from './host-namespaces.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const app = [container('app')];

testControl(control, {
  valid: [
    { name: 'no host namespace fields', objects: pod({ containers: app }) },
    { name: 'all explicitly false', objects: pod({ containers: app, hostNetwork: false, hostPID: false, hostIPC: false }) },
    { name: 'wrong types are not true', objects: pod({ containers: app, hostNetwork: 'true', hostPID: 1 }) },
    { name: 'not a workload', objects: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { hostNetwork: true } } },
  ],
  invalid: [
    {
      name: 'all three on a pod',
      objects: pod({ containers: app, hostNetwork: true, hostPID: true, hostIPC: true }),
      violations: [
        { path: 'spec.hostNetwork', message: 'host namespaces: pod must not set hostNetwork=true' },
        { path: 'spec.hostPID' },
        { path: 'spec.hostIPC' },
      ],
    },
    {
      name: 'hostPID in a Deployment, at the oldest policy version',
      objects: deployment({ containers: app, hostPID: true }),
      options: { pssVersion: { minor: 0 } },
      violations: [{ path: 'spec.template.spec.hostPID' }],
    },
  ],
});

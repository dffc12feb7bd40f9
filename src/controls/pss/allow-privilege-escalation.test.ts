import control from './allow-privilege-escalation.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

testControl(control, {
  valid: [
    { name: 'explicitly false everywhere', objects: pod({ initContainers: [container('init', { allowPrivilegeEscalation: false })], containers: [container('app', { allowPrivilegeEscalation: false })] }) },
    { name: 'Windows pods are exempt from v1.25', objects: pod({ os: { name: 'windows' }, containers: [container('app')] }), options: version(25) },
    { name: 'the check does not exist before v1.8', objects: pod({ containers: [container('app')] }), options: version(7) },
  ],
  invalid: [
    {
      name: 'unset, null and true all fail',
      objects: pod({ containers: [container('a'), container('b', { allowPrivilegeEscalation: null }), container('c', { allowPrivilegeEscalation: true }), container('d', { allowPrivilegeEscalation: false })] }),
      violations: [
        { path: 'spec.containers[0].securityContext.allowPrivilegeEscalation', message: 'allowPrivilegeEscalation != false: container "a" must set securityContext.allowPrivilegeEscalation=false' },
        { path: 'spec.containers[1].securityContext.allowPrivilegeEscalation' },
        { path: 'spec.containers[2].securityContext.allowPrivilegeEscalation' },
      ],
    },
    {
      name: 'Windows pods are not exempt before v1.25',
      objects: pod({ os: { name: 'windows' }, containers: [container('app')] }),
      options: version(24),
      violations: [{ path: 'spec.containers[0].securityContext.allowPrivilegeEscalation' }],
    },
    {
      name: 'ephemeral container in a Deployment',
      objects: deployment({ containers: [container('app', { allowPrivilegeEscalation: false })], ephemeralContainers: [container('debug')] }),
      violations: [{ path: 'spec.template.spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation' }],
    },
  ],
});

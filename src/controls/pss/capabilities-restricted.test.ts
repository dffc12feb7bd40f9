import control from './capabilities-restricted.js';
import { testControl } from '../testing.js';
import { container, cronJob, pod, version } from './test-objects.js';

const caps = (capabilities: unknown) => pod({ containers: [container('app', { capabilities })] });

testControl(control, {
  valid: [
    { name: 'drop ALL', objects: caps({ drop: ['ALL'] }) },
    { name: 'drop ALL, add NET_BIND_SERVICE', objects: caps({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] }) },
    { name: 'Windows pods are exempt from v1.25', objects: pod({ os: { name: 'windows' }, containers: [container('app')] }), options: version(25) },
    { name: 'the check does not exist before v1.22', objects: pod({ containers: [container('app')] }), options: version(21) },
  ],
  invalid: [
    {
      name: 'nothing dropped',
      objects: pod({ containers: [container('app')] }),
      violations: [{ path: 'spec.containers[0].securityContext.capabilities.drop', message: 'unrestricted capabilities: container "app" must set securityContext.capabilities.drop=["ALL"]' }],
    },
    {
      name: 'drop list without ALL, and an added CHOWN',
      objects: caps({ drop: ['NET_RAW', 'all'], add: ['NET_BIND_SERVICE', 'CHOWN'] }),
      violations: [
        { path: 'spec.containers[0].securityContext.capabilities.drop' },
        { path: 'spec.containers[0].securityContext.capabilities.add', message: 'must not include "CHOWN" in securityContext.capabilities.add' },
      ],
    },
    {
      name: 'Windows pods are not exempt before v1.25',
      objects: pod({ os: { name: 'windows' }, containers: [container('app')] }),
      options: version(24),
      violations: [{ path: 'spec.containers[0].securityContext.capabilities.drop' }],
    },
    {
      name: 'init container in a CronJob',
      objects: cronJob({ initContainers: [container('init')], containers: [container('app', { capabilities: { drop: ['ALL'] } })] }),
      violations: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.capabilities.drop' }],
    },
  ],
});

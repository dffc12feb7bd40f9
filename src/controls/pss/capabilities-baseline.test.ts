import control from './capabilities-baseline.js';
import { testControl } from '../testing.js';
import { container, pod } from './test-objects.js';

const adding = (...add: unknown[]) => pod({ containers: [container('app', { capabilities: { add } })] });

testControl(control, {
  valid: [
    { name: 'no capabilities', objects: pod({ containers: [container('app')] }) },
    { name: 'default set only', objects: adding('NET_BIND_SERVICE', 'CHOWN', 'SYS_CHROOT', 'AUDIT_WRITE') },
    { name: 'drop only', objects: pod({ containers: [container('app', { capabilities: { drop: ['ALL'] } })] }) },
    { name: 'add is not a list', objects: pod({ containers: [container('app', { capabilities: { add: 'SYS_ADMIN' } })] }) },
  ],
  invalid: [
    {
      name: 'NET_RAW and SYS_ADMIN',
      objects: adding('CHOWN', 'NET_RAW', 'SYS_ADMIN'),
      violations: [
        {
          path: 'spec.containers[0].securityContext.capabilities.add',
          message: 'non-default capabilities: container "app" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
        },
      ],
    },
    {
      name: 'one violation per offending container, init containers included',
      objects: pod({
        initContainers: [container('init', { capabilities: { add: ['SYS_PTRACE'] } })],
        containers: [container('ok', { capabilities: { add: ['KILL'] } }), container('bad', { capabilities: { add: ['ALL'] } })],
      }),
      violations: [
        { path: 'spec.initContainers[0].securityContext.capabilities.add' },
        { path: 'spec.containers[1].securityContext.capabilities.add', message: '"ALL"' },
      ],
    },
    { name: 'lower-case names are not the default set', objects: adding('chown'), violations: [{ path: 'spec.containers[0].securityContext.capabilities.add' }] },
  ],
});

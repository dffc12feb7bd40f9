import control from './proc-mount.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const unmasked = (extra: Record<string, unknown> = {}) => pod({ containers: [container('app', { procMount: 'Unmasked' })], ...extra });

testControl(control, {
  valid: [
    { name: 'unset', objects: pod({ containers: [container('app')] }) },
    { name: 'Default', objects: pod({ containers: [container('app', { procMount: 'Default' })] }) },
    { name: 'Unmasked in a user namespace from v1.35', objects: unmasked({ hostUsers: false }), options: version(35) },
  ],
  invalid: [
    {
      name: 'Unmasked',
      objects: unmasked(),
      violations: [{ path: 'spec.containers[0].securityContext.procMount', message: 'procMount: container "app" must not set securityContext.procMount="Unmasked"' }],
    },
    { name: 'Unmasked with hostUsers: true at v1.35', objects: unmasked({ hostUsers: true }), options: version(35), violations: [{ path: 'spec.containers[0].securityContext.procMount' }] },
    {
      name: 'user namespace does not relax before v1.35',
      objects: unmasked({ hostUsers: false }),
      options: version(34),
      violations: [{ path: 'spec.containers[0].securityContext.procMount' }],
    },
    {
      name: 'ephemeral container in a Deployment',
      objects: deployment({ containers: [container('app')], ephemeralContainers: [container('debug', { procMount: 'Unmasked' })] }),
      violations: [{ path: 'spec.template.spec.ephemeralContainers[0].securityContext.procMount' }],
    },
  ],
});

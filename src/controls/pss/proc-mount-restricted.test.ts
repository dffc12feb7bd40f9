import control from './proc-mount-restricted.js';
import { testControl } from '../testing.js';
import { container, cronJob, pod, version } from './test-objects.js';

const unmasked = pod({ hostUsers: false, containers: [container('app', { procMount: 'Unmasked' })] });

testControl(control, {
  valid: [
    { name: 'Default in a user namespace', objects: pod({ hostUsers: false, containers: [container('app', { procMount: 'Default' })] }) },
    { name: 'the check does not exist before v1.35', objects: unmasked, options: version(34) },
  ],
  invalid: [
    {
      name: 'Unmasked even with hostUsers: false',
      objects: unmasked,
      violations: [{ path: 'spec.containers[0].securityContext.procMount', message: 'procMount: container "app"' }],
    },
    {
      name: 'init container in a CronJob at v1.35',
      objects: cronJob({ initContainers: [container('init', { procMount: 'Unmasked' })], containers: [container('app')] }),
      options: version(35),
      violations: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.procMount' }],
    },
  ],
});

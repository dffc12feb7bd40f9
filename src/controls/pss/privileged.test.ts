import control from './privileged.js';
import { testControl } from '../testing.js';
import { container, cronJob, pod } from './test-objects.js';

testControl(control, {
  valid: [
    { name: 'no security context', objects: pod({ containers: [container('app')] }) },
    { name: 'privileged false', objects: pod({ containers: [container('app', { privileged: false })] }) },
    { name: 'string "true" is not a boolean', objects: pod({ containers: [container('app', { privileged: 'true' })] }) },
    { name: 'malformed lists and contexts', objects: pod({ containers: 'app', initContainers: [null, 3, container('i', null as never)] }) },
  ],
  invalid: [
    {
      name: 'second container privileged',
      objects: pod({ containers: [container('sidecar'), container('app', { privileged: true })] }),
      violations: [{ path: 'spec.containers[1].securityContext.privileged', message: 'privileged: container "app" must not set securityContext.privileged=true' }],
    },
    {
      name: 'init and ephemeral containers are visited',
      objects: pod({
        initContainers: [container('init', { privileged: true })],
        containers: [container('app')],
        ephemeralContainers: [container('debug', { privileged: true })],
      }),
      violations: [
        { path: 'spec.initContainers[0].securityContext.privileged', message: 'container "init"' },
        { path: 'spec.ephemeralContainers[0].securityContext.privileged', message: 'container "debug"' },
      ],
    },
    {
      name: 'CronJob',
      objects: cronJob({ containers: [container('job', { privileged: true })] }),
      violations: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged' }],
    },
  ],
});

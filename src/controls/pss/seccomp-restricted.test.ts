import control from './seccomp-restricted.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const runtimeDefault = { seccompProfile: { type: 'RuntimeDefault' } };

testControl(control, {
  valid: [
    { name: 'pod level covers containers', objects: pod({ securityContext: runtimeDefault, initContainers: [container('init')], containers: [container('app')] }) },
    { name: 'each container sets Localhost', objects: pod({ containers: [container('a', { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })] }) },
    { name: 'Windows pods are exempt from v1.25', objects: pod({ os: { name: 'windows' }, containers: [container('app')] }), options: version(25) },
    { name: 'the check does not exist before v1.19', objects: pod({ containers: [container('app')] }), options: version(18) },
  ],
  invalid: [
    {
      name: 'nothing set',
      objects: pod({ containers: [container('app')] }),
      violations: [{ path: 'spec.containers[0].securityContext.seccompProfile.type', message: 'seccompProfile: pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"' }],
    },
    {
      name: 'container Unconfined overrides a good pod level',
      objects: pod({ securityContext: runtimeDefault, containers: [container('app', { seccompProfile: { type: 'Unconfined' } })] }),
      violations: [{ path: 'spec.containers[0].securityContext.seccompProfile.type', message: 'must not set securityContext.seccompProfile.type to "Unconfined"' }],
    },
    {
      name: 'Windows pods are not exempt before v1.25',
      objects: pod({ os: { name: 'windows' }, containers: [container('app')] }),
      options: version(24),
      violations: [{ path: 'spec.containers[0].securityContext.seccompProfile.type' }],
    },
    {
      name: 'pod Unconfined and an ephemeral container without a profile, in a Deployment',
      objects: deployment({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [container('app', runtimeDefault)], ephemeralContainers: [container('debug')] }),
      violations: [{ path: 'spec.template.spec.securityContext.seccompProfile.type' }, { path: 'spec.template.spec.ephemeralContainers[0].securityContext.seccompProfile.type' }],
    },
  ],
});

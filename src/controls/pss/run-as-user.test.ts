import control from './run-as-user.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const rootPod = pod({ securityContext: { runAsUser: 0 }, containers: [container('app')] });

testControl(control, {
  valid: [
    { name: 'non-zero ids', objects: pod({ securityContext: { runAsUser: 1000 }, containers: [container('app', { runAsUser: 10001 })] }) },
    { name: 'unset', objects: pod({ containers: [container('app')] }) },
    { name: 'the check does not exist before v1.23', objects: rootPod, options: version(22) },
    { name: 'user namespace relaxes from v1.35', objects: pod({ hostUsers: false, securityContext: { runAsUser: 0 }, containers: [container('app')] }), options: version(35) },
  ],
  invalid: [
    { name: 'pod runAsUser 0', objects: rootPod, options: version(23), violations: [{ path: 'spec.securityContext.runAsUser', message: 'runAsUser=0: pod must not set runAsUser=0' }] },
    {
      name: 'user namespace does not relax before v1.35',
      objects: pod({ hostUsers: false, containers: [container('app', { runAsUser: 0 })] }),
      options: version(34),
      violations: [{ path: 'spec.containers[0].securityContext.runAsUser', message: 'container "app"' }],
    },
    {
      name: 'init container in a Deployment',
      objects: deployment({ initContainers: [container('init', { runAsUser: 0 })], containers: [container('app', { runAsUser: 1 })] }),
      violations: [{ path: 'spec.template.spec.initContainers[0].securityContext.runAsUser' }],
    },
  ],
});

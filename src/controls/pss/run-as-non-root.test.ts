import control from './run-as-non-root.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

testControl(control, {
  valid: [
    { name: 'pod level true covers containers', objects: pod({ securityContext: { runAsNonRoot: true }, initContainers: [container('init')], containers: [container('app')] }) },
    { name: 'every container true', objects: pod({ containers: [container('a', { runAsNonRoot: true }), container('b', { runAsNonRoot: true })] }) },
    { name: 'user namespace relaxes from v1.35', objects: pod({ hostUsers: false, securityContext: { runAsNonRoot: false }, containers: [container('app')] }), options: version(35) },
  ],
  invalid: [
    {
      name: 'nothing set',
      objects: pod({ containers: [container('app')] }),
      violations: [{ path: 'spec.containers[0].securityContext.runAsNonRoot', message: 'runAsNonRoot != true: pod or container "app" must set securityContext.runAsNonRoot=true' }],
    },
    {
      name: 'explicit false on a container overrides the pod',
      objects: pod({ securityContext: { runAsNonRoot: true }, containers: [container('ok'), container('root', { runAsNonRoot: false })] }),
      violations: [{ path: 'spec.containers[1].securityContext.runAsNonRoot', message: 'container "root" must not set securityContext.runAsNonRoot=false' }],
    },
    {
      name: 'pod false and an unset container',
      objects: pod({ securityContext: { runAsNonRoot: false }, containers: [container('app')] }),
      violations: [{ path: 'spec.securityContext.runAsNonRoot', message: 'pod must not set securityContext.runAsNonRoot=false' }, { path: 'spec.containers[0].securityContext.runAsNonRoot' }],
    },
    {
      name: 'user namespace does not relax before v1.35',
      objects: pod({ hostUsers: false, containers: [container('app')] }),
      options: version(34),
      violations: [{ path: 'spec.containers[0].securityContext.runAsNonRoot' }],
    },
    {
      name: 'ephemeral container of a Deployment with no pod-level setting',
      objects: deployment({ containers: [container('app', { runAsNonRoot: true })], ephemeralContainers: [container('debug')] }),
      options: version(0),
      violations: [{ path: 'spec.template.spec.ephemeralContainers[0].securityContext.runAsNonRoot' }],
    },
  ],
});

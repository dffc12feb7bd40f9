import control from './seccomp-baseline.js';
import { testControl } from '../testing.js';
import { container, deployment, pod, version } from './test-objects.js';

const app = [container('app')];
const annotated = (annotations: Record<string, string>) => pod({ containers: app }, { annotations });

testControl(control, {
  valid: [
    { name: 'nothing set', objects: pod({ containers: app }) },
    { name: 'RuntimeDefault and Localhost', objects: pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [container('app', { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })] }) },
    { name: 'annotations are not read from v1.19', objects: annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }) },
    { name: 'fields are not read before v1.19', objects: pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: app }), options: version(18) },
    {
      name: 'allowed annotation values before v1.19',
      objects: annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/p.json' }),
      options: version(18),
    },
    { name: 'annotation for a container that does not exist', objects: annotated({ 'container.seccomp.security.alpha.kubernetes.io/gone': 'unconfined' }), options: version(0) },
  ],
  invalid: [
    {
      name: 'Unconfined on the pod and a container',
      objects: pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [container('app', { seccompProfile: { type: 'Unconfined' } })] }),
      violations: [
        { path: 'spec.securityContext.seccompProfile.type', message: 'seccompProfile: pod must not set securityContext.seccompProfile.type to "Unconfined"' },
        { path: 'spec.containers[0].securityContext.seccompProfile.type', message: 'container "app"' },
      ],
    },
    {
      name: 'a profile without a type',
      objects: deployment({ containers: [container('app', { seccompProfile: {} })] }),
      violations: [{ path: 'spec.template.spec.containers[0].securityContext.seccompProfile.type' }],
    },
    {
      name: 'unconfined annotations before v1.19',
      objects: annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined' }),
      options: version(18),
      violations: [
        { path: 'metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]', message: 'seccompProfile: forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"' },
        { path: 'metadata.annotations["container.seccomp.security.alpha.kubernetes.io/app"]' },
      ],
    },
  ],
});

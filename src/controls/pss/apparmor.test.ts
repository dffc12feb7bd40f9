import control from './apparmor.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const app = [container('app')];
const annotated = (value: string) => pod({ containers: app }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': value } });

testControl(control, {
  valid: [
    { name: 'nothing set', objects: pod({ containers: app }) },
    { name: 'runtime/default annotation', objects: annotated('runtime/default') },
    { name: 'localhost annotation', objects: annotated('localhost/k8s-nginx') },
    { name: 'empty annotation', objects: annotated('') },
    { name: 'other annotations are ignored', objects: pod({ containers: app }, { annotations: { 'example.com/apparmor': 'unconfined' } }) },
    {
      name: 'RuntimeDefault and Localhost fields',
      objects: pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [container('app', { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } })] }),
    },
  ],
  invalid: [
    {
      name: 'unconfined annotation',
      objects: annotated('unconfined'),
      violations: [
        {
          path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
          message: 'forbidden AppArmor profile: annotation container.apparmor.security.beta.kubernetes.io/app="unconfined"',
        },
      ],
    },
    {
      name: 'Unconfined on the pod and an ephemeral container, in a Deployment',
      objects: deployment({
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        containers: app,
        ephemeralContainers: [container('debug', { appArmorProfile: { type: 'Unconfined' } })],
      }),
      violations: [
        { path: 'spec.template.spec.securityContext.appArmorProfile.type', message: 'pod must not set AppArmor profile type to "Unconfined"' },
        { path: 'spec.template.spec.ephemeralContainers[0].securityContext.appArmorProfile.type', message: 'container "debug"' },
      ],
    },
    {
      name: 'annotation in a Deployment template, at v1.0',
      objects: deployment({ containers: app }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }),
      options: { pssVersion: { minor: 0 } },
      violations: [{ path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]' }],
    },
  ],
});

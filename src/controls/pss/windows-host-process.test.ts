import control from './windows-host-process.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const windows = { os: { name: 'windows' } };

testControl(control, {
  valid: [
    { name: 'Windows pod without hostProcess', objects: pod({ ...windows, containers: [container('app', { windowsOptions: { runAsUserName: 'ContainerUser' } })] }) },
    { name: 'hostProcess false', objects: pod({ ...windows, securityContext: { windowsOptions: { hostProcess: false } }, containers: [container('app')] }) },
  ],
  invalid: [
    {
      name: 'pod and container both set it',
      objects: pod({ ...windows, hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } }, containers: [container('app', { windowsOptions: { hostProcess: true } })] }),
      violations: [
        { path: 'spec.securityContext.windowsOptions.hostProcess', message: 'hostProcess: pod must not set securityContext.windowsOptions.hostProcess=true' },
        { path: 'spec.containers[0].securityContext.windowsOptions.hostProcess', message: 'container "app"' },
      ],
    },
    {
      name: 'init container in a Deployment, os unset',
      objects: deployment({ initContainers: [container('init', { windowsOptions: { hostProcess: true } })], containers: [container('app')] }),
      violations: [{ path: 'spec.template.spec.initContainers[0].securityContext.windowsOptions.hostProcess' }],
    },
  ],
});

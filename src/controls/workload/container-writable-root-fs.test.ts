import control from './container-writable-root-fs.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'read-only root filesystem', objects: podOf() },
    { name: 'Windows pods are not checked', objects: workload('Pod', { os: { name: 'windows' }, containers: [container({ securityContext: {} })] }) },
  ],
  invalid: [
    {
      name: 'no security context, in a Deployment',
      objects: podOf({ securityContext: undefined }, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].securityContext.readOnlyRootFilesystem`, message: 'container "app" has a writable root filesystem' }],
    },
    { name: 'explicitly false', objects: podOf({ securityContext: { readOnlyRootFilesystem: false } }), violations: [{ path: 'spec.containers[0].securityContext.readOnlyRootFilesystem' }] },
    { name: 'the string "true" is not true', objects: podOf({ securityContext: { readOnlyRootFilesystem: 'true' } }), violations: [{ path: 'spec.containers[0].securityContext.readOnlyRootFilesystem' }] },
    {
      name: 'init and ephemeral containers count',
      objects: workload('Pod', { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container()], ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36', securityContext: null }] }),
      violations: [{ path: 'spec.initContainers[0].securityContext.readOnlyRootFilesystem' }, { path: 'spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem' }],
    },
    {
      name: 'malformed container list entries are skipped',
      objects: workload('CronJob', { containers: [42, container({ securityContext: 'strict' })] }),
      violations: [{ path: `${SPEC_PATH.CronJob}.containers[1].securityContext.readOnlyRootFilesystem` }],
    },
  ],
});

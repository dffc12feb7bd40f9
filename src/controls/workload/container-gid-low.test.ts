import control from './container-gid-low.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const runAs = (runAsGroup: unknown) => ({ securityContext: { readOnlyRootFilesystem: true, runAsGroup } });

testControl(control, {
  valid: [
    { name: 'high GID', objects: podOf() },
    { name: 'not set', objects: podOf({ securityContext: null }) },
    { name: 'pod-level low GID overridden by the only container', objects: workload('Deployment', { securityContext: { runAsGroup: 0 }, containers: [container()] }) },
    { name: 'a list is not a GID', objects: podOf(runAs([0])) },
  ],
  invalid: [
    { name: 'root group', objects: podOf(runAs(0)), violations: [{ path: 'spec.containers[0].securityContext.runAsGroup', message: 'runAsGroup 0' }] },
    { name: 'GID 3000 in a Job', objects: podOf(runAs(3000), 'Job'), violations: [{ path: `${SPEC_PATH.Job}.containers[0].securityContext.runAsGroup` }] },
    {
      name: 'pod level, inherited by an init container',
      objects: workload('DaemonSet', { securityContext: { runAsGroup: 100 }, initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.DaemonSet}.securityContext.runAsGroup`, message: 'the pod sets runAsGroup 100' }],
    },
  ],
});

import control from './container-uid-low.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const runAs = (runAsUser: unknown) => ({ securityContext: { readOnlyRootFilesystem: true, runAsUser } });

testControl(control, {
  valid: [
    { name: 'high UID', objects: podOf() },
    { name: 'exactly 10000', objects: podOf(runAs(10000)) },
    { name: 'UID 0 is left to the Pod Security checks', objects: podOf(runAs(0)) },
    { name: 'not set: the image decides', objects: podOf({ securityContext: {} }) },
    { name: 'a string is not a UID', objects: podOf(runAs('1000')) },
    { name: 'pod-level low UID overridden by every container', objects: workload('Pod', { securityContext: { runAsUser: 1000 }, containers: [container()] }) },
    { name: 'Windows pods have no UIDs', objects: workload('Pod', { os: { name: 'windows' }, containers: [container(runAs(1000))] }) },
  ],
  invalid: [
    { name: 'container UID 1000 in a Deployment', objects: podOf(runAs(1000), 'Deployment'), violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].securityContext.runAsUser`, message: 'container "app" sets runAsUser 1000' }] },
    {
      name: 'pod-level low UID inherited by an init container',
      objects: workload('StatefulSet', { securityContext: { runAsUser: 999 }, initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.StatefulSet}.securityContext.runAsUser`, message: 'the pod sets runAsUser 999' }],
    },
    { name: 'pod spec without containers still reports its pod-level UID', objects: workload('Pod', { securityContext: { runAsUser: 1 } }), violations: [{ path: 'spec.securityContext.runAsUser' }] },
    {
      name: 'ephemeral container in a CronJob',
      objects: workload('CronJob', { containers: [container()], ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36', securityContext: { runAsUser: 65 } }] }),
      violations: [{ path: `${SPEC_PATH.CronJob}.ephemeralContainers[0].securityContext.runAsUser` }],
    },
  ],
});

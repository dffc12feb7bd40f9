import control from './probes-missing-liveness.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const withoutLiveness = { livenessProbe: undefined };

testControl(control, {
  valid: [
    { name: 'probe set', objects: podOf() },
    { name: 'a Job runs to completion', objects: podOf(withoutLiveness, 'Job') },
    { name: 'a CronJob runs to completion', objects: podOf(withoutLiveness, 'CronJob') },
    { name: 'a pod that never restarts', objects: workload('Pod', { restartPolicy: 'Never', containers: [container(withoutLiveness)] }) },
    {
      name: 'a pod owned by a Job',
      objects: workload('Pod', { containers: [container(withoutLiveness)] }, { name: 'x-abcde', ownerReferences: [{ kind: 'Job', name: 'x' }] }),
    },
    {
      name: 'ordinary init containers and ephemeral containers need no probe',
      objects: workload('Deployment', {
        initContainers: [{ name: 'migrate', image: 'app:1' }],
        containers: [container()],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'Deployment container without the probe',
      objects: podOf(withoutLiveness, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].livenessProbe`, message: 'container "app" has no liveness probe' }],
    },
    { name: 'only the other probe, in a StatefulSet', objects: podOf({ livenessProbe: undefined, readinessProbe: { tcpSocket: { port: 80 } } }, 'StatefulSet'), violations: [{ path: `${SPEC_PATH.StatefulSet}.containers[0].livenessProbe` }] },
    {
      name: 'sidecar init container (restartPolicy Always) in a DaemonSet',
      objects: workload('DaemonSet', { initContainers: [{ name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.DaemonSet}.initContainers[0].livenessProbe`, message: '"proxy"' }],
    },
    { name: 'a probe that is not an object', objects: podOf({ livenessProbe: 'yes' }), violations: [{ path: 'spec.containers[0].livenessProbe' }] },
    { name: 'malformed ownerReferences do not crash', objects: workload('Pod', { containers: [container(withoutLiveness)] }, { name: 'x', ownerReferences: 'Job' }), violations: [{ path: 'spec.containers[0].livenessProbe' }] },
  ],
});

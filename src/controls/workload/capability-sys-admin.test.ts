import control from './capability-sys-admin.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const adds = (...add: unknown[]) => ({ securityContext: { capabilities: { drop: ['ALL'], add } } });

testControl(control, {
  valid: [
    { name: 'adds nothing', objects: podOf() },
    { name: 'adds a narrow capability', objects: podOf(adds('NET_BIND_SERVICE')) },
    { name: 'dropping SYS_ADMIN is fine', objects: podOf({ securityContext: { capabilities: { drop: ['SYS_ADMIN'] } } }) },
    { name: 'Windows pods are not checked', objects: workload('Pod', { os: { name: 'windows' }, containers: [container(adds('SYS_ADMIN'))] }) },
  ],
  invalid: [
    { name: 'adds SYS_ADMIN in a DaemonSet', objects: podOf(adds('NET_ADMIN', 'SYS_ADMIN'), 'DaemonSet'), violations: [{ path: `${SPEC_PATH.DaemonSet}.containers[0].securityContext.capabilities.add[1]`, message: 'container "app" adds SYS_ADMIN' }] },
    { name: 'CAP_ prefix and lower case', objects: podOf(adds('cap_sys_admin')), violations: [{ path: 'spec.containers[0].securityContext.capabilities.add[0]' }] },
    {
      name: 'init container of a Job',
      objects: workload('Job', { initContainers: [{ name: 'mount', image: 'busybox:1.36', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Job}.initContainers[0].securityContext.capabilities.add[0]` }],
    },
    { name: 'malformed add entries around it', objects: podOf(adds(null, 3, 'SYS_ADMIN')), violations: [{ path: 'spec.containers[0].securityContext.capabilities.add[2]' }] },
  ],
});

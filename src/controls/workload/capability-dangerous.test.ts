import control from './capability-dangerous.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const adds = (...add: unknown[]) => ({ securityContext: { capabilities: { drop: ['ALL'], add } } });

testControl(control, {
  valid: [
    { name: 'adds nothing', objects: podOf() },
    { name: 'adds narrow capabilities', objects: podOf(adds('NET_BIND_SERVICE', 'CHOWN')) },
    { name: 'SYS_ADMIN has its own control', objects: podOf(adds('SYS_ADMIN')) },
    { name: 'capabilities is a string', objects: podOf({ securityContext: { capabilities: 'ALL' } }) },
  ],
  invalid: [
    {
      name: 'adds ALL and SYS_PTRACE in a Deployment',
      objects: podOf(adds('ALL', 'SYS_PTRACE'), 'Deployment'),
      violations: [
        { path: `${SPEC_PATH.Deployment}.containers[0].securityContext.capabilities.add[0]`, message: 'adds ALL' },
        { path: `${SPEC_PATH.Deployment}.containers[0].securityContext.capabilities.add[1]`, message: /SYS_PTRACE \(tracing/ },
      ],
    },
    { name: 'NET_ADMIN written as CAP_NET_ADMIN', objects: podOf(adds('CAP_NET_ADMIN')), violations: [{ path: 'spec.containers[0].securityContext.capabilities.add[0]', message: 'NET_ADMIN' }] },
    {
      name: 'ephemeral debug container with SYS_PTRACE and an init container with BPF',
      objects: workload('Pod', {
        initContainers: [{ name: 'probe', image: 'bpf:1', securityContext: { capabilities: { add: ['BPF'] } } }],
        containers: [container()],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36', securityContext: { capabilities: { add: ['SYS_PTRACE'] } } }],
      }),
      violations: [{ path: 'spec.initContainers[0].securityContext.capabilities.add[0]' }, { path: 'spec.ephemeralContainers[0].securityContext.capabilities.add[0]' }],
    },
  ],
});

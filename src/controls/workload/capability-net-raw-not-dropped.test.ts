import control from './capability-net-raw-not-dropped.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

const caps = (capabilities: unknown) => ({ securityContext: { readOnlyRootFilesystem: true, capabilities } });

testControl(control, {
  valid: [
    { name: 'drops ALL', objects: podOf() },
    { name: 'drops NET_RAW', objects: podOf(caps({ drop: ['NET_RAW'] })) },
    { name: 'drops CAP_NET_RAW in lower case', objects: podOf(caps({ drop: ['cap_net_raw'] })) },
    { name: 'Windows pods have no Linux capabilities', objects: workload('Pod', { os: { name: 'windows' }, containers: [container({ securityContext: {} })] }) },
  ],
  invalid: [
    {
      name: 'no security context, in a Deployment',
      objects: podOf({ securityContext: undefined }, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].securityContext.capabilities.drop`, message: 'container "app" does not drop NET_RAW' }],
    },
    { name: 'drops other capabilities only', objects: podOf(caps({ drop: ['SYS_ADMIN'] })), violations: [{ path: 'spec.containers[0].securityContext.capabilities.drop' }] },
    { name: 'drops ALL but adds NET_RAW back', objects: podOf(caps({ drop: ['ALL'], add: ['NET_BIND_SERVICE', 'NET_RAW'] })), violations: [{ path: 'spec.containers[0].securityContext.capabilities.add[1]', message: 'adds NET_RAW' }] },
    {
      name: 'init and ephemeral containers of a Pod',
      objects: workload('Pod', { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container()], ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] }),
      violations: [{ path: 'spec.initContainers[0].securityContext.capabilities.drop' }, { path: 'spec.ephemeralContainers[0].securityContext.capabilities.drop' }],
    },
    { name: 'drop is a string, not a list', objects: podOf(caps({ drop: 'ALL' }), 'CronJob'), violations: [{ path: `${SPEC_PATH.CronJob}.containers[0].securityContext.capabilities.drop` }] },
    { name: 'non-string entries are ignored', objects: podOf(caps({ drop: [null, 5, { name: 'ALL' }] })), violations: [{ path: 'spec.containers[0].securityContext.capabilities.drop' }] },
  ],
});

import control from './pod-share-process-namespace.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'not set', objects: workload('Pod', { containers: [container()] }) },
    { name: 'explicitly false', objects: workload('Deployment', { shareProcessNamespace: false, containers: [container()] }) },
    { name: 'a string is not true', objects: workload('Pod', { shareProcessNamespace: 'true', containers: [container()] }) },
  ],
  invalid: [
    { name: 'shared in a Pod', objects: workload('Pod', { shareProcessNamespace: true, containers: [container()] }), violations: [{ path: 'spec.shareProcessNamespace', message: 'share one process namespace' }] },
    { name: 'shared in a CronJob', objects: workload('CronJob', { shareProcessNamespace: true, containers: [container()] }), violations: [{ path: `${SPEC_PATH.CronJob}.shareProcessNamespace` }] },
  ],
});

import control from './workload-default-service-account.js';
import { testControl } from '../testing.js';
import { container, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'dedicated service account', objects: workload('Deployment', { serviceAccountName: 'shop-app', containers: [container()] }) },
    { name: 'deprecated serviceAccount field', objects: workload('Pod', { serviceAccount: 'shop-app', containers: [container()] }) },
  ],
  invalid: [
    {
      name: 'none named, in a Deployment',
      objects: workload('Deployment', { containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Deployment}.serviceAccountName`, message: 'names no service account' }],
    },
    { name: 'default named, in a CronJob', objects: workload('CronJob', { serviceAccountName: 'default', containers: [container()] }), violations: [{ path: `${SPEC_PATH.CronJob}.serviceAccountName`, message: 'names the default' }] },
    { name: 'default through the deprecated field', objects: workload('Pod', { serviceAccount: 'default', containers: [container()] }), violations: [{ path: 'spec.serviceAccount' }] },
    { name: 'a name of the wrong type counts as none', objects: workload('Pod', { serviceAccountName: 7, containers: [container()] }), violations: [{ path: 'spec.serviceAccountName' }] },
  ],
});

import control from './as-env.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from '../workload/fixtures.js';

testControl(control, {
  valid: [
    { name: 'no env', objects: podOf() },
    { name: 'config from a ConfigMap', objects: podOf({ env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } }], envFrom: [{ configMapRef: { name: 'cfg' } }] }) },
    { name: 'secret mounted as a file', objects: workload('Pod', { containers: [container({ volumeMounts: [{ name: 'db', mountPath: '/secrets', readOnly: true }] })], volumes: [{ name: 'db', secret: { secretName: 'db' } }] }) },
    { name: 'malformed valueFrom and envFrom', objects: podOf({ env: [{ name: 'X', valueFrom: 'secret' }, null], envFrom: 'db' }) },
  ],
  invalid: [
    {
      name: 'secretKeyRef in a Deployment',
      objects: podOf({ env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].env[0].valueFrom.secretKeyRef`, message: 'container "app" receives key "password" of secret "db" as env DB_PASSWORD' }],
    },
    { name: 'envFrom secretRef', objects: podOf({ envFrom: [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'db' } }] }), violations: [{ path: 'spec.containers[0].envFrom[1].secretRef', message: 'every key of secret "db"' }] },
    {
      name: 'init container of a CronJob, with malformed names',
      objects: workload('CronJob', { initContainers: [{ name: 'init', image: 'app:1', env: [{ valueFrom: { secretKeyRef: { name: 5 } } }] }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.CronJob}.initContainers[0].env[0].valueFrom.secretKeyRef`, message: 'key "?" of secret "?"' }],
    },
  ],
});

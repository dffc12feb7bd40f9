import control from './namespace-missing.js';
import { testControl } from '../testing.js';
import { DENY_ALL, deployment, namespace, policy } from './testing.js';

testControl(control, {
  valid: [
    { name: 'namespace with a policy', objects: [namespace('shop'), deployment('web', 'shop'), policy(DENY_ALL)] },
    { name: 'namespace without workloads', objects: [namespace('empty'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'empty' } }] },
    { name: 'unset namespace on both', objects: [deployment('web'), policy(DENY_ALL, 'deny', null)] },
    { name: 'custom resources are no workloads', objects: { apiVersion: 'example.com/v1', kind: 'App', metadata: { name: 'a', namespace: 'x' }, spec: { template: { spec: {} } } } },
  ],
  invalid: [
    {
      name: 'reported on the Namespace object when scanned, else on the first workload',
      objects: [deployment('api', 'billing'), deployment('worker', 'billing'), namespace('shop'), deployment('web', 'shop'), policy(DENY_ALL, 'deny', 'other')],
      violations: [
        { path: 'metadata', subject: 'Deployment billing/api', message: 'namespace billing runs 2 workload(s) and has no NetworkPolicy' },
        { path: 'metadata', subject: 'Namespace shop', message: 'namespace shop runs 1' },
      ],
    },
    {
      name: 'a policy in the named namespace does not cover resources without one',
      objects: [deployment('web'), policy(DENY_ALL)],
      violations: [{ path: 'metadata', subject: 'Deployment web', message: 'the namespace of resources that name none' }],
    },
  ],
});

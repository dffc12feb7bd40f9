import control from './workload-default-namespace.js';
import { testControl } from '../testing.js';
import { container, workload } from './fixtures.js';

const inNamespace = (namespace: unknown) => workload('Deployment', { containers: [container()] }, { name: 'app', namespace });

testControl(control, {
  valid: [
    { name: 'dedicated namespace', objects: inNamespace('shop') },
    { name: 'no namespace: decided at apply time', objects: workload('Pod', { containers: [container()] }, { name: 'app' }) },
    { name: 'a ConfigMap in default is not a workload', objects: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } } },
    { name: 'malformed metadata', objects: 'apiVersion: v1\nkind: Pod\nmetadata: default\nspec: {containers: []}\n' },
  ],
  invalid: [
    { name: 'Deployment in default', objects: inNamespace('default'), violations: [{ path: 'metadata.namespace', message: 'default namespace' }] },
    { name: 'CronJob in default', objects: workload('CronJob', { containers: [container()] }, { name: 'report', namespace: 'default' }), violations: [{ path: 'metadata.namespace' }] },
  ],
});

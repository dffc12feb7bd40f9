import control from './resources-missing-ephemeral-storage.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'ephemeral-storage limit set', objects: podOf() },
    { name: 'pod-level limit', objects: workload('Deployment', { resources: { limits: { 'ephemeral-storage': '2Gi' } }, containers: [container({ resources: {} })] }) },
  ],
  invalid: [
    {
      name: 'cpu and memory limits only, in a DaemonSet',
      objects: podOf({ resources: { limits: { cpu: '1', memory: '1Gi' } } }, 'DaemonSet'),
      violations: [{ path: `${SPEC_PATH.DaemonSet}.containers[0].resources.limits.ephemeral-storage`, message: 'container "app"' }],
    },
    {
      name: 'init container of a Job',
      objects: workload('Job', { initContainers: [{ name: 'fetch', image: 'curl:8' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Job}.initContainers[0].resources.limits.ephemeral-storage` }],
    },
    { name: 'limits is a list', objects: podOf({ resources: { limits: [] } }), violations: [{ path: 'spec.containers[0].resources.limits.ephemeral-storage' }] },
  ],
});

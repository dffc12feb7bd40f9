import control from './resources-missing-requests.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'cpu and memory requests', objects: podOf() },
    { name: 'limits only: Kubernetes copies them into requests', objects: podOf({ resources: { limits: { cpu: '1', memory: '1Gi' } } }) },
    { name: 'pod-level requests', objects: workload('Job', { resources: { requests: { cpu: '1', memory: '1Gi' } }, containers: [container({ resources: null })] }) },
  ],
  invalid: [
    {
      name: 'no resources in a Pod',
      objects: podOf({ resources: {} }),
      violations: [
        { path: 'spec.containers[0].resources.requests.cpu', message: 'container "app" has no cpu request' },
        { path: 'spec.containers[0].resources.requests.memory', message: 'no memory request' },
      ],
    },
    {
      name: 'memory limit but no cpu request or limit, in a Deployment',
      objects: podOf({ resources: { limits: { memory: '1Gi' } } }, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].resources.requests.cpu` }],
    },
    {
      name: 'init container without requests',
      objects: workload('StatefulSet', { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.StatefulSet}.initContainers[0].resources.requests.cpu` }, { path: `${SPEC_PATH.StatefulSet}.initContainers[0].resources.requests.memory` }],
    },
    {
      name: 'requests of the wrong type do not crash',
      objects: podOf({ resources: { requests: 'lots', limits: 7 } }, 'CronJob'),
      violations: [{ path: `${SPEC_PATH.CronJob}.containers[0].resources.requests.cpu` }, { path: `${SPEC_PATH.CronJob}.containers[0].resources.requests.memory` }],
    },
  ],
});

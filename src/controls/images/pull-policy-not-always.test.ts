import control from './pull-policy-not-always.js';
import { testControl } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from '../workload/fixtures.js';

testControl(control, {
  valid: [
    { name: 'pinned image, cached policy', objects: podOf({ imagePullPolicy: 'IfNotPresent' }) },
    { name: 'floating image, policy left to the default (Always)', objects: podOf({ image: 'nginx' }) },
    { name: 'floating image, Always', objects: podOf({ image: 'nginx:latest', imagePullPolicy: 'Always' }) },
    { name: 'latest pinned by digest', objects: podOf({ image: 'nginx:latest@sha256:0f4a2f1e44d5a7c5b7f1d1a9d8a7b7c8e0f0a1b2c3d4e5f60718293a4b5c6d7e', imagePullPolicy: 'Never' }) },
    { name: 'policy of the wrong type', objects: podOf({ image: 'nginx', imagePullPolicy: false }) },
  ],
  invalid: [
    { name: 'latest with IfNotPresent in a Deployment', objects: podOf({ image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }, 'Deployment'), violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].imagePullPolicy`, message: 'container "app" caches the floating image nginx:latest (IfNotPresent)' }] },
    { name: 'no tag with Never', objects: podOf({ image: 'localhost:5000/app', imagePullPolicy: 'Never' }), violations: [{ path: 'spec.containers[0].imagePullPolicy' }] },
    {
      name: 'init container of a Job',
      objects: workload('Job', { initContainers: [{ name: 'init', image: 'busybox', imagePullPolicy: 'IfNotPresent' }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Job}.initContainers[0].imagePullPolicy` }],
    },
  ],
});

import control from './mutable-tag.js';
import { testControl } from '../testing.js';

const pod = (image: string) => `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
    - name: web
      image: ${image}
`;

testControl(control, {
  valid: [
    { name: 'version tag', objects: pod('nginx:1.27.2') },
    { name: 'digest without tag', objects: pod('nginx@sha256:0f4a2f1e44d5a7c5b7f1d1a9d8a7b7c8e0f0a1b2c3d4e5f60718293a4b5c6d7e') },
    { name: 'latest tag but pinned by digest', objects: pod('nginx:latest@sha256:0f4a2f1e44d5a7c5b7f1d1a9d8a7b7c8e0f0a1b2c3d4e5f60718293a4b5c6d7e') },
    { name: 'registry with port and tag', objects: pod('localhost:5000/app:2.0') },
    { name: 'not a workload', objects: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } },
  ],
  invalid: [
    { name: 'no tag', objects: pod('nginx'), violations: [{ path: 'spec.containers[0].image', message: 'no tag' }] },
    { name: 'latest', objects: pod('ghcr.io/org/app:latest'), violations: [{ path: 'spec.containers[0].image', message: 'latest' }] },
    { name: 'registry port but no tag', objects: pod('localhost:5000/app'), violations: [{ path: 'spec.containers[0].image' }] },
    {
      name: 'init container in a CronJob',
      objects: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: init, image: "busybox"}]
          containers: [{name: main, image: "busybox:1.36"}]
`,
      violations: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image' }],
    },
  ],
});

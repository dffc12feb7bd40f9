import control from './host-path-volumes.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const app = [container('app')];

testControl(control, {
  valid: [
    { name: 'emptyDir and configMap', objects: pod({ containers: app, volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c' } }] }) },
    { name: 'hostPath null', objects: pod({ containers: app, volumes: [{ name: 'x', hostPath: null }] }) },
    { name: 'volumes not a list', objects: pod({ containers: app, volumes: { name: 'x', hostPath: { path: '/' } } }) },
  ],
  invalid: [
    {
      name: 'hostPath on the second volume',
      objects: pod({ containers: app, volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'docker', hostPath: { path: '/var/run/docker.sock' } }] }),
      violations: [{ path: 'spec.volumes[1].hostPath', message: 'hostPath volumes: volume "docker" must not use hostPath' }],
    },
    {
      name: 'Deployment at v1.0',
      objects: deployment({ containers: app, volumes: [{ name: 'root', hostPath: { path: '/' } }] }),
      options: { pssVersion: { minor: 0 } },
      violations: [{ path: 'spec.template.spec.volumes[0].hostPath' }],
    },
  ],
});

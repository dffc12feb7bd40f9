import control from './host-ports.js';
import { testControl } from '../testing.js';
import { container, deployment, pod } from './test-objects.js';

const withPorts = (ports: unknown) => [container('app', undefined, { ports })];

testControl(control, {
  valid: [
    { name: 'container port only', objects: pod({ containers: withPorts([{ containerPort: 8080 }]) }) },
    { name: 'hostPort 0', objects: pod({ containers: withPorts([{ containerPort: 8080, hostPort: 0 }]) }) },
    { name: 'ports not a list', objects: pod({ containers: withPorts({ hostPort: 80 }) }) },
  ],
  invalid: [
    {
      name: 'one violation per host port',
      objects: pod({ containers: withPorts([{ containerPort: 80, hostPort: 80 }, { containerPort: 8080 }, { containerPort: 443, hostPort: 443 }]) }),
      violations: [
        { path: 'spec.containers[0].ports[0].hostPort', message: 'hostPort: container "app" uses hostPort 80' },
        { path: 'spec.containers[0].ports[2].hostPort', message: 'hostPort 443' },
      ],
    },
    {
      name: 'init and ephemeral containers in a Deployment',
      objects: deployment({
        initContainers: [container('init', undefined, { ports: [{ hostPort: 9000 }] })],
        containers: [container('app')],
        ephemeralContainers: [container('debug', undefined, { ports: [{ hostPort: 9001 }] })],
      }),
      violations: [{ path: 'spec.template.spec.initContainers[0].ports[0].hostPort' }, { path: 'spec.template.spec.ephemeralContainers[0].ports[0].hostPort' }],
    },
  ],
});

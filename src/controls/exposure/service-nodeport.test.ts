import control from './service-nodeport.js';
import { testControl } from '../testing.js';
import { MALFORMED_SERVICES, NOT_A_SERVICE, PORTS, service } from './testing.js';

testControl(control, {
  valid: [
    { name: 'ClusterIP', objects: service({ type: 'ClusterIP', ports: PORTS }) },
    { name: 'type absent defaults to ClusterIP', objects: service({ ports: PORTS }) },
    { name: 'LoadBalancer is another control\'s concern', objects: service({ type: 'LoadBalancer', ports: PORTS }) },
    { name: 'other kinds', objects: NOT_A_SERVICE },
    { name: 'malformed', objects: MALFORMED_SERVICES },
  ],
  invalid: [
    {
      name: 'NodePort with a fixed port',
      objects: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }, { port: 53, protocol: 'UDP' }] }),
      violations: [{ path: 'spec.type', message: 'ports 80/TCP -> 30080, 53/UDP' }],
    },
    { name: 'NodePort with malformed ports', objects: service({ type: 'NodePort', ports: [null, 'x'] }), violations: [{ path: 'spec.type' }] },
  ],
});

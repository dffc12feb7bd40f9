import control from './service-external-ips.js';
import { testControl } from '../testing.js';
import { MALFORMED_SERVICES, NOT_A_SERVICE, PORTS, service } from './testing.js';

testControl(control, {
  valid: [
    { name: 'no external IPs', objects: service({ ports: PORTS }) },
    { name: 'empty list', objects: service({ ports: PORTS, externalIPs: [] }) },
    { name: 'other kinds', objects: NOT_A_SERVICE },
    { name: 'malformed', objects: MALFORMED_SERVICES },
  ],
  invalid: [
    {
      name: 'an external IP',
      objects: service({ ports: PORTS, externalIPs: ['192.0.2.10'] }),
      violations: [{ path: 'spec.externalIPs', message: 'claims external IPs 192.0.2.10' }],
    },
  ],
});

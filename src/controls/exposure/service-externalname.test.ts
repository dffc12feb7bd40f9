import control from './service-externalname.js';
import { testControl } from '../testing.js';
import { MALFORMED_SERVICES, NOT_A_SERVICE, service } from './testing.js';

const alias = (externalName: string) => service({ type: 'ExternalName', externalName });

testControl(control, {
  valid: [
    { name: 'external DNS name', objects: alias('db.example.com') },
    { name: 'a name merely containing svc', objects: alias('svc.example.com') },
    { name: 'ClusterIP with an externalName left over', objects: service({ type: 'ClusterIP', externalName: 'localhost' }) },
    { name: 'other kinds', objects: NOT_A_SERVICE },
    { name: 'malformed', objects: MALFORMED_SERVICES },
  ],
  invalid: [
    { name: 'loopback', objects: alias('localhost'), violations: [{ path: 'spec.externalName', message: 'loopback' }] },
    { name: 'IP address', objects: alias('169.254.169.254'), violations: [{ path: 'spec.externalName', message: 'an IP address' }] },
    { name: 'IPv6 address', objects: alias('::1'), violations: [{ path: 'spec.externalName', message: 'an IP address' }] },
    {
      name: 'Service of another namespace',
      objects: alias('billing.payments.svc.cluster.local.'),
      violations: [{ path: 'spec.externalName', message: 'another Service inside the cluster' }],
    },
  ],
});

import control from './allow-all-egress.js';
import { testControl } from '../testing.js';
import { DENY_ALL, MALFORMED_POLICIES, NOT_A_POLICY, policy } from './testing.js';

testControl(control, {
  valid: [
    { name: 'deny all', objects: policy(DENY_ALL) },
    { name: 'DNS only', objects: policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 53, protocol: 'UDP' }] }] }) },
    { name: 'world range except metadata', objects: policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }] }] }) },
    { name: 'egress rules ignored when policyTypes leaves Egress out', objects: policy({ podSelector: {}, policyTypes: ['Ingress'], egress: [{}] }) },
    { name: 'other policy kinds', objects: NOT_A_POLICY },
    { name: 'malformed', objects: MALFORMED_POLICIES },
  ],
  invalid: [
    {
      name: 'egress section without policyTypes counts as Egress',
      objects: policy({ podSelector: {}, egress: [{}] }),
      violations: [{ path: 'spec.egress[0]', message: 'every destination on every port' }],
    },
    {
      name: 'internet on a port range',
      objects: policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8000, endPort: 9000 }] }] }),
      violations: [{ path: 'spec.egress[0].to[0].ipBlock.cidr', message: 'on port 8000-9000/TCP' }],
    },
  ],
});

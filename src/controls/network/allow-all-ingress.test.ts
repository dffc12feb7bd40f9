import control from './allow-all-ingress.js';
import { testControl } from '../testing.js';
import { DENY_ALL, MALFORMED_POLICIES, NOT_A_POLICY, policy } from './testing.js';

testControl(control, {
  valid: [
    { name: 'deny all', objects: policy(DENY_ALL) },
    { name: 'from pods of the namespace', objects: policy({ podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }] }) },
    { name: 'every source on one port only', objects: policy({ podSelector: {}, ingress: [{ ports: [{ port: 443 }] }] }) },
    { name: 'world range with an exception', objects: policy({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] }) },
    { name: 'ingress rules of an egress-only policy are ignored', objects: policy({ podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }) },
    { name: 'other policy kinds', objects: NOT_A_POLICY },
    { name: 'malformed', objects: MALFORMED_POLICIES },
  ],
  invalid: [
    { name: 'empty rule', objects: policy({ podSelector: {}, ingress: [{}] }), violations: [{ path: 'spec.ingress[0]', message: 'every source on every port' }] },
    { name: 'empty from and ports lists', objects: policy({ podSelector: {}, ingress: [{ from: [], ports: [] }] }), violations: [{ path: 'spec.ingress[0]' }] },
    {
      name: 'world ranges of both families',
      objects: policy({
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: {} }] }, { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0', except: [] } }], ports: [{ port: 443, protocol: 'TCP' }] }],
      }),
      violations: [
        { path: 'spec.ingress[1].from[0].ipBlock.cidr', message: 'every address (0.0.0.0/0) on port 443/TCP' },
        { path: 'spec.ingress[1].from[1].ipBlock.cidr', message: '::/0' },
      ],
    },
  ],
});

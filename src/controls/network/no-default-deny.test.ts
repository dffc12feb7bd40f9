import control from './no-default-deny.js';
import { testControl } from '../testing.js';
import { DENY_ALL, deployment, namespace, policy } from './testing.js';

const allowWeb = { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }] };

testControl(control, {
  valid: [
    { name: 'deny all in both directions', objects: [deployment('web', 'shop'), policy(DENY_ALL), policy(allowWeb, 'allow-web')] },
    {
      name: 'two policies, one per direction, with narrow rules',
      objects: [
        deployment('web', 'shop'),
        policy({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'shop' } } }] }] }, 'ingress'),
        policy({ policyTypes: ['Egress'] }, 'egress'),
      ],
    },
    { name: 'no policies at all is netpol-namespace-missing\'s finding', objects: [deployment('web', 'shop')] },
    { name: 'policies without workloads', objects: [policy(allowWeb)] },
  ],
  invalid: [
    {
      name: 'only pod-specific policies',
      objects: [namespace('shop'), deployment('web', 'shop'), policy(allowWeb)],
      violations: [
        { path: 'metadata', subject: 'Namespace shop', message: 'no default-deny Ingress policy' },
        { path: 'metadata', subject: 'Namespace shop', message: 'no default-deny Egress policy' },
      ],
    },
    {
      name: 'empty selector that allows everything back is no deny',
      objects: [deployment('web', 'shop'), policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}] }, 'open')],
      violations: [{ path: 'metadata', subject: 'NetworkPolicy shop/open', message: 'Ingress' }],
    },
    {
      name: 'malformed policies deny nothing',
      objects: [deployment('web', 'shop'), policy('deny', 'a'), policy({ podSelector: 'all', policyTypes: ['Ingress', 'Egress'] }, 'b')],
      violations: [{ path: 'metadata', message: 'Ingress' }, { path: 'metadata', message: 'Egress' }],
    },
  ],
});

import control from './service-loadbalancer-public.js';
import { testControl } from '../testing.js';
import { MALFORMED_SERVICES, NOT_A_SERVICE, PORTS, service } from './testing.js';

testControl(control, {
  valid: [
    { name: 'restricted ranges', objects: service({ type: 'LoadBalancer', ports: PORTS, loadBalancerSourceRanges: ['203.0.113.0/24'] }) },
    { name: 'internal on AWS', objects: service({ type: 'LoadBalancer' }, { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }) },
    { name: 'internal on Azure', objects: service({ type: 'LoadBalancer' }, { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }) },
    { name: 'NodePort', objects: service({ type: 'NodePort' }) },
    { name: 'other kinds', objects: NOT_A_SERVICE },
    { name: 'malformed', objects: MALFORMED_SERVICES },
  ],
  invalid: [
    { name: 'no source ranges', objects: service({ type: 'LoadBalancer', ports: PORTS }), violations: [{ path: 'spec.type', message: 'open to any address' }] },
    {
      name: 'world ranges in spec',
      objects: service({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', '0.0.0.0/0', '::/0'] }),
      violations: [
        { path: 'spec.loadBalancerSourceRanges[1]', message: '0.0.0.0/0 admits any address' },
        { path: 'spec.loadBalancerSourceRanges[2]', message: '::/0' },
      ],
    },
    {
      name: 'world range in the annotation',
      objects: service({ type: 'LoadBalancer' }, { 'service.beta.kubernetes.io/load-balancer-source-ranges': '0.0.0.0/0' }),
      violations: [{ path: 'metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]' }],
    },
    {
      name: 'source ranges of the wrong type count as none',
      objects: service({ type: 'LoadBalancer', loadBalancerSourceRanges: '203.0.113.0/24' }),
      violations: [{ path: 'spec.type' }],
    },
  ],
});

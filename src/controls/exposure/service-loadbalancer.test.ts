import control from './service-loadbalancer.js';
import { testControl } from '../testing.js';
import { MALFORMED_SERVICES, NOT_A_SERVICE, PORTS, service } from './testing.js';

testControl(control, {
  valid: [
    { name: 'ClusterIP', objects: service({ ports: PORTS }) },
    { name: 'open load balancer is reported by service-loadbalancer-public', objects: service({ type: 'LoadBalancer', ports: PORTS }) },
    { name: 'a world range among others', objects: service({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', '::/0'] }) },
    {
      name: 'internal load balancer on GKE',
      objects: service({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] }, { 'networking.gke.io/load-balancer-type': 'Internal' }),
    },
    { name: 'other kinds', objects: NOT_A_SERVICE },
    { name: 'malformed', objects: MALFORMED_SERVICES },
  ],
  invalid: [
    {
      name: 'restricted by spec',
      objects: service({ type: 'LoadBalancer', ports: PORTS, loadBalancerSourceRanges: ['203.0.113.0/24', 7] }),
      violations: [{ path: 'spec.type', message: 'outside the cluster to 203.0.113.0/24' }],
    },
    {
      name: 'restricted by annotation',
      objects: service({ type: 'LoadBalancer' }, { 'service.beta.kubernetes.io/load-balancer-source-ranges': '198.51.100.0/24, 203.0.113.7/32' }),
      violations: [{ path: 'spec.type', message: '198.51.100.0/24, 203.0.113.7/32' }],
    },
    {
      name: 'annotation saying false is not internal',
      objects: service({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] }, { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' }),
      violations: [{ path: 'spec.type' }],
    },
  ],
});

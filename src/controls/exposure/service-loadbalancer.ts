import { defineControl } from '../types.js';
import { externalLoadBalancerRanges, isWorldRange } from './service.js';

export default defineControl(
  {
    id: 'service-loadbalancer',
    title: 'Service exposed through an external load balancer',
    severity: 'low',
    category: 'Exposure',
    description:
      'Flags Services of type LoadBalancer that get an external address but restrict clients by source ranges; open ones are reported by service-loadbalancer-public instead.',
    rationale:
      'Every external load balancer is an entry point from outside the cluster; even restricted ones belong in a reviewed inventory of exposure, and their ranges drift.',
    remediation:
      'Confirm the exposure is intended and the ranges are current; publish HTTP services through a shared Ingress or Gateway, or make the load balancer internal with your cloud provider\'s annotation.',
    frameworks: [
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1190' },
    ],
    appliesTo: ['Service'],
  },
  (object) => {
    const ranges = externalLoadBalancerRanges(object);
    if (!ranges || ranges.length === 0 || ranges.some(({ cidr }) => isWorldRange(cidr))) return [];
    const cidrs = ranges.map(({ cidr }) => cidr);
    return [
      {
        path: ['spec', 'type'],
        message: `Service is exposed outside the cluster to ${cidrs.join(', ')}`,
        found: { type: 'LoadBalancer', sourceRanges: cidrs },
        expected: 'a reviewed exposure: an internal load balancer, or ClusterIP behind an Ingress or Gateway',
      },
    ];
  },
);

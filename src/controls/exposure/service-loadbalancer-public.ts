import { defineControl } from '../types.js';
import { externalLoadBalancerRanges, isWorldRange, SOURCE_RANGES_ANNOTATION } from './service.js';

export default defineControl(
  {
    id: 'service-loadbalancer-public',
    title: 'Load balancer open to any address',
    severity: 'high',
    category: 'Exposure',
    description:
      'Flags Services of type LoadBalancer without an internal-load-balancer annotation whose clients are not restricted (no loadBalancerSourceRanges, or a range of 0.0.0.0/0 or ::/0).',
    rationale:
      'An unrestricted external load balancer publishes the workload to the whole internet, where it is scanned within minutes; any weakness of the service or its dependencies becomes remotely exploitable.',
    remediation: `Set \`spec.loadBalancerSourceRanges\` (or the \`${SOURCE_RANGES_ANNOTATION}\` annotation) to the client networks that need access, or make the load balancer internal.`,
    frameworks: [
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1190' },
    ],
    appliesTo: ['Service'],
  },
  (object) => {
    const ranges = externalLoadBalancerRanges(object);
    if (!ranges) return [];
    const expected = 'loadBalancerSourceRanges limited to the client networks';
    if (ranges.length === 0) {
      return [{ path: ['spec', 'type'], message: 'Service gets an external load balancer open to any address', found: { type: 'LoadBalancer', sourceRanges: [] }, expected }];
    }
    return ranges
      .filter(({ cidr }) => isWorldRange(cidr))
      .map(({ cidr, path }) => ({ path, message: `load balancer source range ${cidr} admits any address`, found: cidr, expected }));
  },
);

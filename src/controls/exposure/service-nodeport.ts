import { defineControl } from '../types.js';
import { describePorts, serviceSpec, serviceType } from './service.js';

export default defineControl(
  {
    id: 'service-nodeport',
    title: 'Service opens a port on every node',
    severity: 'medium',
    category: 'Exposure',
    description: 'Flags Services of type NodePort.',
    rationale:
      'A NodePort listens on every node\'s addresses, outside NetworkPolicy-aware ingress paths and often past the firewall rules meant for the load balancer, so the workload is reachable by anything that reaches a node.',
    remediation:
      'Use `type: ClusterIP` and publish through an Ingress or Gateway, or `type: LoadBalancer` with `loadBalancerSourceRanges`; if a NodePort is unavoidable, firewall the node port range.',
    frameworks: [
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1190' },
    ],
    appliesTo: ['Service'],
  },
  (object) => {
    const spec = serviceSpec(object);
    if (!spec || serviceType(spec) !== 'NodePort') return [];
    const ports = describePorts(spec);
    return [
      {
        path: ['spec', 'type'],
        message: `Service is reachable on every node's address${ports.length > 0 ? ` (ports ${ports.join(', ')})` : ''}`,
        found: 'NodePort',
        expected: 'ClusterIP behind an Ingress or Gateway, or a LoadBalancer restricted by source ranges',
      },
    ];
  },
);

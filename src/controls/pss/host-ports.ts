/**
 * HostPort should be disallowed entirely (or restricted to a known list).
 *
 * Restricted fields: spec.containers[*].ports[*].hostPort (and initContainers, ephemeralContainers)
 * Allowed values: undefined/null, 0
 */
import { isRecord, list } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerLabel, type PssPod } from './pod.js';

function hostPorts_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { container, path } of pod.containers) {
    list(container.ports).forEach((port, index) => {
      if (!isRecord(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) return;
      violations.push({
        path: [...path, 'ports', index, 'hostPort'],
        message: `hostPort: ${containerLabel(container)} uses hostPort ${port.hostPort}`,
        found: port.hostPort,
        expected: 'undefined or 0',
      });
    });
  }
  return violations;
}

export default definePssControl(
  {
    id: 'pss-host-ports',
    title: 'Container binds a host port',
    severity: 'medium',
    description: 'Flags container ports that set a non-zero hostPort.',
    rationale:
      "A hostPort opens the port on the node's own address, bypassing Services and most NetworkPolicy implementations, and ties the pod to nodes where the port is free.",
    remediation: 'Remove hostPort and expose the container port through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
    frameworks: [
      { framework: 'cis', id: '5.2.12' },
      { framework: 'nsa', id: 'pod-security' },
    ],
  },
  { check: 'hostPorts', level: 'baseline', versions: [{ minimum: 0, check: hostPorts_1_0 }] },
);

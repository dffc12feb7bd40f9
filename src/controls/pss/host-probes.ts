/**
 * The host field of probes and lifecycle handlers is restricted: set, it makes the kubelet connect to an arbitrary
 * address on the pod's behalf.
 *
 * Restricted fields (containers, initContainers and ephemeralContainers):
 *   livenessProbe, readinessProbe, startupProbe: .httpGet.host, .tcpSocket.host
 *   lifecycle.postStart, lifecycle.preStop: .httpGet.host, .tcpSocket.host
 * Allowed values: "", undefined/null
 */
import { isRecord, record } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerLabel, isUnset, type PssPod } from './pod.js';

const HANDLERS: readonly FieldPath[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

function hostProbesAndHostLifecycle_1_34(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { container, path } of pod.containers) {
    for (const handlerPath of HANDLERS) {
      let handler: unknown = container;
      for (const key of handlerPath) handler = isRecord(handler) ? handler[key] : undefined;
      for (const action of ['httpGet', 'tcpSocket'] as const) {
        const host = record(record(handler)?.[action])?.host;
        if (isUnset(host) || host === '') continue;
        violations.push({
          path: [...path, ...handlerPath, action, 'host'],
          message: `probe or lifecycle host: ${containerLabel(container)} uses probe or lifecycle host ${JSON.stringify(host)}`,
          found: host,
          expected: 'undefined or empty (the pod IP)',
        });
      }
    }
  }
  return violations;
}

export default definePssControl(
  {
    id: 'pss-host-probes',
    title: 'Probe or lifecycle handler targets another host',
    severity: 'medium',
    description: 'Flags httpGet and tcpSocket probes and lifecycle handlers that set host.',
    rationale:
      "The kubelet runs probes and lifecycle hooks from the node. A host field points those requests at any address the node can reach (cloud metadata, node-local services, other tenants), a server-side request forgery through the kubelet.",
    remediation: 'Remove host from the probe or handler so the kubelet targets the pod IP; probe other services from inside the container instead.',
    frameworks: [{ framework: 'nsa', id: 'pod-security' }],
  },
  {
    check: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    versions: [{ minimum: 34, check: hostProbesAndHostLifecycle_1_34 }],
  },
);

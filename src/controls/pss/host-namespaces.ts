/**
 * Sharing the host namespaces must be disallowed.
 *
 * Restricted fields: spec.hostNetwork, spec.hostPID, spec.hostIPC
 * Allowed values: undefined/null, false
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import type { PssPod } from './pod.js';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

function hostNamespaces_1_0(pod: PssPod): Violation[] {
  return HOST_NAMESPACES.filter((field) => pod.spec[field] === true).map((field) => ({
    path: [...pod.specPath, field],
    message: `host namespaces: pod must not set ${field}=true`,
    found: true,
    expected: 'undefined or false',
  }));
}

export default definePssControl(
  {
    id: 'pss-host-namespaces',
    title: 'Pod shares the host network, PID or IPC namespace',
    severity: 'high',
    description: 'Flags pods that set hostNetwork, hostPID or hostIPC to true.',
    rationale:
      "A pod in the host's network namespace can sniff node traffic and reach services bound to localhost; in the host PID namespace it can see, signal and ptrace every process on the node; in the host IPC namespace it can read shared memory of other workloads. Each is a short step to escaping the container.",
    remediation: 'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false); expose ports through a Service instead of the host network.',
    frameworks: [
      { framework: 'cis', id: '5.2.3' },
      { framework: 'cis', id: '5.2.4' },
      { framework: 'cis', id: '5.2.5' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'hostNamespaces', level: 'baseline', versions: [{ minimum: 0, check: hostNamespaces_1_0 }] },
);

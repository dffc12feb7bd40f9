/**
 * Privilege escalation (such as via set-user-ID or set-group-ID file mode) must not be allowed.
 *
 * Restricted fields: spec.containers[*].securityContext.allowPrivilegeEscalation (and initContainers,
 * ephemeralContainers)
 * Allowed values: false (it must be set). From v1.25 pods with spec.os.name: windows are exempt.
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, isWindowsPod, type PssPod } from './pod.js';

function allowPrivilegeEscalation_1_8(pod: PssPod): Violation[] {
  return containerSecurityContexts(pod)
    .filter(({ context }) => context?.allowPrivilegeEscalation !== false)
    .map(({ who, context, path }) => ({
      path: [...path, 'allowPrivilegeEscalation'],
      message: `allowPrivilegeEscalation != false: ${who} must set securityContext.allowPrivilegeEscalation=false`,
      found: context?.allowPrivilegeEscalation ?? null,
      expected: 'false',
    }));
}

function allowPrivilegeEscalation_1_25(pod: PssPod): Violation[] {
  // Windows has no setuid escalation, and API validation rejects the field on Windows pods.
  return isWindowsPod(pod) ? [] : allowPrivilegeEscalation_1_8(pod);
}

export default definePssControl(
  {
    id: 'pss-allow-privilege-escalation',
    title: 'Container may gain more privileges than its parent',
    severity: 'medium',
    description: 'Flags containers that do not set securityContext.allowPrivilegeEscalation to false.',
    rationale:
      'Unless no_new_privs is set, a process can gain privileges through setuid/setgid binaries or file capabilities, turning any such binary in the image into a path to root.',
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.',
    frameworks: [
      { framework: 'cis', id: '5.2.6' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1548' },
    ],
  },
  {
    check: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { minimum: 8, check: allowPrivilegeEscalation_1_8 },
      { minimum: 25, check: allowPrivilegeEscalation_1_25 },
    ],
  },
);

/**
 * Privileged pods disable most security mechanisms and must be disallowed.
 *
 * Restricted fields: spec.containers[*].securityContext.privileged, spec.initContainers[*].securityContext.privileged,
 * spec.ephemeralContainers[*].securityContext.privileged
 * Allowed values: false, undefined/null
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, type PssPod } from './pod.js';

function privileged_1_0(pod: PssPod): Violation[] {
  return containerSecurityContexts(pod)
    .filter(({ context }) => context?.privileged === true)
    .map(({ who, path }) => ({
      path: [...path, 'privileged'],
      message: `privileged: ${who} must not set securityContext.privileged=true`,
      found: true,
      expected: 'undefined or false',
    }));
}

export default definePssControl(
  {
    id: 'pss-privileged',
    title: 'Privileged container',
    severity: 'critical',
    description: 'Flags containers that set securityContext.privileged to true.',
    rationale:
      'A privileged container runs with every capability, every host device and no seccomp or AppArmor confinement: root in it is root on the node, and mounting the host disk or loading a kernel module takes one command.',
    remediation: 'Remove securityContext.privileged (or set it to false); grant only the specific capabilities the process needs.',
    frameworks: [
      { framework: 'cis', id: '5.2.2' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'privileged', level: 'baseline', versions: [{ minimum: 0, check: privileged_1_0 }] },
);

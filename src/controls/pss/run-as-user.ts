/**
 * Containers must not set runAsUser: 0.
 *
 * Restricted fields: spec.securityContext.runAsUser, spec.containers[*].securityContext.runAsUser (and
 * initContainers, ephemeralContainers)
 * Allowed values: non-zero values, undefined/null. From v1.35 any value when spec.hostUsers is false.
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { securityContextSetters, usesUserNamespace, type PssPod } from './pod.js';

function runAsUser_1_23(pod: PssPod): Violation[] {
  return securityContextSetters(pod)
    .filter(({ context }) => context?.runAsUser === 0)
    .map(({ who, path }) => ({
      path: [...path, 'runAsUser'],
      message: `runAsUser=0: ${who} must not set runAsUser=0`,
      found: 0,
      expected: 'a non-zero user id, or unset',
    }));
}

function runAsUser_1_35(pod: PssPod): Violation[] {
  return usesUserNamespace(pod) ? [] : runAsUser_1_23(pod);
}

export default definePssControl(
  {
    id: 'pss-run-as-user',
    title: 'Container runs as user 0',
    severity: 'high',
    description: 'Flags pods and containers that explicitly set runAsUser: 0.',
    rationale:
      'An explicit runAsUser: 0 runs the process as root whatever the image says, with all the reach root has over a shared kernel.',
    remediation: 'Set runAsUser to a non-zero id (for example 10001) or remove it and run an image whose USER is not root.',
    frameworks: [
      { framework: 'cis', id: '5.2.7' },
      { framework: 'nsa', id: 'non-root' },
    ],
  },
  {
    check: 'runAsUser',
    level: 'restricted',
    versions: [
      { minimum: 23, check: runAsUser_1_23 },
      { minimum: 35, check: runAsUser_1_35 },
    ],
  },
);

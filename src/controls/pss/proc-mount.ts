/**
 * The default /proc masks reduce the attack surface and are required, unless (from v1.35) the pod runs in a user
 * namespace (spec.hostUsers: false), where the unmasked /proc belongs to that namespace.
 *
 * Restricted fields: spec.containers[*].securityContext.procMount (and initContainers, ephemeralContainers)
 * Allowed values: undefined/null, 'Default'; from v1.35 any value when spec.hostUsers is false
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, isUnset, usesUserNamespace, type PssPod } from './pod.js';

/** Every container that sets a procMount other than Default; shared with the restricted check. */
export function procMountDefault(pod: PssPod): Violation[] {
  return containerSecurityContexts(pod)
    .filter(({ context }) => !isUnset(context?.procMount) && context?.procMount !== 'Default')
    .map(({ who, context, path }) => ({
      path: [...path, 'procMount'],
      message: `procMount: ${who} must not set securityContext.procMount=${JSON.stringify(context?.procMount)}`,
      found: context?.procMount,
      expected: 'undefined or Default',
    }));
}

function procMount_1_35(pod: PssPod): Violation[] {
  return usesUserNamespace(pod) ? [] : procMountDefault(pod);
}

export default definePssControl(
  {
    id: 'pss-proc-mount',
    title: 'Container unmasks /proc',
    severity: 'medium',
    description: 'Flags containers that set securityContext.procMount to anything but Default, unless the pod runs in a user namespace (from v1.35).',
    rationale:
      'The masked and read-only /proc paths hide kernel interfaces (sysrq-trigger, kcore, timer lists) that leak host information or let a container affect the node. Unmasked exposes them all.',
    remediation: 'Remove securityContext.procMount or set it to Default; if an unmasked /proc is needed (nested containers), run the pod with hostUsers: false.',
    frameworks: [
      { framework: 'nsa', id: 'hardening-env' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  {
    check: 'procMount',
    level: 'baseline',
    versions: [
      // Before v1.35 the user-namespace relaxation hung on an alpha feature gate that was off almost everywhere.
      { minimum: 0, check: procMountDefault },
      { minimum: 35, check: procMount_1_35 },
    ],
  },
);

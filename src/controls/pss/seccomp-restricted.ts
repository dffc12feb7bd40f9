/**
 * Seccomp profiles must be specified, and only the runtime default and node-local profiles are allowed.
 *
 * Restricted fields: spec.securityContext.seccompProfile.type, spec.containers[*].securityContext.seccompProfile.type
 * (and initContainers, ephemeralContainers)
 * Allowed values: 'RuntimeDefault', 'Localhost'. Container-level fields may be undefined when the pod level is set.
 * From v1.25 pods with spec.os.name: windows are exempt.
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, isWindowsPod, type PssPod } from './pod.js';
import { explicitlyBadSeccomp, seccompProfileOf, validSeccompType } from './seccomp.js';

function seccompProfileRestricted_1_19(pod: PssPod): Violation[] {
  const violations = explicitlyBadSeccomp(pod);
  const podProfile = seccompProfileOf(pod.securityContext);
  if (podProfile && validSeccompType(podProfile.type)) return violations;
  for (const { who, context, path } of containerSecurityContexts(pod)) {
    if (seccompProfileOf(context)) continue;
    violations.push({
      path: [...path, 'seccompProfile', 'type'],
      message: `seccompProfile: pod or ${who} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      found: null,
      expected: 'RuntimeDefault or Localhost, here or on the pod',
    });
  }
  return violations;
}

function seccompProfileRestricted_1_25(pod: PssPod): Violation[] {
  // Windows has no seccomp, and API validation rejects the field on Windows pods.
  return isWindowsPod(pod) ? [] : seccompProfileRestricted_1_19(pod);
}

export default definePssControl(
  {
    id: 'pss-seccomp-restricted',
    title: 'Seccomp profile not set',
    severity: 'medium',
    description: 'Flags pods whose containers do not run under the RuntimeDefault or a Localhost seccomp profile, set on the pod or on each container.',
    rationale:
      'Without a seccomp profile most runtimes run containers unconfined: every system call, including those behind recent kernel privilege escalations, is reachable.',
    remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile on the nodes).',
    frameworks: [
      { framework: 'cis', id: '5.6.2' },
      { framework: 'nsa', id: 'hardening-env' },
    ],
  },
  {
    check: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minimum: 19, check: seccompProfileRestricted_1_19, overrides: ['pss-seccomp-baseline'] },
      { minimum: 25, check: seccompProfileRestricted_1_25, overrides: ['pss-seccomp-baseline'] },
    ],
  },
);

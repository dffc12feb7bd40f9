/** Seccomp vocabulary shared by the baseline and restricted seccomp checks. */
import { record, type SeccompProfile, type SecurityContext } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { securityContextSetters, type PssPod } from './pod.js';

export function validSeccompType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

/** The seccompProfile object a security context sets, when it sets one. */
export function seccompProfileOf(context: SecurityContext | undefined): SeccompProfile | undefined {
  return record<SeccompProfile>(context?.seccompProfile);
}

/** Every pod or container that sets a seccomp profile type other than RuntimeDefault or Localhost. */
export function explicitlyBadSeccomp(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { who, context, path } of securityContextSetters(pod)) {
    const profile = seccompProfileOf(context);
    if (!profile || validSeccompType(profile.type)) continue;
    violations.push({
      path: [...path, 'seccompProfile', 'type'],
      message: `seccompProfile: ${who} must not set securityContext.seccompProfile.type to ${JSON.stringify(profile.type ?? '')}`,
      found: profile.type ?? null,
      expected: 'RuntimeDefault or Localhost',
    });
  }
  return violations;
}

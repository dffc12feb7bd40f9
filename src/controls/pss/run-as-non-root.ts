/**
 * Containers must be required to run as non-root users.
 *
 * Restricted fields: spec.securityContext.runAsNonRoot, spec.containers[*].securityContext.runAsNonRoot (and
 * initContainers, ephemeralContainers)
 * Allowed values: true; undefined/null at container level when the pod level is true.
 * From v1.35 any value when spec.hostUsers is false (root in a user namespace is not root on the node).
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { containerSecurityContexts, usesUserNamespace, type PssPod } from './pod.js';

function runAsNonRoot_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  const podValue = pod.securityContext?.runAsNonRoot;
  if (podValue === false) {
    violations.push({
      path: [...pod.securityContextPath, 'runAsNonRoot'],
      message: 'runAsNonRoot != true: pod must not set securityContext.runAsNonRoot=false',
      found: false,
      expected: 'true',
    });
  }
  for (const { who, context, path } of containerSecurityContexts(pod)) {
    const value = context?.runAsNonRoot;
    if (value === true || (value !== false && podValue === true)) continue;
    violations.push({
      path: [...path, 'runAsNonRoot'],
      message:
        value === false
          ? `runAsNonRoot != true: ${who} must not set securityContext.runAsNonRoot=false`
          : `runAsNonRoot != true: pod or ${who} must set securityContext.runAsNonRoot=true`,
      found: value ?? null,
      expected: 'true, here or on the pod',
    });
  }
  return violations;
}

function runAsNonRoot_1_35(pod: PssPod): Violation[] {
  return usesUserNamespace(pod) ? [] : runAsNonRoot_1_0(pod);
}

export default definePssControl(
  {
    id: 'pss-run-as-non-root',
    title: 'Container may run as root',
    severity: 'medium',
    description: 'Flags pods and containers that do not require runAsNonRoot: true (set on the container or inherited from the pod).',
    rationale:
      'Root in a container is root on the node for every kernel interface the container can reach; a container breakout, a writable hostPath or a kernel bug then yields full node control.',
    remediation: 'Set spec.securityContext.runAsNonRoot: true (and a non-zero runAsUser), and build images that run as an unprivileged USER.',
    frameworks: [
      { framework: 'cis', id: '5.2.7' },
      { framework: 'nsa', id: 'non-root' },
    ],
  },
  {
    check: 'runAsNonRoot',
    level: 'restricted',
    versions: [
      // Before v1.35 the user-namespace relaxation hung on an alpha feature gate that was off almost everywhere.
      { minimum: 0, check: runAsNonRoot_1_0 },
      { minimum: 35, check: runAsNonRoot_1_35 },
    ],
  },
);

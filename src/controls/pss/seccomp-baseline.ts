/**
 * If seccomp profiles are specified, only the runtime default and node-local profiles are allowed.
 *
 * v1.0 - v1.18:
 * Restricted fields: metadata.annotations['seccomp.security.alpha.kubernetes.io/pod'],
 * metadata.annotations['container.seccomp.security.alpha.kubernetes.io/<container name>']
 * Allowed values: 'runtime/default', 'docker/default', 'localhost/*', undefined
 *
 * v1.19+:
 * Restricted fields: spec.securityContext.seccompProfile.type, spec.containers[*].securityContext.seccompProfile.type
 * (and initContainers, ephemeralContainers)
 * Allowed values: 'RuntimeDefault', 'Localhost', undefined
 */
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { annotationsOf, type PssPod } from './pod.js';
import { explicitlyBadSeccomp } from './seccomp.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

function seccompProfileBaseline_1_0(pod: PssPod): Violation[] {
  const annotations = annotationsOf(pod);
  const keys = [
    POD_ANNOTATION,
    ...pod.containers.map(({ container }) => CONTAINER_ANNOTATION_PREFIX + (typeof container.name === 'string' ? container.name : '')),
  ];
  const violations: Violation[] = [];
  for (const key of new Set(keys)) {
    const value = annotations[key];
    if (typeof value !== 'string' || validAnnotationValue(value)) continue;
    violations.push({
      path: [...pod.metadataPath, 'annotations', key],
      message: `seccompProfile: forbidden annotation ${key}=${JSON.stringify(value)}`,
      found: value,
      expected: 'runtime/default, docker/default or localhost/<profile>',
    });
  }
  return violations;
}

export default definePssControl(
  {
    id: 'pss-seccomp-baseline',
    title: 'Seccomp disabled (Unconfined profile)',
    severity: 'medium',
    description: 'Flags seccomp profiles set to anything but RuntimeDefault or Localhost (before v1.19: the alpha seccomp annotations).',
    rationale:
      'Seccomp filters the system calls a container may make; the runtime default blocks dozens used in kernel exploits and escapes (unshare, keyctl, bpf, mount). Unconfined removes the filter.',
    remediation: 'Set seccompProfile.type to RuntimeDefault (or Localhost with a profile on the nodes) instead of Unconfined, and remove unconfined seccomp annotations.',
    frameworks: [
      { framework: 'nsa', id: 'hardening-env' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  {
    check: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { minimum: 0, check: seccompProfileBaseline_1_0 },
      { minimum: 19, check: explicitlyBadSeccomp },
    ],
  },
);

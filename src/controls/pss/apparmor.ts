/**
 * On supported hosts the runtime/default AppArmor profile applies by default; the baseline policy prevents
 * overriding or disabling it, except in favour of a profile loaded on the node.
 *
 * Restricted fields: metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']
 * Allowed values: 'runtime/default', 'localhost/*', empty, undefined
 *
 * Restricted fields: spec.securityContext.appArmorProfile.type, spec.containers[*].securityContext.appArmorProfile.type
 * (and initContainers, ephemeralContainers)
 * Allowed values: 'RuntimeDefault', 'Localhost', undefined
 */
import { record, type AppArmorProfile } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { definePssControl } from './define.js';
import { annotationsOf, securityContextSetters, type PssPod } from './pod.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function appArmorProfile_1_0(pod: PssPod): Violation[] {
  const violations: Violation[] = [];
  for (const { who, context, path } of securityContextSetters(pod)) {
    const profile = record<AppArmorProfile>(context?.appArmorProfile);
    if (!profile || profile.type === 'RuntimeDefault' || profile.type === 'Localhost') continue;
    violations.push({
      path: [...path, 'appArmorProfile', 'type'],
      message: `forbidden AppArmor profile: ${who} must not set AppArmor profile type to ${JSON.stringify(profile.type ?? '')}`,
      found: profile.type ?? null,
      expected: 'RuntimeDefault or Localhost',
    });
  }
  for (const [key, value] of Object.entries(annotationsOf(pod))) {
    if (!key.startsWith(ANNOTATION_PREFIX) || typeof value !== 'string' || allowedAnnotationValue(value)) continue;
    violations.push({
      path: [...pod.metadataPath, 'annotations', key],
      message: `forbidden AppArmor profile: annotation ${key}=${JSON.stringify(value)} is not allowed`,
      found: value,
      expected: 'runtime/default, localhost/<profile> or empty',
    });
  }
  return violations;
}

export default definePssControl(
  {
    id: 'pss-apparmor',
    title: 'AppArmor profile disabled or overridden',
    severity: 'medium',
    description: 'Flags AppArmor profiles other than the runtime default or a node-local profile, set by field or by the beta annotation.',
    rationale:
      'The runtime default AppArmor profile blocks writes to /proc and /sys, mounts and other calls used in container escapes. Setting it to unconfined removes that layer for the whole container.',
    remediation: 'Remove the Unconfined profile: leave appArmorProfile unset, or set type RuntimeDefault (or Localhost with a profile loaded on the nodes); drop `unconfined` annotations.',
    frameworks: [
      { framework: 'nsa', id: 'hardening-env' },
      { framework: 'mitre', id: 'T1611' },
    ],
  },
  { check: 'appArmorProfile', level: 'baseline', versions: [{ minimum: 0, check: appArmorProfile_1_0 }] },
);

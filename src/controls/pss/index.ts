/**
 * The Pod Security Standards as kspm controls, and the levels they compose: baseline is its own checks; restricted is
 * every baseline check plus the restricted ones, minus the baseline checks a restricted check replaces at that
 * version (policy/registry.go upstream).
 */
import type { K8sObject } from '../../model/k8s.js';
import type { Violation } from '../types.js';
import { implementationAt, type PssControl, type PssImplementation, type PssLevel } from './define.js';
import { pssPodOf } from './pod.js';
import { LATEST_PSS_VERSION, type PssVersion } from './version.js';
import allowPrivilegeEscalation from './allow-privilege-escalation.js';
import apparmor from './apparmor.js';
import capabilitiesBaseline from './capabilities-baseline.js';
import capabilitiesRestricted from './capabilities-restricted.js';
import hostNamespaces from './host-namespaces.js';
import hostPathVolumes from './host-path-volumes.js';
import hostPorts from './host-ports.js';
import hostProbes from './host-probes.js';
import privileged from './privileged.js';
import procMount from './proc-mount.js';
import procMountRestricted from './proc-mount-restricted.js';
import restrictedVolumes from './restricted-volumes.js';
import runAsNonRoot from './run-as-non-root.js';
import runAsUser from './run-as-user.js';
import seccompBaseline from './seccomp-baseline.js';
import seccompRestricted from './seccomp-restricted.js';
import selinux from './selinux.js';
import sysctls from './sysctls.js';
import windowsHostProcess from './windows-host-process.js';

export type { PssControl, PssImplementation, PssInfo, PssLevel } from './define.js';

/** Baseline checks first, then restricted ones, in the order upstream reports them. */
export const PSS_CONTROLS: readonly PssControl[] = [
  apparmor,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbes,
  privileged,
  procMount,
  seccompBaseline,
  selinux,
  sysctls,
  windowsHostProcess,
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
];

export interface ControlInForce {
  control: PssControl;
  implementation: PssImplementation;
}

/** The controls, with the implementation each runs, that a level enforces at a policy version. */
export function controlsInForce(level: PssLevel, version: PssVersion): ControlInForce[] {
  const candidates = PSS_CONTROLS.filter((control) => level === 'restricted' || control.pss.level === 'baseline')
    .map((control) => ({ control, implementation: implementationAt(control.pss.versions, version) }))
    .filter((entry): entry is ControlInForce => entry.implementation !== undefined);
  const overridden = new Set(candidates.flatMap(({ implementation }) => implementation.overrides ?? []));
  return candidates.filter(({ control }) => !overridden.has(control.meta.id));
}

/** Ids of the controls in force at a level (at the newest policy version unless one is given). */
export function pssControlIds(level: PssLevel, version: PssVersion = LATEST_PSS_VERSION): string[] {
  return controlsInForce(level, version).map(({ control }) => control.meta.id);
}

export interface PodSecurityViolation extends Violation {
  controlId: string;
  /** Upstream's check id, e.g. `runAsNonRoot`. */
  check: string;
}

/**
 * Judges a workload (any kind that holds a pod template) as Pod Security Admission would at `level` and `version`.
 * An empty list means the pod is allowed; objects without a pod template are always allowed.
 */
export function evaluatePodSecurity(object: K8sObject, level: PssLevel, version: PssVersion): PodSecurityViolation[] {
  const pod = pssPodOf(object);
  if (!pod) return [];
  return controlsInForce(level, version).flatMap(({ control, implementation }) =>
    implementation.check(pod).map((violation) => ({ ...violation, controlId: control.meta.id, check: control.pss.check })),
  );
}

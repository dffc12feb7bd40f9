/**
 * A Pod Security Standards check as a kspm control: upstream's model of one check with versioned implementations.
 * The policy version in force selects the newest implementation whose minimum version it reaches; a check whose first
 * implementation is newer than the policy version reports nothing.
 */
import { defineControl, type ControlMeta, type ResourceControl, type Violation } from '../types.js';
import { pssPodOf, type PssPod } from './pod.js';
import type { PssVersion } from './version.js';

export type PssLevel = 'baseline' | 'restricted';

export type PodCheck = (pod: PssPod) => Violation[];

export interface PssImplementation {
  /** The first policy version (minor of v1.N) this implementation applies to. */
  minimum: number;
  check: PodCheck;
  /** Ids of baseline controls this restricted implementation replaces while it is in force. */
  overrides?: readonly string[];
}

export interface PssInfo {
  /** Upstream's check id, e.g. `hostNamespaces`. */
  check: string;
  level: PssLevel;
  /** Every baseline control id any implementation of this check replaces. */
  overrides: readonly string[];
  /** Ascending by minimum version. */
  versions: readonly PssImplementation[];
}

export type PssControl = ResourceControl & { pss: PssInfo };

/** What each control states itself; category, applicability and the PSS level reference are the same for all. */
export type PssMeta = Omit<ControlMeta, 'category' | 'appliesTo'>;

export function implementationAt(versions: readonly PssImplementation[], version: PssVersion): PssImplementation | undefined {
  let chosen: PssImplementation | undefined;
  for (const implementation of versions) if (implementation.minimum <= version.minor) chosen = implementation;
  return chosen;
}

export function definePssControl(
  meta: PssMeta,
  pss: { check: string; level: PssLevel; versions: readonly PssImplementation[] },
): PssControl {
  const versions = [...pss.versions].sort((a, b) => a.minimum - b.minimum);
  const control = defineControl(
    {
      ...meta,
      category: 'Pod Security',
      appliesTo: 'workloads',
      frameworks: [...meta.frameworks, { framework: 'pss', id: pss.level }],
    },
    (object, options) => {
      const implementation = implementationAt(versions, options.pssVersion);
      if (!implementation) return [];
      const pod = pssPodOf(object);
      return pod ? implementation.check(pod) : [];
    },
  );
  const overrides = [...new Set(versions.flatMap((implementation) => implementation.overrides ?? []))];
  return { ...control, pss: { check: pss.check, level: pss.level, overrides, versions } };
}
